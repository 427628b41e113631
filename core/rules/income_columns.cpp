// cross.income_columns: the income lines of 公开01表 and the columns of 公开02表
// describe the same money. 财政拨款收入 in 02表 is the three appropriation
// lines of 01表 together; each other income line has its own column. An
// income put in the wrong column (a government-fund appropriation shown as
// 上级补助收入) breaks two of these equalities.
#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

void run_income_columns(RuleContext& ctx) {
  static const char* kRule = "cross.income_columns";
  const Report& report = ctx.report();
  const Table* summary = nullptr;
  const Table* income = nullptr;
  for (const Table& t : report.tables) {
    if (t.template_id == "final.summary"sv && !summary) summary = &t;
    if (t.template_id == "final.income"sv && !income) income = &t;
  }
  if (!summary || !income) return;
  const TableRow* total = nullptr;
  for (const auto& r : income->rows)
    if (r.level == "total"sv && without_spaces(r.name) == "合计"sv) total = &r;
  if (!total) {
    ctx.check(std::string(kRule) + ":total", kRule, "insufficient_data", {income->first_line});
    return;
  }
  struct Map {
    std::string_view column;  // compared with each column's key
    std::vector<std::string_view> lines;  // 01表 income-line names (ordinal stripped), compared per row
    const char* zh;
  };
  const Map kMaps[] = {
      {"fiscal_income", {"一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"}, "财政拨款收入"},
      {"superior_subsidy_income", {"上级补助收入"}, "上级补助收入"},
      {"business_income", {"事业收入"}, "事业收入"},
      {"operating_income", {"经营收入"}, "经营收入"},
      {"affiliated_income", {"附属单位上缴收入"}, "附属单位上缴收入"},
      {"other_income", {"其他收入"}, "其他收入"},
  };
  // 01表's income lines read their figure in its first value column.
  const std::vector<int> vcols = value_columns(*summary, 0);
  for (const Map& m : kMaps) {
    int col = -1;
    for (const auto& c : income->columns)
      if (c.key == m.column) col = c.index;
    if (col < 0) continue;
    std::vector<Term> parts;
    std::vector<int> related;
    bool found = false;
    for (const auto& r : summary->rows) {
      if (r.group != 0) continue;
      std::string buffer;
      const std::string_view n = without_spaces(r.name, buffer);
      for (std::string_view want : m.lines) {
        // "一般公共预算财政拨款收入" and "一般公共预算财政拨款" are the same line.
        if (!starts_with(n, want)) continue;
        found = true;
        related.push_back(r.line);
        if (vcols.empty()) continue;
        int vcol = vcols.front();
        auto f = figure_in_column(*summary, r, vcol);
        parts.push_back({f ? *f : zero_figure(*summary, r, vcol), 1});
      }
    }
    std::string id = concat({kRule, ":", m.column});
    if (!found) { ctx.check(id, kRule, "insufficient_data", {total->line}); continue; }
    auto printed = figure_in_column(*income, *total, col);
    Figure actual = printed ? *printed : zero_figure(*income, *total, col);
    // Sum the 01表 lines, then compare across the two tables' units.
    Figure sum = parts.empty() ? zero_figure(*summary, summary->rows.front(), -1) : parts.front().figure;
    bool any_printed = printed.has_value();
    for (std::size_t k = 0; k < parts.size(); ++k) {
      any_printed = any_printed || parts[k].figure.scale < 8;
      if (k == 0) continue;
      auto s = add(sum.value, parts[k].figure.value);
      if (!s) { sum.scale = -1; break; }
      sum.value = *s;
      sum.scale = std::min(sum.scale, parts[k].figure.scale);
    }
    if (!any_printed || sum.scale < 0) { ctx.check(id, kRule, "passed", {total->line}); continue; }
    Comparison c = RuleContext::compare_equal(actual, sum);
    std::string status = status_of(c.outcome);
    related.push_back(total->line);
    ctx.check(id, kRule, status, related);
    if (c.outcome == Outcome::Passed || c.overflow) continue;
    ctx.add_finding(make_value_finding(kRule, actual, c,
                                       table_name_zh(*summary) + "中对应的收入（" + m.zh + "）",
                                       "the matching income lines of " + table_name_en(*summary), related));
  }
}

}  // namespace hezhang
