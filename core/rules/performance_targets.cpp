// performance.targets: in a budget's 项目绩效目标表 each project's indicator
// weights add up to 100, and the projects' amounts add up to the 项目支出 of
// the budget's expenditure table.
#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

void run_performance_targets(RuleContext& ctx) {
  static const char* kRule = "performance.targets";
  const Report& report = ctx.report();
  for (const Table& t : report.tables) {
    if (t.template_id != "budget.project_performance"sv) continue;
    int weight_col = -1, amount_col = -1;
    for (const auto& c : t.columns) {
      if (c.key == "weight"sv) weight_col = c.index;
      if (c.key == "total"sv && amount_col < 0) amount_col = c.index;
    }
    // Projects: a row with a code opens a project; rows without one continue it.
    struct Project {
      const TableRow* head;
      std::vector<const TableRow*> rows;
    };
    std::vector<Project> projects;
    for (const auto& r : t.rows) {
      if (!r.code.empty()) projects.push_back({&r, {&r}});
      else if (!projects.empty()) projects.back().rows.push_back(&r);
    }
    if (weight_col >= 0) {
      for (const Project& p : projects) {
        Decimal sum{0, 0};
        bool any = false, overflow = false;
        std::vector<int> lines;
        for (const TableRow* r : p.rows) {
          auto f = figure_in_column(t, *r, weight_col);
          if (!f) continue;
          any = true;
          lines.push_back(r->line);
          auto s = add(sum, f->value);
          if (!s) { overflow = true; break; }
          sum = *s;
        }
        std::string id = std::string(kRule) + ":weights:" + std::to_string(p.head->line);
        if (!any || overflow) { ctx.check(id, kRule, "insufficient_data", {p.head->line}); continue; }
        bool ok = compare(sum, Decimal{100, 0}) == 0;
        ctx.check(id, kRule, ok ? "passed" : "failed", lines);
        if (ok) continue;
        Finding f = make_figure_finding(kRule, Outcome::Failed, p.head->line, "", sum, Decimal{100, 0});
        f.last_line = p.rows.back()->line;
        f.related_lines = lines;
        f.message_zh = table_name_zh(t) + " 第" + std::to_string(p.head->line) + "行项目「" + p.head->name +
                       "」的各项指标权重合计为 " + f.actual + "，应为 100。";
        f.message_en = table_name_en(t) + " line " + std::to_string(p.head->line) + ": the indicator weights of \"" +
                       p.head->name + "\" add up to " + f.actual + ", not 100.";
        ctx.add_finding(std::move(f));
      }
    }
    // Σ project amounts = 项目支出 of the expenditure table.
    if (amount_col < 0 || projects.empty()) continue;
    for (const Table& e : report.tables) {
      if (e.template_id != "budget.general_budget"sv && e.template_id != "budget.expense_summary"sv) continue;
      for (const auto& r : e.rows) {
        if (r.level != "total"sv || without_spaces(r.name) != "合计"sv) continue;
        auto project = figure_at(e, r, "project");
        if (!project) continue;
        std::vector<Term> parts;
        std::vector<int> related;
        for (const Project& p : projects) {
          auto f = figure_in_column(t, *p.head, amount_col);
          if (f) parts.push_back({*f, 1}), related.push_back(p.head->line);
        }
        if (parts.empty()) continue;
        Comparison c = RuleContext::compare_sum(*project, parts);
        std::string status = status_of(c.outcome);
        ctx.check(std::string(kRule) + ":projects:" + e.id, kRule, status, {r.line});
        if (c.outcome != Outcome::Passed && !c.overflow && t.unit == e.unit)
          ctx.add_finding(make_value_finding(kRule, *project, c, table_name_zh(t) + "中各项目资金之和",
                                             "the sum of the projects in " + table_name_en(t), related));
        break;
      }
      break;
    }
  }
}

}  // namespace hezhang
