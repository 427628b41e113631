// tables.declared_empty: a table the report declares empty must not hold
// figures; a required 决算 table must be present or explained as empty.
#include <algorithm>
#include <cctype>
#include <optional>

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

// The row of the index of tables (是否空表) that says table `number` is
// empty, or nullptr.
const TableRow* index_declares_empty(const Report& r, int number) {
  for (const Table& t : r.tables) {
    if (t.template_id != "final.table_index"sv) continue;
    for (const auto& row : t.rows) {
      std::string buffer;
      const std::string_view label = without_spaces(row.name, buffer);
      std::string prefix = "表" + std::to_string(number);
      if (!starts_with(label, prefix)) continue;
      // "表1" must not answer for "表10".
      if (label.size() > prefix.size() && std::isdigit(static_cast<unsigned char>(label[prefix.size()])))
        continue;
      for (const auto& c : row.cells)
        if (without_spaces(c.text) == "是"sv) return &row;
    }
  }
  return nullptr;
}

// A kind of money a table can be declared empty of, and where amounts of
// that kind show in the other tables.
struct Kind {
  const char* id;
  std::vector<std::string_view> templates;  // the tables of that kind (views: compared per table)
  int required_number;                 // 决算 公开NN表, 0 if none
  const char* line_prefix;             // income/carry-over lines of that kind ("政府性基金…")
  const char* expense_column;          // expense column of 财政拨款收入支出决算总表
  std::string_view expense_class;      // function class of that kind ("223"), or "" (views: compared per row)
  std::vector<std::string_view> expense_codes;  // economic items that are that kind
  bool expense_only;                   // the table shows expenditure only
  std::string_view keyword;           // how the explanation names the kind (views: searched per sentence)
  const char* zh;
  const char* en;
};

const std::vector<Kind>& kinds() {
  // 30217 公务接待费 and 30231 公务用车运行维护费 against a declared-empty 三公
  // table are three_public.items' (a ceiling of zero); here the other two
  // 三公 items: 30212 因公出国（境）费用 and 31013 公务用车购置.
  static const std::vector<Kind> kKinds = {
      {"gov_fund", {"final.gov_fund", "budget.gov_fund"}, 8, "政府性基金", "gov_fund", "", {}, false,
       "政府性基金", "政府性基金预算财政拨款", "government-fund appropriations"},
      {"state_capital", {"final.state_capital"}, 9, "国有资本经营", "state_capital", "223", {}, true,
       "国有资本经营", "国有资本经营预算财政拨款", "state-capital appropriations"},
      {"three_public", {"final.three_public", "budget.three_public"}, 7, nullptr, nullptr, "",
       {"30212", "31013"}, true, "三公", "“三公”经费", "“three public” expenses"},
  };
  return kKinds;
}

// Whether `t` is one of the tables of `kind`.
bool of_kind(const Table& t, const Kind& kind) {
  for (std::string_view id : kind.templates)
    if (t.template_id == id) return true;
  return false;
}

struct Amount {
  const Table* table;
  const TableRow* row;
  Decimal value;
  bool expense;
};

// Non-zero amounts of `kind` printed in the report's other tables, and
// whether any table that could show them is there at all.
std::vector<Amount> amounts_of(const Report& r, const Kind& kind, bool& comparable) {
  std::vector<Amount> out;
  comparable = false;
  for (const Table& t : r.tables) {
    if (of_kind(t, kind)) continue;
    bool summary = is_summary_template(t.template_id), basic = is_basic_expense_template(t.template_id);
    bool classes = starts_with(t.template_id, "final.") || starts_with(t.template_id, "budget.");
    if (kind.line_prefix || kind.expense_column) comparable = comparable || summary;
    if (!kind.expense_codes.empty()) comparable = comparable || basic;
    std::string buffer;
    for (const TableRow& row : t.rows) {
      // The name (after 其中:) is read only for a summary's income line.
      auto income_name = [&row, &buffer] {
        std::string_view name = without_spaces(row.name, buffer);
        if (starts_with(name, "其中")) name.remove_prefix(std::string_view("其中").size());
        if (!name.empty() && (starts_with(name, "：") || starts_with(name, ":")))
          name.remove_prefix(starts_with(name, ":") ? 1 : std::string_view("：").size());
        return name;
      };
      bool income_line = summary && kind.line_prefix && row.group == 0 && row.code.empty() &&
                         starts_with(income_name(), kind.line_prefix);
      bool class_row = classes && !kind.expense_class.empty() && row.code == kind.expense_class;
      bool item_row = basic && std::find_if(kind.expense_codes.begin(), kind.expense_codes.end(),
                                            [&](std::string_view c) { return row.code == c; }) !=
                                   kind.expense_codes.end();
      // No cell of any other row is an amount of this kind.
      if (!income_line && !class_row && !item_row && !(summary && kind.expense_column && row.group == 1))
        continue;
      for (const Cell& c : row.cells) {
        if (c.kind != CellKind::Amount || !c.value || c.value->is_zero()) continue;
        const Column& col = t.columns[static_cast<std::size_t>(c.column)];
        bool expense_cell = summary && kind.expense_column && row.group == 1 && col.key == kind.expense_column;
        if (income_line || class_row || item_row || expense_cell)
          out.push_back({&t, &row, *c.value, class_row || item_row || expense_cell});
      }
    }
  }
  return out;
}

// Whether `t` says "本部门无<keyword>" (or 没有/不涉及, the keyword maybe
// quoted) at one of the places it names the keyword: the words before each
// are read backwards, so no phrase is built per sentence.
bool says_none_of(std::string_view t, std::string_view keyword) {
  for (std::size_t at = find_text(t, keyword); at != std::string_view::npos; at = find_text(t, keyword, at + 1)) {
    std::string_view before = t.substr(0, at);
    if (ends_with(before, "“")) before.remove_suffix(std::string_view("“").size());
    for (std::string_view none : {"无"sv, "没有"sv, "不涉及"sv}) {
      if (!ends_with(before, none)) continue;
      const std::string_view who = before.substr(0, before.size() - none.size());
      for (std::string_view whose : {"本部门"sv, "本单位"sv, "我部门"sv, "我单位"sv, "本年度"sv})
        if (ends_with(who, whose)) return true;
    }
  }
  return false;
}

// For each kind (in kinds()' order), the sentence of the explanation that
// says the report has nothing of it ("本部门无政府性基金决算收支，并已公开空表。"),
// or nullptr. One pass for all kinds: each sentence's spaces removed once.
std::vector<const Sentence*> explained_empty(const Report& r) {
  std::vector<const Sentence*> found(kinds().size(), nullptr);
  std::string buffer;
  for (const Section& s : r.sections)
    for (const Sentence& sentence : s.sentences) {
      const std::string_view t = without_spaces(sentence.text, buffer);
      // Most sentences name no kind: the other words are looked for only
      // in those that do (once each).
      std::optional<bool> last_year, empty_table;
      for (std::size_t k = 0; k < found.size(); ++k) {
        const std::string_view keyword = kinds()[k].keyword;
        if (found[k] || !contains(t, keyword)) continue;
        // About this year and this department only: "上一年度无政府性基金…"
        // explains nothing about this year's tables.
        if (!last_year) last_year = contains(t, "上年") || contains(t, "上一年");
        if (*last_year) break;
        if (!empty_table) empty_table = contains(t, "空表") || contains(t, "本表无数据");
        if (*empty_table || says_none_of(t, keyword)) found[k] = &sentence;
      }
    }
  return found;
}

// A declaration that a kind of table is empty: the declared-empty table's
// note, or the row of the index of tables.
void check_elsewhere(RuleContext& ctx, const Kind& kind, const std::string& where_zh,
                     const std::string& where_en, int line, int table_line) {
  const Report& report = ctx.report();
  bool comparable = false;
  std::vector<Amount> amounts = amounts_of(report, kind, comparable);
  std::string id = std::string(kRule) + ":elsewhere:" + kind.id + ":" + std::to_string(line);
  std::vector<int> lines{line};
  for (const Amount& a : amounts) lines.push_back(a.row->line);
  if (!comparable) { ctx.check(id, kRule, "insufficient_data", lines); return; }
  ctx.check(id, kRule, amounts.empty() ? "passed" : "failed", lines);
  if (amounts.empty()) return;
  // Income or a balance of that kind need not be spent this year: against a
  // table of expenditure only it is a warning, an expenditure an error.
  bool spent = false;
  for (const Amount& a : amounts) spent = spent || a.expense;
  const Amount& first = amounts.front();
  Finding f;
  f.rule = kRule;
  f.severity = spent || !kind.expense_only ? "error" : "warning";
  f.materiality = "material";
  f.first_line = f.last_line = line;
  if (table_line && table_line != line) f.related_lines.push_back(table_line);
  f.unit = first.table->unit;
  f.expected = "0";
  f.actual = first.value.to_string();
  f.difference = f.actual;
  std::string list_zh, list_en;
  const std::size_t kListed = 5;
  for (std::size_t k = 0; k < amounts.size(); ++k) {
    const Amount& a = amounts[k];
    f.related_lines.push_back(a.row->line);
    if (k >= kListed) continue;
    std::string u = a.table->unit.empty() ? "" : " " + a.table->unit;
    list_zh += (k ? "；" : "") + table_name_zh(*a.table) + "第" + std::to_string(a.row->line) + "行「" +
               row_name(*a.row) + "」" + a.value.to_string() + u;
    list_en += (k ? "; " : "") + table_name_en(*a.table) + " line " + std::to_string(a.row->line) + " (" +
               row_name(*a.row) + ") " + a.value.to_string() + u;
  }
  if (amounts.size() > kListed) {
    list_zh += "等 " + std::to_string(amounts.size()) + " 处";
    list_en += " and " + std::to_string(amounts.size() - kListed) + " more";
  }
  std::sort(f.related_lines.begin(), f.related_lines.end());
  f.related_lines.erase(std::unique(f.related_lines.begin(), f.related_lines.end()), f.related_lines.end());
  f.message_zh = where_zh + "第" + std::to_string(line) + "行声明无" + kind.zh + "数据，但其他表格列有" +
                 kind.zh + (spent ? "支出" : "收入或结转") + "：" + list_zh + "。";
  f.message_en = where_en + " line " + std::to_string(line) + " declares no " + kind.en +
                 ", yet other tables show " + (spent ? "such expenditure" : "such income or balances") + ": " +
                 list_en + ".";
  ctx.add_finding(std::move(f));
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
  const bool final_accounts = report.document.kind == "final_accounts"sv;
  // Read from the sentences when first asked: most reports print every table.
  std::vector<const Sentence*> explanations;
  auto explained = [&](std::size_t k) {
    if (explanations.empty()) explanations = explained_empty(report);
    return explanations[k];
  };
  // Declared empty here, amounts of that kind there.
  for (std::size_t k = 0; k < kinds().size(); ++k) {
    const Kind& kind = kinds()[k];
    bool table_present = false;
    for (const Table& t : report.tables) {
      if (!of_kind(t, kind)) continue;
      table_present = true;
      // A table holding figures is already contradicted by its own cells.
      if (!t.declared_empty || has_figures(t)) continue;
      check_elsewhere(ctx, kind, table_name_zh(t), table_name_en(t), t.empty_note_line, t.first_line);
    }
    if (table_present || !final_accounts) continue;
    if (const TableRow* row = index_declares_empty(report, kind.required_number))
      check_elsewhere(ctx, kind, "部门决算表目录", "The index of tables", row->line, 0);
    else if (const Sentence* s = explained(k))
      check_elsewhere(ctx, kind, "情况说明", "The explanation", s->line, 0);
  }
  if (!final_accounts) return;
  int final_tables = 0;
  for (const Table& t : report.tables) final_tables += starts_with(t.template_id, "final.") ? 1 : 0;
  if (final_tables < 3) return;  // not a report whose table set we can judge
  struct Required { int number; std::vector<std::string_view> ids; };
  static const Required kRequired[] = {
      {1, {"final.summary"}}, {2, {"final.income"}}, {3, {"final.expense"}},
      {4, {"final.fiscal_summary"}}, {5, {"final.general_budget"}},
      {6, {"final.general_budget_basic", "final.general_budget_detail"}},
      {7, {"final.three_public"}}, {8, {"final.gov_fund"}}, {9, {"final.state_capital"}}};
  for (const Required& req : kRequired) {
    bool present = false;
    for (const Table& t : report.tables)
      for (std::string_view id : req.ids) present = present || t.template_id == id;
    std::string id = std::string(kRule) + ":required:" + std::to_string(req.number);
    if (present) { ctx.check(id, kRule, "passed", {}); continue; }
    if (index_declares_empty(report, req.number)) { ctx.check(id, kRule, "not_applicable", {}); continue; }
    // Tables 7-9 may be absent when the explanation says there is nothing of
    // their kind.
    const Sentence* why = nullptr;
    for (std::size_t k = 0; k < kinds().size(); ++k)
      if (kinds()[k].required_number == req.number) why = explained(k);
    if (why) { ctx.check(id, kRule, "not_applicable", {why->line}); continue; }
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
