// Reading figures out of table cells. Exact: the digits as printed become a
// Decimal with their scale; nothing passes through floating point.
#include "internal.h"

namespace hezhang {

namespace {

bool is_placeholder(std::string_view t) {
  static const char* kPlaceholders[] = {"-", "--", "---", "—", "——", "———", "/", "—/—",
                                        "－", "－－", "…", "……", "*", "**", "x", "X", "×"};
  for (const char* p : kPlaceholders)
    if (t == p) return true;
  return false;
}

// Removes thousands separators: a comma is one only when it has a digit on its
// left and exactly three digits on its right. Returns false for a comma that
// is not a separator (then the cell is text, not a number).
bool strip_separators(std::string_view in, std::string& out) {
  out.clear();
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == ',') {
      bool left = i > 0 && in[i - 1] >= '0' && in[i - 1] <= '9';
      std::size_t d = 0;
      while (i + 1 + d < in.size() && in[i + 1 + d] >= '0' && in[i + 1 + d] <= '9') ++d;
      if (!left || d != 3) return false;
      continue;
    }
    out += c;
  }
  return true;
}

}  // namespace

ParsedNumber parse_cell_number(std::string_view raw) {
  ParsedNumber r;
  std::string t = without_spaces(raw);
  if (t.empty()) return r;
  if (is_placeholder(t)) { r.kind = CellKind::Placeholder; return r; }

  bool negative = false;
  // Accounting negatives: (12.5) / （12.5）.
  if ((starts_with(t, "(") && t.back() == ')')) {
    t = t.substr(1, t.size() - 2);
    negative = true;
  } else if (starts_with(t, "（") && t.size() > 6 && t.compare(t.size() - 3, 3, "）") == 0) {
    t = t.substr(3, t.size() - 6);
    negative = true;
  }
  bool percent = false;
  if (!t.empty() && t.back() == '%') {
    percent = true;
    t.pop_back();
  }
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    if (negative && t[0] == '-') { r.kind = CellKind::Text; return r; }
    negative = negative || t[0] == '-';
    t.erase(0, 1);
  }
  std::string digits;
  if (t.empty() || !strip_separators(t, digits)) { r.kind = CellKind::Text; return r; }
  auto value = Decimal::parse(digits);
  if (!value) { r.kind = CellKind::Text; return r; }
  if (negative) value->units = -value->units;
  r.kind = percent ? CellKind::Percent : CellKind::Amount;
  r.value = value;
  return r;
}

std::optional<int> unit_power(std::string_view unit) {
  if (unit == "元") return 0;
  if (unit == "千元") return 3;
  if (unit == "万元") return 4;
  if (unit == "百万元") return 6;
  if (unit == "亿元") return 8;
  return std::nullopt;
}

}  // namespace hezhang
