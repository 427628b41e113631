// Formulas printed under tables, read exactly as printed:
//   "27 行 = (1+2+3+4+5+6+7+8) 行", "57 行 = (31+32+...+56) 行",
//   "6 栏各行 = (1+2-3) 栏各行", "1 栏=（2+3+6）栏".
#include <re2/re2.h>

#include "internal.h"

namespace hezhang {

namespace {

const RE2& formula_pattern() {
  // Compiled once; RE2 matches in linear time whatever the input.
  static const RE2 re(
      R"(((\d{1,4})\s*(行|栏)\s*(各行)?\s*=\s*\(?\s*((?:\d{1,4}|\s|\+|-|\.|…)+?)\s*\)?\s*(行|栏)\s*(各行)?))");
  return re;
}

// "31+32+...+56" -> terms; false when the expression is malformed.
bool parse_terms(std::string_view expr, std::vector<FormulaTerm>& terms) {
  int sign = 1;
  bool pending_range = false;
  std::size_t i = 0;
  bool expect_operand = true;
  while (i < expr.size()) {
    char c = expr[i];
    if (c == ' ') { ++i; continue; }
    if (c == '+' || c == '-') {
      if (expect_operand && !pending_range) return false;
      sign = c == '-' ? -1 : 1;
      expect_operand = true;
      ++i;
      continue;
    }
    if (c == '.' || starts_with(expr.substr(i), "…")) {
      while (i < expr.size() && (expr[i] == '.' || starts_with(expr.substr(i), "…")))
        i += expr[i] == '.' ? 1 : 3;
      if (terms.empty()) return false;
      pending_range = true;
      expect_operand = true;
      continue;
    }
    if (c >= '0' && c <= '9') {
      // 行次/栏次 are small; a longer run of digits is no formula term.
      int n = 0;
      std::size_t digits = 0;
      while (i < expr.size() && expr[i] >= '0' && expr[i] <= '9') {
        if (++digits <= 6) n = n * 10 + (expr[i] - '0');
        ++i;
      }
      if (digits > 6) return false;
      if (pending_range) {
        int from = terms.back().index;
        if (n <= from || n - from > 500) return false;
        for (int k = from + 1; k < n; ++k) terms.push_back({terms.back().sign, k});
        pending_range = false;
      }
      terms.push_back({sign, n});
      sign = 1;
      expect_operand = false;
      continue;
    }
    return false;
  }
  return !terms.empty() && !expect_operand;
}

}  // namespace

std::vector<Formula> parse_formulas(std::string_view text, int line) {
  std::vector<Formula> out;
  // Every formula has its '=': the other lines (it is asked of every line
  // after a table, and of short lines inside one) need no search.
  if (text.find('=') == std::string_view::npos) return out;
  re2::StringPiece input(text.data(), text.size());
  std::string whole, target, axis, each1, expr, axis2, each2;
  const RE2& re = formula_pattern();
  while (RE2::FindAndConsume(&input, re, &whole, &target, &axis, &each1, &expr, &axis2, &each2)) {
    if (axis != axis2) continue;
    Formula f;
    f.line = line;
    f.text = whole;
    f.axis = axis == "行" ? "row" : "column";
    f.each_row = !each1.empty() || !each2.empty();
    f.target = std::stoi(target);
    if (!parse_terms(expr, f.terms)) continue;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace hezhang
