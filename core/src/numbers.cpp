// Reading figures out of table cells. Exact: the digits as printed become a
// Decimal with their scale; nothing passes through floating point.
#include <algorithm>

#include "internal.h"

namespace hezhang {

namespace {

bool is_placeholder(std::string_view t) {
  static constexpr std::string_view kPlaceholders[] = {"-", "--", "---", "—", "——", "———",
                                                       "/", "—/—", "－", "－－", "…", "……",
                                                       "*", "**", "x", "X", "×"};
  for (std::string_view p : kPlaceholders)
    if (t == p) return true;
  return false;
}

// Removes thousands separators: a comma is one only when it has a digit on its
// left and exactly three digits on its right. Returns false for a comma that
// is not a separator (then the cell is text, not a number).
bool strip_separators(std::string_view in, std::string& out) {
  // Written through a pointer into room for all of `in`, then cut: a call
  // to push_back per character had been 0.7% of a report of figures with
  // separators in WebAssembly, where libc++ does not inline it.
  out.resize(in.size());
  char* to = out.data();
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == ',') {
      bool left = i > 0 && in[i - 1] >= '0' && in[i - 1] <= '9';
      std::size_t d = 0;
      while (i + 1 + d < in.size() && in[i + 1 + d] >= '0' && in[i + 1 + d] <= '9') ++d;
      if (!left || d != 3) return false;
      continue;
    }
    *to++ = c;
  }
  out.resize(static_cast<std::size_t>(to - out.data()));
  return true;
}

}  // namespace

ParsedNumber parse_cell_number(std::string_view raw) {
  ParsedNumber r;
  // Most cells are a plain figure ("26643.00", "-5"), which the steps below
  // would leave as it is: read at once.
  if (auto value = Decimal::parse(raw)) {
    r.kind = CellKind::Amount;
    r.value = value;
    return r;
  }
  // Views into the cell (or its copy without spaces): a table has thousands.
  std::string buffer;
  std::string_view t = without_spaces(raw, buffer);
  if (t.empty()) return r;
  if (is_placeholder(t)) { r.kind = CellKind::Placeholder; return r; }

  bool negative = false;
  // Accounting negatives: (12.5) / （12.5）.
  if ((starts_with(t, "(") && t.back() == ')')) {
    t = t.substr(1, t.size() - 2);
    negative = true;
  } else if (starts_with(t, "（") && t.size() > 6 && t.substr(t.size() - 3) == "）"sv) {
    t = t.substr(3, t.size() - 6);
    negative = true;
  }
  bool percent = false;
  if (!t.empty() && t.back() == '%') {
    percent = true;
    t.remove_suffix(1);
  }
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    if (negative && t[0] == '-') { r.kind = CellKind::Text; return r; }
    negative = negative || t[0] == '-';
    t.remove_prefix(1);
  }
  if (t.empty()) { r.kind = CellKind::Text; return r; }
  std::string digits;  // only a figure with separators is copied
  if (t.find(',') != std::string_view::npos) {
    if (!strip_separators(t, digits)) { r.kind = CellKind::Text; return r; }
    t = digits;
  }
  auto value = Decimal::parse(t);
  if (!value) { r.kind = CellKind::Text; return r; }
  if (negative) value->units = -value->units;
  r.kind = percent ? CellKind::Percent : CellKind::Amount;
  r.value = value;
  return r;
}

std::size_t figure_digits(std::string_view raw) {
  // The shape of a figure: signs, brackets, separators, a point, a percent
  // sign and digits, nothing else. Counts the digits.
  // At most one sign and one point: "2019-2020-2021" is not a figure.
  std::size_t digits = 0;
  int signs = 0, points = 0;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c >= '0' && c <= '9') { ++digits; continue; }
    if (c == '-' || c == '+') { if (++signs > 1) return 0; continue; }
    if (c == '.') { if (++points > 1) return 0; continue; }
    if (c == ',' || c == '%' || c == '(' || c == ')' || c == ' ') continue;
    if (raw.compare(i, 3, "（") == 0 || raw.compare(i, 3, "）") == 0) { i += 2; continue; }
    return 0;
  }
  return digits;
}

void enforce_number_digits(std::vector<Table>& tables, const Limits& limits,
                           std::vector<InputMessage>& messages) {
  // A Decimal holds 18 significant digits: a larger limit cannot make more readable.
  std::size_t limit = std::min<std::size_t>(limits.max_number_digits, 18);
  int first_line = 0;
  std::size_t count = 0, longest = 0;
  for (Table& t : tables)
    for (TableRow& row : t.rows)
      for (Cell& cell : row.cells) {
        if (cell.kind != CellKind::Amount && cell.kind != CellKind::Percent && cell.kind != CellKind::Text)
          continue;
        std::size_t digits = figure_digits(cell.text);
        if (digits <= limit) continue;
        // Unreadable, never wrapped or truncated: the checks that need it are not made.
        cell.kind = CellKind::Text;
        cell.value.reset();
        if (!first_line) first_line = row.line;
        ++count;
        longest = std::max(longest, digits);
      }
  if (!count) return;
  std::string n = std::to_string(count), l = std::to_string(first_line), d = std::to_string(longest),
              lim = std::to_string(limit);
  messages.push_back(make_message(
      "limit.number_digits", "warning", first_line,
      "第 " + l + " 行起共 " + n + " 个数字位数过多（最长 " + d + " 位，上限 " + lim +
          " 位），无法准确读取，已按文字处理，涉及它们的核对未进行。",
      n + " figure(s) from line " + l + " have too many digits (up to " + d + "; the limit is " + lim +
          "): they cannot be read exactly, are treated as text, and the checks that need them were not made."));
}

const char* const kProseNumberPattern =
    R"((\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|%|个|辆|人次|批次|台\(套\)|台（套）|人)?)";

bool next_prose_number(std::string_view s, std::size_t from, ProseNumber& out) {
  auto digit = [&](std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; };
  auto digits_from = [&](std::size_t i) {
    while (digit(i)) ++i;
    return i;
  };
  // Prose has few digits: eight bytes at a time to the first (a digit XOR
  // '0' is below 10).
  std::size_t p = skip_to_flagged(s.data(), from, s.size(),
                                  [](std::uint64_t w) { return bytes_below(w ^ (kEachByte * '0'), 10); });
  while (p < s.size() && !digit(p)) ++p;
  if (p >= s.size()) return false;
  std::size_t run = digits_from(p), e;
  // First alternative: 1-3 digits then ",ddd" groups (a longer run can never
  // be followed by its comma within \d{1,3}). Greedy groups, then decimals.
  auto group = [&](std::size_t i) { return i < s.size() && s[i] == ',' && digit(i + 1) && digit(i + 2) && digit(i + 3); };
  if (run - p <= 3 && group(run)) {
    e = run;
    while (group(e)) e += 4;
  } else {
    e = run;
  }
  if (e < s.size() && s[e] == '.' && digit(e + 1)) e = digits_from(e + 1);
  const std::size_t u = skip_re2_spaces(s, e);  // \s*
  static const std::string_view kUnits[] = {"亿元", "万元", "元", "%", "个", "辆", "人次",
                                            "批次", "台(套)", "台（套）", "人"};
  out.begin = p;
  out.end = e;
  out.unit_begin = out.unit_end = u;
  // starts_with tests each unit's last byte before any memcmp: most
  // figures have no unit, or the first one.
  for (std::string_view unit : kUnits)
    if (starts_with(s.substr(u), unit)) {
      out.unit_end = u + unit.size();
      break;
    }
  out.match_end = out.unit_end;
  return true;
}

std::optional<int> unit_power(std::string_view unit) {
  if (unit == "元"sv) return 0;
  if (unit == "千元"sv) return 3;
  if (unit == "万元"sv) return 4;
  if (unit == "百万元"sv) return 6;
  if (unit == "亿元"sv) return 8;
  return std::nullopt;
}

}  // namespace hezhang
