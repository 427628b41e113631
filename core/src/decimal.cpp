#include "hezhang/decimal.h"

#include <algorithm>
#include <cstdlib>

#include "internal.h"

namespace hezhang {
namespace {

constexpr std::int64_t kPow10[] = {1,
                                   10,
                                   100,
                                   1000,
                                   10000,
                                   100000,
                                   1000000,
                                   10000000,
                                   100000000,
                                   1000000000,
                                   10000000000,
                                   100000000000,
                                   1000000000000,
                                   10000000000000,
                                   100000000000000,
                                   1000000000000000,
                                   10000000000000000,
                                   100000000000000000,
                                   1000000000000000000};

}  // namespace

std::optional<Decimal> Decimal::parse(std::string_view text) {
  if (text.empty()) return std::nullopt;
  bool negative = false;
  std::size_t i = 0;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    i = 1;
  }
  std::int64_t units = 0;
  int scale = 0, digits = 0, significant = 0;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.') {
      if (seen_point) return std::nullopt;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++digits;
    if (seen_point) {
      if (++scale > kMaxScale) return std::nullopt;
    }
    if (units != 0 || c != '0') ++significant;
    if (significant > 18) return std::nullopt;  // would not fit exactly
    units = units * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  if (seen_point && scale == 0) return std::nullopt;  // "12." is not a number here
  Decimal d;
  d.units = negative ? -units : units;
  d.scale = scale;
  return d;
}

namespace {

// Work on the magnitude as unsigned so INT64_MIN cannot overflow.
std::uint64_t magnitude(std::int64_t units) {
  return units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
}

}  // namespace

// Digits, with a point before the last `scale` of them when scale > 0, and
// zeros in front so that one digit stands before the point ("0.05").
std::size_t Decimal::length() const {
  std::size_t digits = decimal_digits(magnitude(units)), sign = units < 0 ? 1 : 0;
  if (scale <= 0) return sign + digits;
  const auto s = static_cast<std::size_t>(scale);
  return sign + (digits > s ? digits : s + 1) + 1;
}

char* Decimal::write(char* out) const {
  char digits[20];
  const std::uint64_t m = magnitude(units);
  const std::size_t n = decimal_digits(m);
  write_digits_backward(digits + n, m);
  if (units < 0) *out++ = '-';
  if (scale <= 0) return std::copy(digits, digits + n, out);
  const auto s = static_cast<std::size_t>(scale);
  if (n <= s) {
    *out++ = '0';
    *out++ = '.';
    out = std::fill_n(out, s - n, '0');
    return std::copy(digits, digits + n, out);
  }
  out = std::copy(digits, digits + (n - s), out);
  *out++ = '.';
  return std::copy(digits + (n - s), digits + n, out);
}

std::string Decimal::to_string() const {
  std::string s(length(), '0');
  write(&s[0]);
  return s;
}

std::optional<Decimal> Decimal::rescaled(int new_scale) const {
  if (new_scale < scale || new_scale > 18) return std::nullopt;
  std::int64_t out;
  if (!multiply_checked(units, kPow10[new_scale - scale], &out)) return std::nullopt;
  return Decimal{out, new_scale};
}

std::optional<Decimal> Decimal::shifted_by(int power) const {
  if (power == 0) return *this;
  if (power < 0) {
    // Dividing by 10^k: raise the scale (exact) while it stays in range.
    int new_scale = scale - power;
    if (new_scale > kMaxScale) return std::nullopt;
    return Decimal{units, new_scale};
  }
  // Multiplying by 10^k: first consume decimals, then scale the units.
  int from_scale = power < scale ? power : scale;
  Decimal d{units, scale - from_scale};
  int rest = power - from_scale;
  if (rest > 18) return std::nullopt;
  std::int64_t out;
  if (!multiply_checked(d.units, kPow10[rest], &out)) return std::nullopt;
  d.units = out;
  return d;
}

std::optional<Decimal> add(const Decimal& a, const Decimal& b) {
  int scale = a.scale > b.scale ? a.scale : b.scale;
  auto x = a.rescaled(scale), y = b.rescaled(scale);
  if (!x || !y) return std::nullopt;
  std::int64_t out;
  if (__builtin_add_overflow(x->units, y->units, &out)) return std::nullopt;
  return Decimal{out, scale};
}

std::optional<Decimal> subtract(const Decimal& a, const Decimal& b) {
  int scale = a.scale > b.scale ? a.scale : b.scale;
  auto x = a.rescaled(scale), y = b.rescaled(scale);
  if (!x || !y) return std::nullopt;
  std::int64_t out;
  if (__builtin_sub_overflow(x->units, y->units, &out)) return std::nullopt;
  return Decimal{out, scale};
}

int compare(const Decimal& a, const Decimal& b) {
  int scale = a.scale > b.scale ? a.scale : b.scale;
  auto x = a.rescaled(scale), y = b.rescaled(scale);
  if (x && y) return x->units < y->units ? -1 : (x->units > y->units ? 1 : 0);
  // Rescaling overflowed: compare with 128-bit integers, always exact here.
  __int128 xa = a.units, yb = b.units;
  for (int i = a.scale; i < scale; ++i) xa *= 10;
  for (int i = b.scale; i < scale; ++i) yb *= 10;
  return xa < yb ? -1 : (xa > yb ? 1 : 0);
}

}  // namespace hezhang
