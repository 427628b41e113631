// Linking claims to the table figure they restate. A subject (with its scope:
// all funds / 财政拨款 / 一般公共预算 / 政府性基金) names a row or a column of
// known templates; every table that holds it is read, and the claim is linked
// only when they all agree. When tables disagree the claim is "ambiguous"
// (the table rules report the disagreement); when no table holds the subject
// it is "unlinked" with the reason. Never a guess.
#include <algorithm>
#include <map>

#include "../rules/narrative.h"
#include "claims.h"
#include "internal.h"

namespace hezhang {

namespace {

struct Source {
  std::string_view template_id;
  int group;                            // -1: any group
  std::vector<std::string_view> keys;   // first column key present holds the figure
  const char* row;                      // row name; nullptr: function-class rows; "": first row with figures
  // A row that holds the rest of the subject: the figure is `row`'s alone
  // only while this one holds none (机关运行经费 = 行政单位 + 参公事业单位).
  const char* rest_row = nullptr;
  // The row is found first and read in its own column group (basic_figure).
  bool row_first = false;
};

struct LinkSpec {
  // Views, not C strings: compared with each claim's subject and scope (a
  // length check first rather than a strlen per comparison).
  std::string_view subject;  // key, "class" for function classes, "econ" for economic ones
  std::string_view scope;    // "all", "fiscal", "general_budget", "gov_fund", "*" (any)
  bool budget_report;
  std::vector<Source> sources;
  // Only claims that say 预算数/决算数 (budget, actual): the same words in a
  // list of 公用经费 items name the basic-expenditure figure, not this one.
  bool stated_only = false;
};

// The column of an economic row's basic figure: 其中：基本支出 where the table
// splits basic from project spending, else its total.
const std::vector<std::string_view> kEconKeys = {"basic", "expense_total", "total", "amount"};

const std::vector<LinkSpec>& link_specs() {
  static const std::vector<LinkSpec> kSpecs = {
      // ---- 决算 ----
      {"income_total", "all", false, {{"final.summary", 0, {"amount"}, "收入总计"}}},
      {"expense_total", "all", false, {{"final.summary", 1, {"amount"}, "支出总计"}}},
      {"fiscal_total", "*", false, {{"final.fiscal_summary", 0, {"amount"}, "收入总计"}}},
      {"expense_total", "fiscal", false,
       {{"final.fiscal_summary", 1, {"total", "expense_total", "amount"}, "支出总计"}}},
      {"income_year", "all", false,
       {{"final.summary", 0, {"amount"}, "本年收入合计"}, {"final.income", -1, {"income_total"}, "合计"}}},
      {"expense_year", "all", false,
       {{"final.summary", 1, {"amount"}, "本年支出合计"}, {"final.expense", -1, {"expense_total"}, "合计"}}},
      {"fiscal_income", "*", false, {{"final.income", -1, {"fiscal_income"}, "合计"}}},
      {"superior_subsidy_income", "all", false, {{"final.income", -1, {"superior_subsidy_income"}, "合计"}}},
      {"business_income", "all", false, {{"final.income", -1, {"business_income"}, "合计"}}},
      {"operating_income", "all", false, {{"final.income", -1, {"operating_income"}, "合计"}}},
      {"affiliated_income", "all", false, {{"final.income", -1, {"affiliated_income"}, "合计"}}},
      {"other_income", "all", false, {{"final.income", -1, {"other_income"}, "合计"}}},
      {"basic", "all", false, {{"final.expense", -1, {"basic"}, "合计"}}},
      {"project", "all", false, {{"final.expense", -1, {"project"}, "合计"}}},
      {"remit_superior", "all", false, {{"final.expense", -1, {"remit_superior"}, "合计"}}},
      {"operating_expense", "all", false, {{"final.expense", -1, {"operating_expense"}, "合计"}}},
      {"affiliated_subsidy", "all", false, {{"final.expense", -1, {"affiliated_subsidy"}, "合计"}}},
      {"basic", "general_budget", false, {{"final.general_budget", -1, {"basic"}, "合计"}}},
      {"project", "general_budget", false, {{"final.general_budget", -1, {"project"}, "合计"}}},
      {"general_budget_expense", "*", false,
       {{"final.fiscal_summary", 1, {"general_budget"}, "本年支出合计"},
        {"final.general_budget", -1, {"expense_total", "expense", "total"}, "合计"}}},
      {"gov_fund_expense", "*", false,
       {{"final.fiscal_summary", 1, {"gov_fund"}, "本年支出合计"}, {"final.gov_fund", -1, {"expense"}, "合计"}}},
      {"class", "all", false, {{"final.expense", -1, {"expense_total"}, nullptr}}},
      {"class", "general_budget", false,
       {{"final.fiscal_summary", 1, {"general_budget"}, nullptr},
        {"final.general_budget", -1, {"expense_total", "expense", "total"}, nullptr}}},
      {"class", "gov_fund", false,
       {{"final.fiscal_summary", 1, {"gov_fund"}, nullptr}, {"final.gov_fund", -1, {"expense"}, nullptr}}},
      {"three_public", "*", false, {{"final.three_public", -1, {"final.total", "total"}, ""}}},
      {"abroad", "*", false, {{"final.three_public", -1, {"final.abroad", "abroad"}, ""}}},
      {"vehicle", "*", false, {{"final.three_public", -1, {"final.vehicle", "vehicle"}, ""}}},
      {"vehicle_purchase", "*", false,
       {{"final.three_public", -1, {"final.vehicle_purchase", "vehicle_purchase"}, ""}}},
      {"vehicle_operation", "*", false,
       {{"final.three_public", -1, {"final.vehicle_operation", "vehicle_operation"}, ""}}},
      {"reception", "*", false, {{"final.three_public", -1, {"final.reception", "reception"}, ""}}},
      // 会议费 and 培训费 columns beside the 三公 ones (公开07表 of some years).
      {"meeting", "*", false, {{"final.three_public", -1, {"meeting"}, ""}}, true},
      {"training", "*", false, {{"final.three_public", -1, {"training"}, ""}}, true},
      // 公开10表 (相关信息统计表): 政府采购 by kind, and 机关运行经费 by kind of unit.
      {"procurement_total", "*", false,
       {{"final.info_stats", -1, {"amount"}, "合计"}, {"final.info_stats", -1, {"amount"}, "政府采购支出合计"}}},
      {"procurement_goods", "*", false, {{"final.info_stats", -1, {"amount"}, "货物"}}},
      {"procurement_works", "*", false, {{"final.info_stats", -1, {"amount"}, "工程"}}},
      {"procurement_services", "*", false, {{"final.info_stats", -1, {"amount"}, "服务"}}},
      {"operating_costs", "*", false,
       {{"final.info_stats", -1, {"amount"}, "机关运行经费"},
        {"final.info_stats", -1, {"amount"}, "行政单位", "参照公务员法管理事业单位"}}},
      // 人员经费 and 公用经费 of basic expenditure: the 合计 row's column, or
      // their own total rows in their column group.
      {"personnel", "general_budget", false,
       {{"final.general_budget_basic", -1, {"personnel"}, "合计"},
        {"final.general_budget_basic", -1, kEconKeys, "人员经费合计", nullptr, true},
        {"final.general_budget_detail", -1, kEconKeys, "人员经费合计", nullptr, true}}},
      {"public_expense", "general_budget", false,
       {{"final.general_budget_basic", -1, {"public_expense"}, "合计"},
        {"final.general_budget_basic", -1, kEconKeys, "公用经费合计", nullptr, true},
        {"final.general_budget_detail", -1, kEconKeys, "公用经费合计", nullptr, true}}},
      // An economic class or item ("办公费", econ:302…) of basic expenditure,
      // by its code: the row's basic figure.
      {"econ", "general_budget", false,
       {{"final.general_budget_basic", -1, kEconKeys, nullptr}, {"final.general_budget_detail", -1, kEconKeys, nullptr}}},
      // ---- 预算 ----
      {"income_total", "all", true, {{"budget.summary", 0, {"amount"}, "收入总计"}}},
      {"expense_total", "all", true, {{"budget.summary", 1, {"amount"}, "支出总计"}}},
      {"fiscal_total", "*", true, {{"budget.fiscal_summary", 0, {"amount"}, "收入总计"}}},
      {"income_year", "all", true, {{"budget.summary", 0, {"amount"}, "本年收入合计"}}},
      {"expense_year", "all", true,
       {{"budget.summary", 1, {"amount"}, "本年支出合计"}, {"budget.expense_summary", -1, {"total"}, "合计"}}},
      {"basic", "all", true, {{"budget.expense_summary", -1, {"basic"}, "合计"}}},
      {"project", "all", true, {{"budget.expense_summary", -1, {"project"}, "合计"}}},
      {"basic", "general_budget", true,
       {{"budget.general_budget", -1, {"basic"}, "合计"}, {"budget.general_budget_basic", -1, {"basic", "total"}, "合计"}}},
      {"project", "general_budget", true, {{"budget.general_budget", -1, {"project"}, "合计"}}},
      {"general_budget_expense", "*", true, {{"budget.general_budget", -1, {"total"}, "合计"}}},
      {"class", "all", true,
       {{"budget.summary", 1, {"amount"}, nullptr}, {"budget.expense_summary", -1, {"total"}, nullptr}}},
      {"class", "fiscal", true, {{"budget.fiscal_summary", 1, {"amount"}, nullptr}}},
      {"class", "general_budget", true, {{"budget.general_budget", -1, {"total"}, nullptr}}},
      {"three_public", "*", true, {{"budget.three_public", -1, {"total", "budget.total"}, ""}}},
      {"abroad", "*", true, {{"budget.three_public", -1, {"abroad", "budget.abroad"}, ""}}},
      {"vehicle", "*", true, {{"budget.three_public", -1, {"vehicle", "budget.vehicle"}, ""}}},
      {"reception", "*", true, {{"budget.three_public", -1, {"reception", "budget.reception"}, ""}}},
      {"personnel", "general_budget", true, {{"budget.general_budget_basic", -1, {"personnel"}, "合计"}}},
      {"public_expense", "general_budget", true, {{"budget.general_budget_basic", -1, {"public_expense"}, "合计"}}},
      {"econ", "general_budget", true, {{"budget.general_budget_basic", -1, kEconKeys, nullptr}}},
  };
  return kSpecs;
}

// The specs of one subject, in link_specs() order: a claim's look-up reads
// only its own, not every spec of both kinds of report.
const std::vector<const LinkSpec*>& specs_of(std::string_view subject) {
  static const std::map<std::string_view, std::vector<const LinkSpec*>, std::less<>> kBySubject = [] {
    std::map<std::string_view, std::vector<const LinkSpec*>, std::less<>> by_subject;
    for (const LinkSpec& spec : link_specs()) by_subject[spec.subject].push_back(&spec);
    return by_subject;
  }();
  static const std::vector<const LinkSpec*> kNone;
  const auto it = kBySubject.find(subject);
  return it == kBySubject.end() ? kNone : it->second;
}

// "一、财政拨款收入" -> "财政拨款收入": enumerators do not change a row's name.
// Compared in place: this runs for every row of every table a claim names.
bool bare_name_is(std::string_view name, std::string_view wanted) {
  // Most rows are told apart by their last byte that is not a space, which
  // must end `wanted` (spaces and an enumerator only come before it).
  const std::string_view t = trimmed(name);
  if (!wanted.empty() && (t.empty() || t.back() != wanted.back())) return false;
  std::string buffer;
  const std::string_view n = without_spaces(name, buffer);
  static const std::string_view kLeads[] = {"一、", "二、", "三、", "四、", "五、", "六、", "七、", "八、", "九、", "十、"};
  for (std::string_view l : kLeads)
    if (starts_with(n, l)) return n.substr(l.size()) == wanted;
  return n == wanted;
}

// A class subject, "class:221" (the 类 row) or "class:221/住房改革支出/住房公
// 积金" (the 项 row under 221 with those names), read once per look-up.
// Views of the claim's subject.
struct ClassSubject {
  std::string_view code;
  std::string_view level = "类";  // 款 and 项 rows are matched by name too
  std::string_view name;          // the 款 or 项 name, without a final 支出
};

std::string_view without_expense_suffix(std::string_view s) {
  if (s.size() > 6 && ends_with(s, "支出")) s.remove_suffix(6);
  return s;
}

ClassSubject class_subject(std::string_view subject) {
  ClassSubject cs;
  const std::string_view rest = subject.substr(6);
  const std::size_t slash = rest.find('/');
  cs.code = rest.substr(0, slash);
  if (slash == std::string_view::npos) return cs;
  const std::size_t last = rest.rfind('/');
  cs.level = last == slash ? "款" : "项";
  cs.name = without_expense_suffix(rest.substr(last + 1));
  return cs;
}

// Compared in place: this runs for every row of every table a class claim
// names (no copy of the row's name unless it has spaces).
bool row_matches_class(const TableRow& r, const ClassSubject& cs) {
  if (cs.level == "类"sv) return r.level == "类"sv && r.code == cs.code;
  // 款 and 项 by name, under the class.
  if (r.level != cs.level || !starts_with(r.code, cs.code)) return false;
  std::string buffer;
  return without_expense_suffix(without_spaces(r.name, buffer)) == cs.name;
}

// Whether the row of `group` named `name` holds a figure other than 0 in `col`.
bool holds_nonzero(const Table& t, int group, int col, std::string_view name) {
  for (const TableRow& r : t.rows)
    if (r.group == group && bare_name_is(r.name, name)) {
      auto f = figure_in_column(t, r, col);
      return f && !f->value.is_zero();
    }
  return false;
}

struct Candidate {
  const Table* table;
  const TableRow* row;
  int column;
  Decimal value;
};

// The basic figure of a row of a basic-expenditure table, read in the row's
// own column group (06表 prints its groups side by side). A blank 基本支出
// cell is none of it basic; a blank total with the figure under 人员经费 or
// 公用经费 alone (items print only their own part) is that figure.
std::optional<Candidate> basic_figure(const Table& t, const TableRow& r, const std::vector<std::string_view>& keys) {
  const int col = column_with_key(t, r.group, keys);
  if (col >= 0) {
    if (auto f = figure_in_column(t, r, col)) return Candidate{&t, &r, col, f->value};
    if (t.columns[static_cast<std::size_t>(col)].key == "basic"sv) return std::nullopt;
  }
  std::optional<Candidate> part;
  for (std::string_view key : {"personnel"sv, "public_expense"sv}) {
    const int pc = column_with_key(t, r.group, std::initializer_list<std::string_view>{key});
    auto f = pc >= 0 ? figure_in_column(t, r, pc) : std::nullopt;
    if (f && part) return std::nullopt;  // both parts: no one cell holds it
    if (f) part = Candidate{&t, &r, pc, f->value};
  }
  return part;
}

// Every table figure the claim's subject names in any scope; `in_scope`
// gets those of the claim's own scope (or of any: "*"), in the same order,
// and spec_known whether such a spec exists. One pass for both: the specs
// of the claim's scope are a part of all of them.
using TablesByTemplate = std::map<std::string, std::vector<const Table*>, std::less<>>;  // found by view

std::vector<Candidate> candidates(const TablesByTemplate& tables, const Claim& c, bool budget_report,
                                  std::vector<Candidate>& in_scope, bool& spec_known) {
  const bool is_class = c.subject.compare(0, 6, "class:") == 0;
  const bool is_econ = c.subject.compare(0, 5, "econ:") == 0;
  const ClassSubject cs = is_class ? class_subject(c.subject) : ClassSubject();
  std::vector<Candidate> found;
  // Three-public budgets sit in the 预算数 columns of a 决算 table.
  const bool budget_columns = !budget_report && c.relation == "budget"sv;
  const std::string_view spec_subject = is_class ? "class"sv : is_econ ? "econ"sv : std::string_view(c.subject);
  for (const LinkSpec* spec_of_subject : specs_of(spec_subject)) {
    const LinkSpec& spec = *spec_of_subject;
    if (spec.budget_report != budget_report) continue;
    if (spec.stated_only && c.relation != "budget"sv && c.relation != "actual"sv) continue;
    const bool scope_fits = spec.scope == "*"sv || spec.scope == c.scope;
    spec_known = spec_known || scope_fits;
    for (const Source& src : spec.sources) {
      auto of_template = tables.find(src.template_id);
      if (of_template == tables.end()) continue;
      std::string budget_keys[2];  // "budget.<key>", then the key itself
      if (budget_columns && !src.keys.empty()) {
        budget_keys[1] = std::string(src.keys.back());
        budget_keys[0] = "budget." + budget_keys[1];
      }
      for (const Table* tp : of_template->second) {
        const Table& t = *tp;
        if (is_econ || src.row_first) {
          // The row by its code or name, then its figure in its own group.
          const std::string_view code = is_econ ? std::string_view(c.subject).substr(5) : ""sv;
          for (const TableRow& r : t.rows)
            if (is_econ ? r.code == code : bare_name_is(r.name, src.row)) {
              if (auto k = basic_figure(t, r, src.keys)) {
                found.push_back(*k);
                if (scope_fits) in_scope.push_back(*k);
              }
              break;
            }
          continue;
        }
        const int col =
            budget_columns ? column_with_key(t, src.group, budget_keys) : column_with_key(t, src.group, src.keys);
        if (col < 0) continue;
        int group = t.columns[static_cast<std::size_t>(col)].group;
        // "" picks the row of figures; a 三公 table may print a 预算数 row
        // and a 决算数 row instead of column pairs.
        std::string wanted = src.row ? src.row : "";
        if (src.row && *src.row == '\0')
          for (const TableRow& r : t.rows)
            if (bare_name_is(r.name, "预算数") || bare_name_is(r.name, "决算数"))
              wanted = c.relation == "budget"sv || budget_report ? "预算数" : "决算数";
        for (const TableRow& r : t.rows) {
          if (r.group != group) continue;
          bool match = src.row == nullptr ? row_matches_class(r, cs)
                       : wanted.empty() ? true
                                        : bare_name_is(r.name, wanted);
          if (!match) continue;
          auto f = figure_in_column(t, r, col);
          if (!f) {
            if (wanted.empty()) continue;  // first row with figures
            break;
          }
          if (src.rest_row && holds_nonzero(t, group, col, src.rest_row)) break;  // no one cell holds it
          found.push_back({&t, &r, col, f->value});
          if (scope_fits) in_scope.push_back(found.back());
          break;
        }
      }
    }
  }
  return found;
}

}  // namespace

void link_claims(Report& report) {
  bool budget_report = report.document.kind == "budget"sv;
  struct Lookup {
    std::vector<Candidate> found, others;
    bool spec_known = false;
  };
  // Distinct subjects looked up; beyond this (a pathological input) claims
  // stay unlinked with the reason "limit" rather than slow everything down.
  constexpr std::size_t kMaxLookups = 2000;
  std::map<std::string, Lookup> lookups;
  TablesByTemplate by_template;
  for (const Table& t : report.tables) by_template[t.template_id].push_back(&t);
  std::string memo_key;  // one buffer: a key built per claim had been three allocations in WebAssembly
  for (Claim& c : report.claims) {
    c.link = "unlinked";
    c.cell.reset();
    if (report.tables.empty()) { c.reason = "no_tables"; continue; }
    if (c.subject.empty()) { c.reason = "unknown_subject"; continue; }
    if (!is_money(c) || !is_amount_relation(c)) { c.reason = "not_a_table_figure"; continue; }
    // 决算 tables hold outcomes; 预算 tables hold budgets.
    if ((!budget_report && c.relation == "budget"sv &&
         !(c.subject == "three_public"sv || c.subject == "abroad"sv || c.subject == "vehicle"sv ||
           c.subject == "reception"sv || c.subject == "meeting"sv || c.subject == "training"sv)) ||
        (budget_report && c.relation == "actual"sv)) {
      c.reason = "not_in_tables";
      continue;
    }
    // One look-up per subject, scope and relation: claims repeat them.
    memo_key.assign(c.subject).append("|").append(c.scope).append("|").append(c.relation);
    auto memo = lookups.find(memo_key);
    if (memo == lookups.end()) {
      if (lookups.size() >= kMaxLookups) { c.reason = "limit"; continue; }
      Lookup l;
      l.others = candidates(by_template, c, budget_report, l.found, l.spec_known);
      memo = lookups.emplace(memo_key, std::move(l)).first;
    }
    bool spec_known = memo->second.spec_known;
    const std::vector<Candidate>& found = memo->second.found;
    if (!spec_known) { c.reason = "subject_not_in_tables"; continue; }
    if (found.empty()) { c.reason = "table_not_found"; continue; }
    // All tables that hold it must agree, else the engine does not choose.
    auto first = figure_span(*found[0].table, found[0].value);
    bool agree = first.has_value();
    for (std::size_t k = 1; k < found.size() && agree; ++k) {
      auto other = figure_span(*found[k].table, found[k].value);
      agree = other && judge_equal(*other, *first) != Outcome::Failed;
    }
    // Tables of another scope that hold the same figure and agree with the
    // text while this one does not: the table is the odd one (the table rules
    // report it), so the text is not blamed.
    if (agree) {
      auto stated = money_span(c);
      auto mine = first ? std::optional<Span>(*first) : std::nullopt;
      if (stated && mine && judge_same(*stated, *mine) == Outcome::Failed)
        for (const Candidate& o : memo->second.others) {
          auto os = figure_span(*o.table, o.value);
          if (os && judge_same(*stated, *os) != Outcome::Failed) agree = false;
        }
    }
    if (!agree) {
      c.link = "ambiguous";
      c.reason = "tables_disagree";
      continue;
    }
    const Candidate& k = found[0];
    c.link = "linked";
    c.reason.clear();
    c.cell = ClaimLink{k.table->id, k.row->line, column_name(*k.table, k.column), k.value.to_string(),
                       k.table->unit};
  }
}

}  // namespace hezhang
