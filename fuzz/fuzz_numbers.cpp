// Fuzz target: reading figures (parse_cell_number, Decimal) and exact
// arithmetic. The input is split at its first newline into two cells.
// Invariants: a figure prints back to text that parses to the same value;
// add and subtract either refuse (overflow) or are exact inverses, never wrap;
// compare agrees with subtract.
#include "fuzz_support.h"
#include "internal.h"

using hezhang::Decimal;

namespace {

std::optional<Decimal> read(std::string_view cell) {
  hezhang::ParsedNumber p = hezhang::parse_cell_number(cell);
  FUZZ_CHECK(p.value.has_value() == (p.kind == hezhang::CellKind::Amount || p.kind == hezhang::CellKind::Percent));
  if (!p.value) return std::nullopt;
  FUZZ_CHECK(p.value->scale >= 0 && p.value->scale <= Decimal::kMaxScale);
  // Printed back, it reads as the same value and scale.
  auto again = Decimal::parse(p.value->to_string());
  FUZZ_CHECK(again && again->units == p.value->units && again->scale == p.value->scale);
  // figure_digits (enforce_number_digits) on the same cell: run for crashes
  // only. No bound follows from readability: it counts leading zeros, which
  // a Decimal does not hold ("0000000000000000001" reads, with 19 digits).
  hezhang::figure_digits(cell);
  return p.value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  if (hezhang::find_invalid_utf8(text) != std::string_view::npos) return 0;
  std::size_t nl = text.find('\n');
  std::string_view first = text.substr(0, nl);
  std::string_view second = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  auto a = read(first);
  auto b = read(second);
  hezhang::unit_power(first);
  if (!a || !b) return 0;
  auto sum = hezhang::add(*a, *b);
  auto diff = hezhang::subtract(*a, *b);
  if (sum) {
    auto back = hezhang::subtract(*sum, *b);
    FUZZ_CHECK(back && hezhang::compare(*back, *a) == 0);
  }
  if (diff) {
    int c = hezhang::compare(*a, *b);
    FUZZ_CHECK((c < 0) == (diff->units < 0) && (c == 0) == (diff->units == 0));
  }
  FUZZ_CHECK(hezhang::compare(*a, *b) == -hezhang::compare(*b, *a));
  for (int power : {-8, -4, -1, 1, 4, 8}) {
    auto s = a->shifted(power);
    if (!s) continue;
    auto back = s->shifted(-power);
    if (back) FUZZ_CHECK(hezhang::compare(*back, *a) == 0);
  }
  return 0;
}
