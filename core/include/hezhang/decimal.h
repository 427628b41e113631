// Exact decimal numbers for money: value = units / 10^scale.
// The printed scale is kept (4000 has scale 0, 4000.00 has scale 2), because
// the rounding model needs to know how many decimals a figure was shown with.
// Arithmetic is overflow-checked: a result that does not fit is std::nullopt,
// never a wrapped value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hezhang {

struct Decimal {
  std::int64_t units = 0;
  int scale = 0;  // 0..kMaxScale

  static constexpr int kMaxScale = 8;

  // Parses a plain ASCII number: optional '-', digits, optional '.', digits.
  // Thousands separators must already be removed. Returns nullopt when the
  // text is not such a number or does not fit in 18 significant digits.
  static std::optional<Decimal> parse(std::string_view text);

  // "1802.64", "-12.5", "4000": exactly the printed digits.
  std::string to_string() const;
  // The same characters written at `out`, which has room for length() of
  // them; returns their end. No allocation: the JSON writer's figures.
  std::size_t length() const;
  char* write(char* out) const;

  // Same value at a larger scale (nullopt on overflow or scale < this->scale).
  std::optional<Decimal> rescaled(int new_scale) const;

  // Multiplies by 10^power (power may be negative only while it keeps
  // exactness: 12.34 * 10^-2 = 0.1234). Used to convert 万元 <-> 元. Inline
  // for power 0 (figures of one unit, most comparisons): a call each had
  // been most of its cost.
  std::optional<Decimal> shifted(int power) const { return power == 0 ? std::optional<Decimal>(*this) : shifted_by(power); }
  std::optional<Decimal> shifted_by(int power) const;  // shifted(), out of line (any power)

  bool is_zero() const { return units == 0; }
};

std::optional<Decimal> add(const Decimal& a, const Decimal& b);
std::optional<Decimal> subtract(const Decimal& a, const Decimal& b);
// Negative, zero or positive as a <, =, > b. Exact for any scales.
int compare(const Decimal& a, const Decimal& b);

}  // namespace hezhang
