// Formulas printed under tables, read exactly as printed:
//   "27 行 = (1+2+3+4+5+6+7+8) 行", "57 行 = (31+32+...+56) 行",
//   "6 栏各行 = (1+2-3) 栏各行", "1 栏=（2+3+6）栏".
#include "internal.h"

namespace hezhang {

namespace {

bool is_digit(std::string_view s, std::size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

// (行|栏) at s[i]: its three bytes, else empty.
std::string_view axis_at(std::string_view s, std::size_t i) {
  std::string_view a = s.substr(i, 3);
  return a == "行"sv || a == "栏"sv ? a : std::string_view();
}

// Bytes of one character of an expression ((?:\d{1,4}|\s|\+|-|\.|…)) at s[i], 0 when none.
std::size_t expression_char(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const char c = s[i];
  if ((c >= '0' && c <= '9') || is_re2_space(c) || c == '+' || c == '-' || c == '.') return 1;
  return s.substr(i, 3) == "…"sv ? 3 : 0;
}

// Where the closing \s*\)?\s*(行|栏) that follows an expression ending at j
// has its axis, else npos.
std::size_t closing_axis(std::string_view s, std::size_t j) {
  std::size_t k = skip_re2_spaces(s, j);
  if (k < s.size() && s[k] == ')') k = skip_re2_spaces(s, k + 1);
  return axis_at(s, k).empty() ? std::string_view::npos : k;
}

// The lazy expression from e: its end is the first one after at least one
// character whose closing follows. Only the last non-space character of a
// run can be that end (its closing is no expression character), and it is
// reached in the fewest repetitions, so this is what backtracking finds.
std::size_t expression_end(std::string_view s, std::size_t e) {
  for (std::size_t i = e, w; (w = expression_char(s, i)) != 0;) {
    i += w;
    if (closing_axis(s, i) != std::string_view::npos) return i;
  }
  return std::string_view::npos;
}

// The match at p (a run of at most four digits starts there), if any.
bool formula_at(std::string_view s, std::size_t p, FormulaMatch& m) {
  std::size_t i = p;
  while (is_digit(s, i)) ++i;
  m.target = s.substr(p, i - p);
  i = skip_re2_spaces(s, i);
  if ((m.axis = axis_at(s, i)).empty()) return false;
  i = skip_re2_spaces(s, i + 3);
  m.each1 = s.substr(i, 6) == "各行"sv ? s.substr(i, 6) : std::string_view();
  i = skip_re2_spaces(s, i + m.each1.size());
  if (i >= s.size() || s[i] != '=') return false;
  // \s*\(?\s* then the expression. When it cannot start or end where the
  // greedy spaces leave it, backtracking gives it the last space before a
  // closing instead (an expression of one space, which parses as nothing).
  const std::size_t after = skip_re2_spaces(s, i + 1);
  const bool paren = after < s.size() && s[after] == '(';
  const std::size_t open = paren ? after + 1 : i + 1, e = skip_re2_spaces(s, open);
  std::size_t j = expression_end(s, e), start = e;
  if (j == std::string_view::npos) {
    if (e == open || closing_axis(s, e) == std::string_view::npos) return false;
    start = e - 1;
    j = e;
  }
  m.expr = s.substr(start, j - start);
  const std::size_t a = closing_axis(s, j);
  m.axis2 = s.substr(a, 3);
  i = skip_re2_spaces(s, a + 3);
  m.each2 = s.substr(i, 6) == "各行"sv ? s.substr(i, 6) : std::string_view();
  m.begin = p;
  m.end = i + m.each2.size();
  return true;
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

const char* const kFormulaPattern =
    R"(((\d{1,4})\s*(行|栏)\s*(各行)?\s*=\s*\(?\s*((?:\d{1,4}|\s|\+|-|\.|…)+?)\s*\)?\s*(行|栏)\s*(各行)?))";

bool next_formula(std::string_view s, std::size_t from, FormulaMatch& out) {
  // Every formula has its '=': most lines need no search.
  if (s.find('=', from) == std::string_view::npos) return false;
  // A match starts at a digit: the last four of a run (\d{1,4} cannot stop
  // before a digit), and any start in one run has the same continuation.
  for (std::size_t r = from; r < s.size(); ++r) {
    if (!is_digit(s, r)) continue;
    std::size_t end = r;
    while (is_digit(s, end)) ++end;
    if (formula_at(s, end - r > 4 ? end - 4 : r, out)) return true;
    r = end;
  }
  return false;
}

std::vector<Formula> parse_formulas(std::string_view text, int line) {
  std::vector<Formula> out;
  FormulaMatch m;
  for (std::size_t from = 0; next_formula(text, from, m); from = m.end) {
    if (m.axis != m.axis2) continue;
    Formula f;
    f.line = line;
    f.text = text.substr(m.begin, m.end - m.begin);
    f.axis = m.axis == "行"sv ? "row" : "column";
    f.each_row = !m.each1.empty() || !m.each2.empty();
    f.target = std::stoi(std::string(m.target));
    if (!parse_terms(m.expr, f.terms)) continue;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace hezhang
