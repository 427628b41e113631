// cross.tables: the same figure printed in several tables must agree —
// function classes (类/款/项) and totals across 01/02/03/04/05/06 表 and the
// budget tables. Where three tables agree and one differs, the odd one is
// reported; figures in 元 and 万元 are compared with their rounding intervals.
#include <map>

#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

const char* kRule = "cross.tables";

// Views, not C strings: compared with every table's template and every
// row's name (no strlen each time).
struct Source {
  std::string_view template_id;
  int group;                            // -1: any group
  std::vector<std::string_view> keys;   // first column key present holds the figure
  std::string_view total_name;          // total row name, or empty: function rows
};

struct Scope {
  const char* id;
  const char* zh;
  const char* en;
  std::vector<Source> sources;
  bool (*applies)(const Report&) = nullptr;  // nullptr: always
};

// Income by function equals expenditure by function only when nothing was
// carried over: 公开01表 shows no 年初/年末结转和结余 and no 使用非财政拨款结余.
bool no_carry_over(const Report& r) {
  for (const Table& t : r.tables) {
    if (t.template_id != "final.summary"sv) continue;
    for (const TableRow& row : t.rows) {
      std::string buffer;
      const std::string_view n = without_spaces(row.name, buffer);
      if (!contains(n, "结转") && !contains(n, "结余")) continue;
      for (const Cell& c : row.cells)
        if (c.kind == CellKind::Amount && c.value && !c.value->is_zero()) return false;
    }
    return true;
  }
  return false;  // no 01表: cannot tell
}

const std::vector<Scope>& scopes() {
  static const std::vector<Scope> kScopes = {
      {"final.expense_by_function", "支出功能分类（全部资金）", "expenditure by function (all funds)",
       {{"final.summary", 1, {"amount"}, {}}, {"final.expense", -1, {"expense_total"}, {}}}},
      {"final.expense_total", "本年支出合计", "the year's total expenditure",
       {{"final.summary", 1, {"amount"}, "本年支出合计"}, {"final.expense", -1, {"expense_total"}, "合计"}}},
      {"final.income_total", "本年收入合计", "the year's total income",
       {{"final.summary", 0, {"amount"}, "本年收入合计"}, {"final.income", -1, {"income_total"}, "合计"}}},
      {"final.general_budget_by_function", "一般公共预算财政拨款支出功能分类",
       "general-budget expenditure by function",
       {{"final.fiscal_summary", 1, {"general_budget"}, {}},
        {"final.general_budget", -1, {"expense_total", "expense", "total"}, {}}}},
      {"final.general_budget_total", "一般公共预算财政拨款支出合计", "general-budget expenditure total",
       {{"final.fiscal_summary", 1, {"general_budget"}, "本年支出合计"},
        {"final.general_budget", -1, {"expense_total", "expense", "total"}, "合计"}}},
      {"final.basic_total", "一般公共预算财政拨款基本支出合计", "general-budget basic expenditure total",
       {{"final.general_budget", -1, {"basic"}, "合计"},
        {"final.general_budget_basic", -1, {"expense_total", "total"}, "合计"}}},
      {"final.gov_fund_total", "政府性基金预算财政拨款支出", "government-fund expenditure",
       {{"final.fiscal_summary", 1, {"gov_fund"}, "本年支出合计"}, {"final.gov_fund", -1, {"expense"}, "合计"}}},
      {"final.gov_fund_by_function", "政府性基金预算财政拨款支出功能分类",
       "government-fund expenditure by function",
       {{"final.fiscal_summary", 1, {"gov_fund"}, {}}, {"final.gov_fund", -1, {"expense"}, {}}}},
      {"final.income_vs_expense_by_function", "无结转结余时的收入与支出功能分类",
       "income and expenditure by function (nothing carried over)",
       {{"final.income", -1, {"income_total"}, {}}, {"final.expense", -1, {"expense_total"}, {}}},
       no_carry_over},
      {"budget.expense_by_function", "支出功能分类预算", "budgeted expenditure by function",
       {{"budget.summary", 1, {"amount"}, {}},
        {"budget.expense_summary", -1, {"total"}, {}},
        {"budget.fiscal_summary", 1, {"amount"}, {}},
        {"budget.general_budget", -1, {"total"}, {}}}},
      {"budget.expense_total", "本年支出合计（预算）", "the year's budgeted expenditure",
       {{"budget.summary", 1, {"amount"}, "本年支出合计"},
        {"budget.expense_summary", -1, {"total"}, "合计"},
        {"budget.general_budget", -1, {"total"}, "合计"}}},
      {"budget.basic_total", "一般公共预算基本支出合计", "general-budget basic expenditure total",
       {{"budget.general_budget", -1, {"basic"}, "合计"},
        {"budget.general_budget_basic", -1, {"basic", "total"}, "合计"}}},
  };
  return kScopes;
}

struct Entry {
  Figure figure;
};

}  // namespace

void run_cross_tables(RuleContext& ctx) {
  const Report& report = ctx.report();
  for (const Scope& scope : scopes()) {
    if (scope.applies && !scope.applies(report)) continue;
    std::map<std::string, std::vector<Entry>> by_key;
    std::vector<const std::pair<const std::string, std::vector<Entry>>*> order;  // keys as first seen
    for (const Source& src : scope.sources) {
      for (const Table& t : report.tables) {
        if (t.template_id != src.template_id) continue;
        int col = column_with_key(t, src.group, src.keys);
        if (col < 0) continue;
        int group = t.columns[static_cast<std::size_t>(col)].group;
        std::string buffer;
        for (const TableRow& r : t.rows) {
          if (r.group != group) continue;
          std::string key;
          if (!src.total_name.empty()) {
            if (without_spaces(r.name, buffer) != src.total_name) continue;
            key = "合计";
          } else {
            if (r.level != "类"sv && r.level != "款"sv && r.level != "项"sv) continue;
            key = r.code;
          }
          auto f = figure_in_column(t, r, col);
          if (!f) continue;  // empty: nothing printed to compare
          auto [entries, is_new] = by_key.try_emplace(key);  // one look-up
          if (is_new) order.push_back(&*entries);
          entries->second.push_back({*f});
        }
      }
    }
    for (const auto* keyed : order) {
      const std::string& key = keyed->first;
      const auto& entries = keyed->second;
      // Each table's first figure of the key (a handful of tables: a list,
      // not a map), and whether one table prints it twice with different
      // figures: which one the others should match is then a guess. (Each
      // against its table's first: equality is transitive, so linear.)
      std::vector<const Figure*> first_of;
      bool twice = false;
      for (const auto& e : entries) {
        const Figure* first = nullptr;
        for (const Figure* f : first_of)
          if (f->table == e.figure.table) {
            first = f;
            break;
          }
        if (!first) first_of.push_back(&e.figure);
        else twice = twice || RuleContext::compare_equal(e.figure, *first).outcome != Outcome::Passed;
      }
      if (first_of.size() < 2) continue;  // only compared across tables
      std::vector<int> lines;
      lines.reserve(entries.size());
      for (const auto& e : entries) lines.push_back(e.figure.row->line);
      if (twice) {
        ctx.check(concat({kRule, ":", scope.id, ":", key}), kRule, "ambiguous", lines);
        continue;
      }
      // The figure most tables agree on (exactly, in 元) is taken as right.
      std::size_t best = 0;
      int best_votes = -1;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        int votes = 0;
        for (const auto& e : entries)
          votes += RuleContext::compare_equal(e.figure, entries[i].figure).outcome == Outcome::Passed;
        if (votes > best_votes) { best_votes = votes; best = i; }
      }
      // A figure that already breaks a sum in its own table is the suspect
      // when the votes are even.
      auto suspect = [&](const Figure& f) {
        for (const Finding& x : report.findings) {
          if (x.materiality != "material"sv) continue;
          if (x.first_line == f.row->line) return true;
          for (int l : x.related_lines)
            if (l == f.row->line) return true;
        }
        return false;
      };
      bool tie = false;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i == best) continue;
        int votes = 0;
        for (const auto& e : entries)
          votes += RuleContext::compare_equal(e.figure, entries[i].figure).outcome == Outcome::Passed;
        if (votes != best_votes ||
            RuleContext::compare_equal(entries[i].figure, entries[best].figure).outcome != Outcome::Failed)
          continue;
        bool si = suspect(entries[i].figure), sb = suspect(entries[best].figure);
        if (sb && !si) best = i;
        else if (si == sb) tie = true;
      }
      std::string status = "passed";
      bool ambiguous = false;
      const Figure& reference = entries[best].figure;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        if (i == best) continue;
        Comparison c = RuleContext::compare_equal(entries[i].figure, reference);
        if (c.overflow || c.outcome == Outcome::Passed) continue;
        // A figure on a row printed short may sit in another column.
        if (entries[i].figure.row->cells_uncertain || reference.row->cells_uncertain) {
          ambiguous = true;
          continue;
        }
        if (c.outcome == Outcome::Failed) status = "failed";
        else if (status == "passed"sv) status = "rounding";
        std::vector<int> related;
        std::string others_zh, others_en;
        for (const auto& e : entries) {
          if (RuleContext::compare_equal(e.figure, reference).outcome != Outcome::Passed) continue;
          related.push_back(e.figure.row->line);
          std::string name = table_name_zh(*e.figure.table);
          if (!contains(others_zh, name)) others_zh += (others_zh.empty() ? "" : "、") + name;
          std::string name_en = table_name_en(*e.figure.table);
          if (!contains(others_en, name_en)) others_en += (others_en.empty() ? "" : ", ") + name_en;
        }
        Finding f = make_value_finding(
            kRule, entries[i].figure, c,
            std::string(tie ? "（无法判断哪一个正确）" : "") + others_zh + "中同一项目（" + scope.zh + "）",
            "the same item (" + std::string(scope.en) + ") in " + others_en +
                (tie ? " (which one is right cannot be told)" : ""),
            related);
        ctx.add_finding(std::move(f));
      }
      if (ambiguous && status != "failed"sv) status = "ambiguous";
      ctx.check(concat({kRule, ":", scope.id, ":", key}), kRule, status, lines);
    }
  }
}

}  // namespace hezhang
