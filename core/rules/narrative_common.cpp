// Shared by the narrative families: exact intervals, judging, wording.
#include <algorithm>
#include <array>

#include "../src/internal.h"
#include "narrative.h"

namespace hezhang {

namespace {

constexpr int kMicro = 6;  // millionths

// 128-bit multiplication is a library call in WebAssembly: the powers
// that fit in 64 bits, and the products that do, are computed there.
Wide pow10(int n) {
  static constexpr auto kPowers = [] {
    std::array<std::int64_t, 19> powers{};
    powers[0] = 1;
    for (std::size_t i = 1; i < powers.size(); ++i) powers[i] = powers[i - 1] * 10;
    return powers;
  }();
  Wide p = kPowers[static_cast<std::size_t>(std::clamp(n, 0, 18))];
  for (int i = 18; i < n; ++i) p *= 10;
  return p;
}

// Decimal value at scale `scale` shifted by `power` (unit) into millionths.
std::optional<Wide> to_micro(const Decimal& d, int power) {
  int shift = kMicro + power - d.scale;
  if (shift < 0 || shift > 30) return std::nullopt;  // finer than millionths: not money as printed
  const Wide power_of_ten = pow10(shift);
  if (std::int64_t micro; shift <= 18 && multiply_checked(d.units, static_cast<std::int64_t>(power_of_ten), &micro))
    return micro;
  return static_cast<Wide>(d.units) * power_of_ten;
}

Span span_of(Wide mid, int power, int decimals, bool exact) {
  Span s{mid, mid, mid};
  int shift = kMicro + power - decimals - 1;
  if (exact || shift < 0) return s;
  Wide half = 5 * pow10(shift);
  s.lo = mid - half;
  s.hi = mid + half;
  return s;
}

Wide abs_wide(Wide v) { return v < 0 ? -v : v; }

std::string wide_string(Wide v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  if (neg) v = -v;
  std::string s;
  while (v > 0) {
    s += static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  if (neg) s += '-';
  std::reverse(s.begin(), s.end());
  return s;
}

// v / 10^shift rounded half away from zero, shown with `decimals` decimals.
std::string fixed_text(Wide v, int shift, int decimals) {
  Wide q = v;
  if (shift > 0) {
    Wide p = pow10(shift);
    q = (abs_wide(v) + p / 2) / p;
    if (v < 0) q = -q;
  }
  bool neg = q < 0;
  std::string digits = wide_string(abs_wide(q));
  if (decimals > 0) {
    while (static_cast<int>(digits.size()) <= decimals) digits.insert(digits.begin(), '0');
    digits.insert(digits.end() - decimals, '.');
  }
  return neg ? "-" + digits : digits;
}

}  // namespace

bool is_money(const Claim& c) { return c.unit == "元"sv || c.unit == "万元"sv || c.unit == "亿元"sv; }

bool is_amount_relation(const Claim& c) {
  return c.relation == "value"sv || c.relation == "actual"sv || c.relation == "budget"sv;
}

int shown_decimals(const Claim& c) {
  if (is_money(c) && c.unit != "亿元"sv) return std::max(c.value.scale, 2);
  return c.value.scale;
}

std::optional<Span> money_span(const Claim& c) {
  if (!is_money(c)) return std::nullopt;
  auto power = unit_power(c.unit);
  if (!power) return std::nullopt;
  auto mid = to_micro(c.value, *power);
  if (!mid) return std::nullopt;
  return span_of(*mid, *power, shown_decimals(c), c.value.is_zero());
}

std::optional<Span> percent_span(const Claim& c) {
  if (c.unit != "%"sv) return std::nullopt;
  return percent_value_span(c.value);
}

std::optional<Span> percent_value_span(const Decimal& percent) {
  auto mid = to_micro(percent, 0);
  if (!mid) return std::nullopt;
  return span_of(*mid, 0, percent.scale, false);
}

std::optional<Span> figure_span(const Table& t, const Decimal& value) {
  auto power = unit_power(t.unit.empty() ? "元" : t.unit);
  if (!power) return std::nullopt;
  auto mid = to_micro(value, *power);
  if (!mid) return std::nullopt;
  return span_of(*mid, *power, effective_scale(t, value), value.is_zero());
}

Span add(const Span& a, const Span& b) { return {a.lo + b.lo, a.mid + b.mid, a.hi + b.hi}; }
Span subtract(const Span& a, const Span& b) { return {a.lo - b.hi, a.mid - b.mid, a.hi - b.lo}; }

Outcome judge_equal(const Span& stated, const Span& implied) {
  if (stated.mid == implied.mid) return Outcome::Passed;
  if (stated.lo <= implied.hi && implied.lo <= stated.hi) return Outcome::Rounding;
  return Outcome::Failed;
}

Outcome judge_same(const Span& a, const Span& b) {
  if ((a.lo <= b.mid && b.mid <= a.hi) || (b.lo <= a.mid && a.mid <= b.hi)) return Outcome::Passed;
  return judge_equal(a, b);
}

Outcome judge_ratio(const Span& p, const Span& part, const Span& whole) {
  // p is percent·10^6; part/whole·100·10^6 must meet [p.lo, p.hi].
  const Wide k = 100 * pow10(kMicro);
  if (whole.lo <= 0) return Outcome::Failed;
  bool exact = p.mid * whole.mid == k * part.mid;
  // Within half a unit of the last digit of the mid-point ratio: passed.
  bool meets = p.lo * whole.lo <= k * part.hi && k * part.lo <= p.hi * whole.hi;
  if (exact) return Outcome::Passed;
  if (meets) return Outcome::Passed;
  // Off by less than one unit of the last shown digit: a rounding slip.
  Wide unit = 2 * (p.hi - p.mid);  // one unit of the last digit
  Span wider{p.lo - unit, p.mid, p.hi + unit};
  if (wider.lo * whole.lo <= k * part.hi && k * part.lo <= wider.hi * whole.hi) return Outcome::Rounding;
  return Outcome::Failed;
}

std::string ratio_text(const Span& part, const Span& whole, int decimals) {
  if (whole.mid == 0) return "";
  // part/whole·100 at `decimals` decimals, rounded half away from zero.
  Wide num = part.mid * 100 * pow10(decimals) * 2;
  Wide q = num / whole.mid;
  q = q >= 0 ? (q + 1) / 2 : (q - 1) / 2;
  return fixed_text(q, 0, decimals);
}

std::string money_text(Wide micro, const std::string& unit, int decimals) {
  auto power = unit_power(unit);
  int shift = kMicro + (power ? *power : 0) - decimals;
  return fixed_text(micro, shift, decimals);
}

ClaimIndex::ClaimIndex(const std::vector<Claim>& claims) : claims_(claims) {
  auto group_of = [&](std::size_t i) { return static_cast<std::size_t>(std::max(claims[i].group, 0)); };
  std::size_t groups = 0;
  for (std::size_t i = 0; i < claims.size(); ++i) groups = std::max(groups, group_of(i) + 1);
  start_.assign(groups + 1, 0);
  for (std::size_t i = 0; i < claims.size(); ++i) ++start_[group_of(i) + 1];
  for (std::size_t g = 0; g < groups; ++g) start_[g + 1] += start_[g];
  by_group_.resize(claims.size());
  std::vector<std::size_t> next(start_);  // where group g's next index goes
  for (std::size_t i = 0; i < claims.size(); ++i) by_group_[next[group_of(i)]++] = i;
}

const ClaimIndex& RuleContext::claim_index() {
  if (!claim_index_) claim_index_ = std::make_shared<const ClaimIndex>(report_.claims);
  return *claim_index_;
}

ClaimIndex::Indices ClaimIndex::group(int g) const {
  if (g < 0 || static_cast<std::size_t>(g) + 1 >= start_.size()) return {nullptr, nullptr};
  const std::size_t* data = by_group_.data();
  return {data + start_[static_cast<std::size_t>(g)], data + start_[static_cast<std::size_t>(g) + 1]};
}

const Claim* ClaimIndex::amount(int g, std::size_t before, std::string_view relation) const {
  for (std::size_t i : group(g)) {
    if (i >= before) break;
    const Claim& c = claims_[i];
    if (!is_money(c) || !is_amount_relation(c)) continue;
    if (!relation.empty() && c.relation != relation) continue;
    return &c;
  }
  return nullptr;
}

const Claim* ClaimIndex::next_in_group(std::size_t at, std::string_view relation) const {
  for (std::size_t k : group(claims_[at].group))
    if (k > at && claims_[k].relation == relation) return &claims_[k];
  return nullptr;
}

const Claim* ClaimIndex::stated_before(std::size_t at, bool or_actual) const {
  const Claim& like = claims_[at];
  // A bounded look back keeps a section of a million figures linear.
  for (std::size_t i = at, n = 0; i-- > 0 && n++ < 256;) {
    const Claim& c = claims_[i];
    if (c.section != like.section) break;
    if (c.subject == like.subject && c.scope == like.scope && is_money(c) &&
        (c.relation == "value"sv || (or_actual && c.relation == "actual"sv)))
      return &c;
  }
  return nullptr;
}

namespace {

Finding claim_finding_with(const std::string& rule, const Claim& c, const char* severity, const char* materiality,
                           const std::string& expected, const std::string& actual, const std::string& unit,
                           const std::string& zh, const std::string& en, std::vector<int> related) {
  Finding f;
  f.rule = rule;
  f.severity = severity;
  f.materiality = materiality;
  f.first_line = f.last_line = c.line;
  std::sort(related.begin(), related.end());
  related.erase(std::unique(related.begin(), related.end()), related.end());
  related.erase(std::remove(related.begin(), related.end(), c.line), related.end());
  f.related_lines = std::move(related);
  f.expected = expected;
  f.actual = actual;
  // actual - expected, exactly as printed.
  auto a = Decimal::parse(actual), e = Decimal::parse(expected);
  if (a && e)
    if (auto d = subtract(*a, *e)) f.difference = d->to_string();
  f.unit = unit;
  f.message_zh = "第 " + std::to_string(c.line) + " 行：" + zh;
  f.message_en = "Line " + std::to_string(c.line) + ": " + en;
  return f;
}

}  // namespace

Finding claim_finding(const std::string& rule, const Claim& c, Outcome outcome, const std::string& expected,
                      const std::string& actual, const std::string& unit, const std::string& zh,
                      const std::string& en, std::vector<int> related) {
  bool failed = outcome == Outcome::Failed;
  return claim_finding_with(rule, c, failed ? "error" : "info", failed ? "material" : "rounding", expected, actual,
                            unit, failed ? zh : zh + "（在四舍五入尾差范围内）",
                            failed ? en : en + " (within rounding)", std::move(related));
}

Finding claim_note(const std::string& rule, const Claim& c, const std::string& actual, const std::string& unit,
                   const std::string& zh, const std::string& en, std::vector<int> related) {
  return claim_finding_with(rule, c, "info", "rounding", "", actual, unit, zh, en, std::move(related));
}

std::string claim_check_id(const std::string& rule, const Claim& c) {
  return concat({rule, "@L", std::to_string(c.line), ":", std::to_string(c.begin)});
}

}  // namespace hezhang
