// template.columns: the column relations each template implies on every row
// (本年支出合计 = 基本支出 + 项目支出 + …). A table that prints its own column
// formulas (栏各行) is left to formula.printed.
#include <algorithm>
#include <map>
#include <string_view>

#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

// Views: compared with every table's template and its columns' keys.
struct ColumnRelation {
  std::string_view template_prefix;            // template id or prefix ("final.three_public")
  std::vector<std::string_view> total_keys;    // first one present is the total
  std::vector<std::string_view> part_keys;     // parts (absent columns are skipped)
  const char* zh;
  const char* en;
};

const std::vector<ColumnRelation>& relations() {
  static const std::vector<ColumnRelation> kRelations = {
      {"final.income", {"income_total"},
       {"fiscal_income", "superior_subsidy_income", "business_income", "operating_income", "affiliated_income", "other_income"},
       "各项收入之和", "the sum of the income columns"},
      {"final.expense", {"expense_total"},
       {"basic", "project", "remit_superior", "operating_expense", "affiliated_subsidy"},
       "基本支出、项目支出等各栏之和", "the sum of basic, project and other expenditure columns"},
      {"final.general_budget", {"expense_total", "expense", "total"}, {"basic", "project"},
       "基本支出与项目支出之和", "basic plus project expenditure"},
      {"final.general_budget", {"basic"}, {"personnel", "public_expense"},
       "人员经费与公用经费之和", "personnel plus public expenses"},
      {"final.general_budget_basic", {"expense_total", "total"}, {"personnel", "public_expense"},
       "人员经费与公用经费之和", "personnel plus public expenses"},
      {"final.gov_fund", {"expense"}, {"basic", "project"}, "基本支出与项目支出之和",
       "basic plus project expenditure"},
      {"final.state_capital", {"expense", "total"}, {"basic", "project"}, "基本支出与项目支出之和",
       "basic plus project expenditure"},
      {"final.fiscal_summary", {"total"}, {"general_budget", "gov_fund", "state_capital"},
       "三类财政拨款之和", "the sum of the three kinds of appropriation"},
      {"budget.expense_summary", {"total"},
       {"basic", "personnel", "public_expense", "project", "affiliated_subsidy", "remit_superior", "operating_expense"},
       "基本支出、项目支出等各栏之和", "the sum of basic, project and other expenditure columns"},
      {"budget.general_budget", {"total"}, {"basic", "project"}, "基本支出与项目支出之和",
       "basic plus project expenditure"},
      {"budget.general_budget", {"basic"}, {"personnel", "public_expense"}, "人员经费与公用经费之和",
       "personnel plus public expenses"},
      {"budget.general_budget_basic", {"basic", "total"}, {"personnel", "public_expense"},
       "人员经费与公用经费之和", "personnel plus public expenses"},
      {"budget.gov_fund", {"total"}, {"basic", "project"}, "基本支出与项目支出之和",
       "basic plus project expenditure"},
  };
  return kRelations;
}

// 三公 tables, in each of their 预算数 / 决算数 halves (or unprefixed).
void three_public(RuleContext& ctx, const Table& t) {
  for (const char* prefix : {"", "budget.", "final."}) {
    std::string p = prefix;
    struct R { std::string total; std::vector<std::string> parts; const char* zh; const char* en; };
    std::vector<R> rs = {
        {p + "total", {p + "abroad", p + "vehicle", p + "reception"},
         "因公出国（境）费、公务用车购置及运行费、公务接待费之和", "abroad + vehicles + reception"},
        {p + "vehicle", {p + "vehicle_purchase", p + "vehicle_operation"},
         "公务用车购置费与运行维护费之和", "vehicle purchase + operation"}};
    for (const R& rel : rs) {
      for (const auto& row : t.rows) {
        auto tf = figure_at(t, row, rel.total);
        bool has_total_column = false;
        for (const auto& c : t.columns) has_total_column = has_total_column || c.key == rel.total;
        if (!has_total_column) break;
        std::vector<Term> parts;
        bool any = false;
        for (const auto& k : rel.parts) {
          for (const auto& c : t.columns) {
            if (c.key != k || c.group != row.group) continue;
            auto f = figure_in_column(t, row, c.index);
            any = any || f.has_value();
            parts.push_back({f ? *f : zero_figure(t, row, c.index), 1});
          }
        }
        if (!tf || parts.empty()) continue;
        int tcol = -1;
        for (const auto& c : t.columns)
          if (c.key == rel.total && c.group == row.group) tcol = c.index;
        Figure total_fig = tf ? *tf : zero_figure(t, row, tcol);
        Comparison c = RuleContext::compare_sum(total_fig, parts);
        // A row printed short: its figures' columns are a guess.
        bool ambiguous = row.cells_uncertain && c.outcome != Outcome::Passed;
        std::string status = ambiguous ? "ambiguous" : status_of(c.outcome);
        ctx.check(concat({"template.columns:", t.id, ":", std::to_string(row.line), ":", rel.total}),
                  "template.columns", status, {row.line});
        if (c.outcome != Outcome::Passed && !c.overflow && !ambiguous)
          ctx.add_finding(make_value_finding("template.columns", total_fig, c, rel.zh, rel.en, {}),
                          blank_origin(total_fig, parts, c, rel.zh, rel.en));
      }
    }
  }
}

}  // namespace

void run_template_columns(RuleContext& ctx) {
  for (const Table& t : ctx.report().tables) {
    bool printed = false;
    for (const auto& f : t.formulas) printed = printed || f.axis == "column"sv;
    if (printed) continue;  // formula.printed checks what the report itself states
    if (t.template_id == "final.three_public"sv || t.template_id == "budget.three_public"sv) {
      three_public(ctx, t);
      continue;
    }
    for (const ColumnRelation& rel : relations()) {
      if (t.template_id != rel.template_prefix) continue;
      // The total and part columns of each column group, found once per
      // table rather than once per row.
      struct GroupColumns {
        int total = -1;
        std::vector<std::pair<int, std::string_view>> parts;  // (column, key)
      };
      std::map<int, GroupColumns> by_group;
      auto columns_of = [&](int group) -> const GroupColumns& {
        auto found = by_group.find(group);
        if (found != by_group.end()) return found->second;
        GroupColumns g;
        for (std::string_view k : rel.total_keys) {
          for (const auto& c : t.columns)
            if (c.group == group && c.key == k) { g.total = c.index; break; }
          if (g.total >= 0) break;
        }
        for (std::string_view k : rel.part_keys)
          for (const auto& c : t.columns)
            if (c.group == group && c.key == k && c.index != g.total) g.parts.push_back({c.index, k});
        return by_group.emplace(group, std::move(g)).first->second;
      };
      // One pair of vectors for every row (cleared, not reallocated).
      std::vector<Term> parts;
      std::vector<std::string_view> used;
      for (const auto& row : t.rows) {
        const GroupColumns& cols = columns_of(row.group);
        const int tcol = cols.total;
        if (tcol < 0) continue;
        parts.clear();
        used.clear();
        for (const auto& [index, key] : cols.parts) {
          auto f = figure_in_column(t, row, index);
          parts.push_back({f ? *f : zero_figure(t, row, index), 1});
          used.push_back(key);
        }
        // basic and its own parts are never summed together.
        bool has_basic = std::find(used.begin(), used.end(), "basic") != used.end();
        if (has_basic) {  // filtered in place: no vector per row
          std::size_t kept = 0;
          for (std::size_t i = 0; i < parts.size(); ++i)
            if (used[i] != "personnel"sv && used[i] != "public_expense"sv) parts[kept++] = parts[i];
          parts.resize(kept);
        }
        auto total = figure_in_column(t, row, tcol);
        // A total left blank (only the 合计 row filled in) is not a claim.
        if (parts.size() < 2 || !total) continue;
        Figure tf = total ? *total : zero_figure(t, row, tcol);
        Comparison c = RuleContext::compare_sum(tf, parts);
        if (c.overflow) continue;
        // A row printed short: its figures' columns are a guess.
        bool ambiguous = row.cells_uncertain && c.outcome != Outcome::Passed;
        std::string status = ambiguous ? "ambiguous" : status_of(c.outcome);
        ctx.check(concat({"template.columns:", t.id, ":", std::to_string(row.line), ":",
                          t.columns[static_cast<std::size_t>(tcol)].key}),
                  "template.columns", status, {row.line});
        if (c.outcome != Outcome::Passed && !ambiguous)
          ctx.add_finding(make_value_finding("template.columns", tf, c, rel.zh, rel.en, {}),
                          blank_origin(tf, parts, c, rel.zh, rel.en));
      }
    }
  }
}

}  // namespace hezhang
