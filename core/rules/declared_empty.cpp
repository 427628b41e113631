// tables.declared_empty: a table the report declares empty must not hold
// figures; a required 决算 table must be present or explained as empty.
#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

const char* kRule = "tables.declared_empty";

bool has_figures(const Table& t) {
  for (const auto& r : t.rows)
    for (const auto& c : r.cells)
      if (c.kind == CellKind::Amount && c.value && !c.value->is_zero()) return true;
  return false;
}

// The index of tables (是否空表) says a table number is empty.
bool index_declares_empty(const Report& r, int number) {
  for (const Table& t : r.tables) {
    if (t.template_id != "final.table_index") continue;
    for (const auto& row : t.rows) {
      std::string label = without_spaces(row.name);
      if (!starts_with(label, "表" + std::to_string(number))) continue;
      for (const auto& c : row.cells)
        if (without_spaces(c.text) == "是") return true;
    }
  }
  return false;
}

}  // namespace

void run_declared_empty(RuleContext& ctx) {
  const Report& report = ctx.report();
  for (const Table& t : report.tables) {
    if (!t.declared_empty) continue;
    bool figures = has_figures(t);
    ctx.check(std::string(kRule) + ":" + t.id, kRule, figures ? "failed" : "passed",
              {t.first_line, t.empty_note_line});
    if (!figures) continue;
    Finding f;
    f.rule = kRule;
    f.severity = "error";
    f.materiality = "material";
    f.first_line = f.last_line = t.empty_note_line;
    f.related_lines = {t.first_line};
    f.message_zh = table_name_zh(t) + " 第" + std::to_string(t.empty_note_line) +
                   "行声明本表无数据，但表内列有金额。";
    f.message_en = table_name_en(t) + " line " + std::to_string(t.empty_note_line) +
                   " declares the table empty, yet it holds figures.";
    ctx.add_finding(std::move(f));
  }
  if (report.document.kind != "final_accounts") return;
  int final_tables = 0;
  for (const Table& t : report.tables) final_tables += starts_with(t.template_id, "final.") ? 1 : 0;
  if (final_tables < 3) return;  // not a report whose table set we can judge
  struct Required { int number; std::vector<const char*> ids; };
  const Required kRequired[] = {
      {1, {"final.summary"}}, {2, {"final.income"}}, {3, {"final.expense"}},
      {4, {"final.fiscal_summary"}}, {5, {"final.general_budget"}},
      {6, {"final.general_budget_basic", "final.general_budget_detail"}},
      {7, {"final.three_public"}}, {8, {"final.gov_fund"}}, {9, {"final.state_capital"}}};
  for (const Required& req : kRequired) {
    bool present = false;
    for (const Table& t : report.tables)
      for (const char* id : req.ids) present = present || t.template_id == id;
    std::string id = std::string(kRule) + ":required:" + std::to_string(req.number);
    if (present) { ctx.check(id, kRule, "passed", {}); continue; }
    if (index_declares_empty(report, req.number)) { ctx.check(id, kRule, "not_applicable", {}); continue; }
    ctx.check(id, kRule, "failed", {});
    const TemplateInfo* info = find_template(req.ids[0]);
    Finding f;
    f.rule = kRule;
    f.severity = "warning";
    f.materiality = "material";
    f.message_zh = std::string("部门决算应公开的") + info->name_zh + "（公开0" + std::to_string(req.number) +
                   "表）未找到，报告也未说明其为空表。";
    f.message_en = std::string("The required table ") + info->name_en + " (公开0" +
                   std::to_string(req.number) + "表) was not found, and the report does not say it is empty.";
    ctx.add_finding(std::move(f));
  }
}

}  // namespace hezhang
