// formula.printed: the formulas a report prints under its tables, evaluated
// exactly as printed — "30 行 = (27+28+29) 行" on the rows numbered by 行次,
// "1 栏各行 = (2+3+6) 栏各行" on every row by the columns' 栏次.
#include <algorithm>
#include <map>

#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

const char* kRule = "formula.printed";

std::string formula_id(const Table& t, const Formula& f) {
  return std::string(kRule) + ":" + t.id + ":" + std::to_string(f.line) + ":" + f.text;
}

void self_reference(RuleContext& ctx, const Table& t, const Formula& f) {
  Finding w;
  w.rule = kRule;
  w.severity = "warning";
  w.materiality = "material";
  w.first_line = w.last_line = f.line;
  w.message_zh = table_name_zh(t) + " 第" + std::to_string(f.line) + "行注明的公式「" + f.text +
                 "」把第" + std::to_string(f.target) + "行（栏）自身也列为加数，公式本身有误，无法按其核对。";
  w.message_en = table_name_en(t) + " line " + std::to_string(f.line) + ": the printed formula \"" +
                 f.text + "\" lists its own target " + std::to_string(f.target) +
                 " among the terms; the formula itself is wrong and cannot be checked as printed.";
  ctx.add_finding(std::move(w));
  ctx.check(formula_id(t, f), kRule, "failed", {f.line});
}

void row_formula(RuleContext& ctx, const Table& t, const Formula& f) {
  std::map<int, const TableRow*> by_number;
  for (const auto& r : t.rows)
    if (!r.row_number.empty()) by_number.emplace(std::stoi(r.row_number), &r);
  auto target = by_number.find(f.target);
  std::vector<int> lines{f.line};
  bool missing = target == by_number.end();
  for (const auto& term : f.terms) missing = missing || !by_number.count(term.index);
  if (missing) {
    ctx.check(formula_id(t, f), kRule, "insufficient_data", lines);
    return;
  }
  const TableRow& tr = *target->second;
  std::vector<int> tcols = value_columns(t, tr.group);
  // Each term's columns once, not once per column position.
  std::vector<std::vector<int>> term_cols;
  for (const auto& term : f.terms) term_cols.push_back(value_columns(t, by_number[term.index]->group));
  std::string status = "passed";
  for (std::size_t pos = 0; pos < tcols.size(); ++pos) {
    std::vector<Term> parts;
    bool any = false;
    std::vector<int> related;
    for (std::size_t k = 0; k < f.terms.size(); ++k) {
      const auto& term = f.terms[k];
      const TableRow& r = *by_number[term.index];
      const std::vector<int>& cols = term_cols[k];
      if (pos >= cols.size()) continue;
      auto fig = figure_in_column(t, r, cols[pos]);
      any = any || fig.has_value();
      parts.push_back({fig ? *fig : zero_figure(t, r, cols[pos]), term.sign});
      related.push_back(r.line);
    }
    auto total = figure_in_column(t, tr, tcols[pos]);
    if (!any && !total) continue;
    Figure tf = total ? *total : zero_figure(t, tr, tcols[pos]);
    Comparison c = RuleContext::compare_sum(tf, parts);
    lines.push_back(tr.line);
    if (c.overflow || c.outcome == Outcome::Passed) continue;
    status = c.outcome == Outcome::Failed ? "failed" : (status == "failed"sv ? status : "rounding");
    related.push_back(f.line);
    const std::string zh = "按表下公式「" + f.text + "」计算", en = "the printed formula \"" + f.text + "\"";
    // A blank cell behind the break: joined with its column's other breaks.
    ctx.add_finding(make_value_finding(kRule, tf, c, zh, en, related), blank_origin(tf, parts, c, zh, en));
  }
  ctx.check(formula_id(t, f), kRule, status, lines);
}

void column_formula(RuleContext& ctx, const Table& t, const Formula& f) {
  std::map<int, int> by_number;  // 栏次 -> column index
  for (const auto& c : t.columns)
    if (!c.number.empty()) by_number.emplace(std::stoi(c.number), c.index);
  bool missing = !by_number.count(f.target);
  for (const auto& term : f.terms) missing = missing || !by_number.count(term.index);
  std::vector<int> lines{f.line};
  if (missing) {
    ctx.check(formula_id(t, f), kRule, "insufficient_data", lines);
    return;
  }
  std::string status = t.rows.empty() ? "not_applicable" : "passed";
  for (const auto& r : t.rows) {
    std::vector<Term> parts;
    bool any = false;
    for (const auto& term : f.terms) {
      int col = by_number[term.index];
      auto fig = figure_in_column(t, r, col);
      any = any || fig.has_value();
      parts.push_back({fig ? *fig : zero_figure(t, r, col), term.sign});
    }
    int tcol = by_number[f.target];
    auto total = figure_in_column(t, r, tcol);
    if (!any && !total) continue;
    lines.push_back(r.line);
    Figure tf = total ? *total : zero_figure(t, r, tcol);
    Comparison c = RuleContext::compare_sum(tf, parts);
    if (c.overflow || c.outcome == Outcome::Passed) continue;
    status = c.outcome == Outcome::Failed ? "failed" : (status == "failed"sv ? status : "rounding");
    const std::string zh = "按表下公式「" + f.text + "」计算", en = "the printed formula \"" + f.text + "\"";
    ctx.add_finding(make_value_finding(kRule, tf, c, zh, en, {f.line}), blank_origin(tf, parts, c, zh, en));
  }
  if (t.declared_empty && lines.size() == 1) status = "not_applicable";
  ctx.check(formula_id(t, f), kRule, status, lines);
}

}  // namespace

void run_printed_formulas(RuleContext& ctx) {
  for (const Table& t : ctx.report().tables) {
    for (const Formula& f : t.formulas) {
      bool self = std::any_of(f.terms.begin(), f.terms.end(),
                              [&](const FormulaTerm& term) { return term.index == f.target; });
      if (self) self_reference(ctx, t, f);
      else if (f.axis == "row"sv) row_formula(ctx, t, f);
      else column_formula(ctx, t, f);
    }
  }
}

}  // namespace hezhang
