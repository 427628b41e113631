// template.rows: the row relations of the summary tables (01/04 表, 收支预算
// 总表, 财政拨款收支预算总表) when the report prints no row formulas:
//   本年收入合计 = Σ income lines;  本年支出合计 = Σ function classes;
//   收入总计 = 本年收入合计 + 结余/结转 lines;  支出总计 = 本年支出合计 + …;
//   收入总计 = 支出总计;  年初(财政拨款)结转和结余 = its sub-lines;
// and in 公开10表 (相关信息统计表): 政府采购合计 = 货物 + 工程 + 服务.
#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

const char* kRule = "template.rows";

bool is_year_total(const std::string& n) {
  return contains(n, "本年收入合计") || contains(n, "本年支出合计");
}
bool is_grand_total(std::string_view n) {
  return n == "总计"sv || contains(n, "收入总计") || contains(n, "支出总计") || n == "支出合计"sv;
}
// Sub-lines of a carry-over line: fund kinds and "其中".
bool is_sub_line(std::string_view n) {
  return starts_with(n, "其中") || starts_with(n, "一般公共预算") || starts_with(n, "政府性基金") ||
         starts_with(n, "国有资本经营") || starts_with(n, "财政专户") || starts_with(n, "单位资金");
}
bool is_carry_over(std::string_view n) { return contains(n, "结转") || contains(n, "结余"); }

void evaluate(RuleContext& ctx, const Table& t, const TableRow& total, const std::vector<const TableRow*>& parts,
              const std::string& zh, const std::string& en, const std::string& id) {
  std::vector<int> cols = value_columns(t, total.group);
  std::vector<int> lines{total.line};
  std::string status = "passed";
  bool checked = false;
  // A row printed short: its figures' columns are a guess.
  bool guessed = total.cells_uncertain;
  for (const TableRow* p : parts) guessed = guessed || p->cells_uncertain;
  bool ambiguous = false;
  // Each part's columns once, not once per column position.
  std::vector<std::vector<int>> part_cols;
  for (const TableRow* p : parts) part_cols.push_back(value_columns(t, p->group));
  // One vector of terms and one of lines for every column (cleared, not
  // reallocated part by part).
  std::vector<Term> terms;
  std::vector<int> related;
  for (std::size_t pos = 0; pos < cols.size(); ++pos) {
    terms.clear();
    related.clear();
    bool any = false;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      const TableRow* p = parts[k];
      const std::vector<int>& pcols = part_cols[k];
      if (pos >= pcols.size()) continue;
      auto f = figure_in_column(t, *p, pcols[pos]);
      any = any || f.has_value();
      terms.push_back({f ? *f : zero_figure(t, *p, pcols[pos]), 1});
      related.push_back(p->line);
      lines.push_back(p->line);
    }
    auto tf = figure_in_column(t, total, cols[pos]);
    if (!tf && !any) continue;
    checked = true;
    Figure fig = tf ? *tf : zero_figure(t, total, cols[pos]);
    Comparison c = RuleContext::compare_sum(fig, terms);
    if (c.overflow || c.outcome == Outcome::Passed) continue;
    if (guessed) { ambiguous = true; continue; }
    status = c.outcome == Outcome::Failed ? "failed" : (status == "failed"sv ? status : "rounding");
    ctx.add_finding(make_value_finding(kRule, fig, c, zh, en, related), blank_origin(fig, terms, c, zh, en));
  }
  ctx.check(concat({kRule, ":", t.id, ":", id, ":", std::to_string(total.line)}), kRule,
            !checked ? "insufficient_data" : ambiguous ? "ambiguous" : status, lines);
}

// 公开10表: the procurement total is the row 合计 (or 政府采购支出合计) right
// above its three kinds, which the template fixes.
void evaluate_procurement(RuleContext& ctx, const Table& t, std::string& buffer) {
  static const std::string_view kKinds[] = {"货物", "工程", "服务"};
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    const std::string_view n = without_spaces(t.rows[i].name, buffer);
    if (n != "合计"sv && n != "政府采购支出合计"sv) continue;
    std::vector<const TableRow*> kinds;
    for (std::size_t k = i + 1; k < t.rows.size() && kinds.size() < 3; ++k) {
      const TableRow& r = t.rows[k];
      const std::string_view kind = without_spaces(r.name, buffer);
      if (r.group != t.rows[i].group || !ends_with(kind, kKinds[kinds.size()])) break;
      kinds.push_back(&r);
    }
    if (kinds.size() == 3)
      evaluate(ctx, t, t.rows[i], kinds, "货物、工程、服务之和", "the sum of goods, works and services",
               "procurement");
    return;  // the first total is the procurement one
  }
}

}  // namespace

void run_template_rows(RuleContext& ctx) {
  std::string buffer;  // a row's name without spaces, when it has any
  for (const Table& t : ctx.report().tables) {
    if (t.template_id == "final.info_stats"sv) {
      evaluate_procurement(ctx, t, buffer);
      continue;
    }
    if (!is_summary_template(t.template_id)) continue;
    bool printed = false;
    for (const auto& f : t.formulas) printed = printed || f.axis == "row"sv;
    if (printed) continue;
    const TableRow* grand[2] = {nullptr, nullptr};
    for (int g = 0; g < 2; ++g) {
      std::vector<const TableRow*> rows;
      for (const auto& r : t.rows)
        if (r.group == g) rows.push_back(&r);
      // Before the year total: the lines it sums. After it: carry-overs.
      std::size_t year = rows.size();
      for (std::size_t i = 0; i < rows.size(); ++i)
        if (is_year_total(rows[i]->name)) { year = i; break; }
      if (year == rows.size()) continue;
      std::vector<const TableRow*> lines_before;
      for (std::size_t i = 0; i < year; ++i) {
        const TableRow* r = rows[i];
        const std::string_view n = without_spaces(r->name, buffer);
        if (contains(n, "本年收入") || contains(n, "本年支出")) continue;  // "一、本年收入" heading rows
        if (r->level == "款"sv || r->level == "项"sv) continue;           // details of a 类
        lines_before.push_back(r);
      }
      // Rows "一、本年收入" right under the header repeat the year total.
      evaluate(ctx, t, *rows[year], lines_before, g == 0 ? "各项收入之和" : "各支出功能分类之和",
               g == 0 ? "the sum of the income lines" : "the sum of the expenditure classes",
               g == 0 ? "income" : "expense");
      // Grand total = year total + carry-over lines (not their sub-lines).
      std::vector<const TableRow*> after{rows[year]};
      const TableRow* carry = nullptr;
      std::vector<const TableRow*> carry_parts;
      for (std::size_t i = year + 1; i < rows.size(); ++i) {
        const TableRow* r = rows[i];
        const std::string_view n = without_spaces(r->name, buffer);
        if (is_grand_total(n)) { grand[g] = r; break; }
        if (carry && is_sub_line(n)) { carry_parts.push_back(r); continue; }
        if (carry && !carry_parts.empty())
          evaluate(ctx, t, *carry, carry_parts, "其下各项之和", "the sum of its sub-lines", "carry");
        carry = is_carry_over(n) ? r : nullptr;
        carry_parts.clear();
        after.push_back(r);
      }
      if (carry && !carry_parts.empty())
        evaluate(ctx, t, *carry, carry_parts, "其下各项之和", "the sum of its sub-lines", "carry");
      if (grand[g])
        evaluate(ctx, t, *grand[g], after, g == 0 ? "本年收入合计加结转结余" : "本年支出合计加结余分配和结转",
                 g == 0 ? "the year's income plus carry-overs" : "the year's expenditure plus carry-overs",
                 "grand");
    }
    if (grand[0] && grand[1]) {
      // 收入总计 = 支出总计, column by column position.
      std::vector<int> c0 = value_columns(t, 0), c1 = value_columns(t, 1);
      if (!c0.empty() && !c1.empty()) {
        auto a = figure_in_column(t, *grand[1], c1[0]);
        auto b = figure_in_column(t, *grand[0], c0[0]);
        if (a && b) {
          Comparison c = RuleContext::compare_equal(*a, *b);
          bool ambiguous = c.outcome != Outcome::Passed && (grand[0]->cells_uncertain || grand[1]->cells_uncertain);
          std::string status = ambiguous ? "ambiguous" : status_of(c.outcome);
          ctx.check(std::string(kRule) + ":" + t.id + ":balance", kRule, status,
                    {grand[0]->line, grand[1]->line});
          if (c.outcome != Outcome::Passed && !c.overflow && !ambiguous)
            ctx.add_finding(make_value_finding(kRule, *a, c, "收入总计", "the income grand total",
                                               {grand[0]->line}));
        }
      }
    }
  }
}

}  // namespace hezhang
