// What the rule families share: the registry, the ledger, reading figures,
// the rounding model and the wording of findings.
#include <algorithm>
#include <map>
#include <tuple>

#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

const std::vector<RuleFamily>& rule_families() {
  // One explicit list (no self-registering statics: the linker drops them).
  static const std::vector<RuleFamily> kFamilies = {
      {"formula.printed", "表下注明的计算公式（行、栏）逐一核对",
       "Formulas printed under tables (rows, columns) evaluated as printed", run_printed_formulas},
      {"hierarchy.sum", "类=各款之和、款=各项之和、合计=各类之和（含经济分类）",
       "Each class equals the sum of its sub-items, totals the sum of classes", run_hierarchy_sum},
      {"template.columns", "表内各栏关系（合计=基本支出+项目支出等）",
       "Column relations of each template (total = basic + project, …)", run_template_columns},
      {"template.rows", "总表行关系（本年收入合计、收入总计=支出总计、政府采购合计=货物+工程+服务等）",
       "Row relations of summary tables (totals, income total = expenditure total, procurement = its kinds)",
       run_template_rows},
      {"cross.tables", "不同表格之间同一数字应一致",
       "The same figure must agree between tables", run_cross_tables},
      {"cross.income_columns", "公开01表各项收入与公开02表各收入栏一致（财政拨款收入=三类财政拨款）",
       "Income lines of 公开01表 match the income columns of 公开02表", run_income_columns},
      {"performance.targets", "项目绩效目标表：每个项目指标权重合计100，项目资金之和等于项目支出",
       "Performance targets: weights add to 100, projects add to project expenditure", run_performance_targets},
      {"performance.execution", "绩效自评表：执行率=执行数÷预算数，得分不超过分值",
       "Self-evaluation tables: execution rate = spent ÷ budget, no score above its points", run_performance_execution},
      {"performance.scores", "绩效自评表：总分=预算执行得分+各指标得分（分值同理）",
       "Self-evaluation tables: the total score is the execution score plus the indicators' (points too)",
       run_performance_scores},
      {"tables.declared_empty", "声明为空的表与其他表的数字是否矛盾、必备表格是否缺失",
       "Tables declared empty versus figures elsewhere; required tables present", run_declared_empty},
      {"three_public.items", "基本支出表中公务接待费、公务用车运行维护费不得超过“三公”经费表",
       "Reception and vehicle items of basic expenditure within the “three public” table", run_three_public_items},
      {"names.consistent", "同一科目编码在各表中的名称应一致",
       "The same code carries the same name in every table", run_names},
      {"narrative.table", "情况说明中的金额与表格中同一数字一致（含元/万元换算）",
       "Amounts in the explanations equal the same figures in the tables", run_narrative_table},
      {"narrative.percent", "“占 X%”按部分÷整体重新计算",
       "“X% of” recomputed as part ÷ whole", run_narrative_percent},
      {"narrative.growth", "增减额、增减率与当年数、上年数相符，增减方向一致",
       "Changes and growth rates agree with the figures and with each other", run_narrative_growth},
      {"narrative.completion", "完成预算的比例=执行数÷（对应口径的）预算数",
       "Completion rates equal outcome ÷ the right budget", run_narrative_completion},
      {"narrative.parts", "所列各部分之和等于整体，部分不大于整体",
       "Listed parts add up to their whole and none exceeds it", run_narrative_parts},
      {"narrative.repeated", "同一数字在文中多次出现时应一致",
       "The same figure stated twice is stated the same way", run_narrative_repeated},
      {"narrative.sections", "决算公开情况说明应包含的各部分是否齐全",
       "The explanation has every section a final-accounts disclosure needs", run_narrative_sections},
  };
  return kFamilies;
}

RuleContext::RuleContext(Report& report) : report_(report) {}

const char* status_of(Outcome outcome) {
  return outcome == Outcome::Passed ? "passed" : outcome == Outcome::Rounding ? "rounding" : "failed";
}

void RuleContext::add_finding(Finding f, FindingOrigin origin) {
  report_.findings.push_back(std::move(f));
  origins_.push_back(std::move(origin));
}

FindingOrigin blank_origin(const Figure& total, const std::vector<Term>& parts, const Comparison& c,
                           const std::string& what_zh, const std::string& what_en) {
  FindingOrigin o;
  o.table = total.table;
  o.tolerance = c.tolerance;
  o.what_zh = what_zh;
  o.what_en = what_en;
  if (c.outcome != Outcome::Failed || c.overflow) return o;
  auto blank = [](const Figure& f) { return f.scale >= 8 && f.value.is_zero() && f.column >= 0 && f.row; };
  // total - Σ sign·parts = difference: a blank total needs the parts' sum; a
  // blank part with sign s needs s·difference.
  if (blank(total)) o.blanks.push_back({total.row, total.column, c.expected});
  for (const Term& t : parts) {
    if (!blank(t.figure) || t.figure.table != total.table) continue;
    Decimal need = c.difference;
    if (t.sign < 0) need.units = -need.units;
    o.blanks.push_back({t.figure.row, t.figure.column, need});
  }
  return o;
}

void RuleContext::check(std::string id, std::string rule, std::string status, std::vector<int> lines) {
  std::sort(lines.begin(), lines.end());
  lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
  report_.checks.push_back({std::move(id), std::move(rule), std::move(status), std::move(lines)});
}

namespace {

Decimal abs_value(Decimal d) {
  if (d.units < 0) d.units = -d.units;
  return d;
}

Decimal half_unit(int scale) { return Decimal{5, scale + 1}; }

Outcome classify(const Decimal& diff, const Decimal& tolerance) {
  if (diff.is_zero()) return Outcome::Passed;
  return compare(abs_value(diff), tolerance) <= 0 ? Outcome::Rounding : Outcome::Failed;
}

std::string table_unit(const Table& t) { return t.unit.empty() ? "" : t.unit; }

}  // namespace

int effective_scale(const Table& t, const Decimal& v) { return std::max(t.usual_scale, v.scale); }

std::optional<Figure> figure_in_column(const Table& t, const TableRow& row, int column) {
  // A row's cells are in column order, one per column (tables.cpp reads them
  // left to right): a binary search keeps a row of 100 000 cells linear overall.
  auto it = std::lower_bound(row.cells.begin(), row.cells.end(), column,
                             [](const Cell& c, int col) { return c.column < col; });
  if (it == row.cells.end() || it->column != column) return std::nullopt;
  if (it->kind != CellKind::Amount || !it->value) return std::nullopt;
  Figure f;
  f.table = &t;
  f.row = &row;
  f.column = column;
  f.value = *it->value;
  f.scale = effective_scale(t, f.value);
  return f;
}

std::vector<int> value_columns(const Table& t, int group) {
  std::vector<int> cols;
  cols.reserve(t.columns.size());  // one allocation, not a growth per column
  for (const auto& c : t.columns)
    if (c.group == group && !is_label_key(c.key) && !c.key.empty() && c.key != "is_empty"sv &&
        c.key != "empty_reason"sv)
      cols.push_back(c.index);
  return cols;
}

Figure zero_figure(const Table& t, const TableRow& row, int column) {
  Figure f;
  f.table = &t;
  f.row = &row;
  f.column = column;
  f.value = Decimal{0, 0};
  // An empty cell is exactly zero: it carries no rounding.
  f.scale = 8;
  return f;
}

std::optional<Figure> figure_at(const Table& t, const TableRow& row, const std::string& key) {
  for (const auto& col : t.columns)
    if (col.group == row.group && col.key == key) return figure_in_column(t, row, col.index);
  return std::nullopt;
}

Comparison RuleContext::compare_sum(const Figure& total, const std::vector<Term>& parts) {
  Comparison c;
  Decimal sum{0, 0};
  Decimal tol = total.scale >= 8 ? Decimal{0, 0} : half_unit(total.scale);
  for (const Term& t : parts) {
    Decimal v = t.figure.value;
    if (t.sign < 0) v.units = -v.units;
    auto s = add(sum, v);
    // An empty cell is exactly zero and widens nothing.
    auto h = t.figure.scale >= 8 ? std::optional<Decimal>(tol) : add(tol, half_unit(t.figure.scale));
    if (!s || !h) { c.overflow = true; return c; }
    sum = *s;
    tol = *h;
  }
  auto d = subtract(total.value, sum);
  if (!d) { c.overflow = true; return c; }
  c.expected = sum;
  c.difference = *d;
  c.tolerance = tol;
  c.outcome = classify(*d, tol);
  return c;
}

Comparison RuleContext::compare_equal(const Figure& actual, const Figure& expected) {
  Comparison c;
  int pa = unit_power(actual.table->unit).value_or(0);
  int pe = unit_power(expected.table->unit).value_or(0);
  // Work in the finer unit so both values stay exact.
  int base = std::min(pa, pe);
  auto a = actual.value.shifted(pa - base);
  auto e = expected.value.shifted(pe - base);
  auto ha = actual.scale >= 8 ? std::optional<Decimal>(Decimal{0, 0})
                              : half_unit(actual.scale).shifted(pa - base);
  auto he = expected.scale >= 8 ? std::optional<Decimal>(Decimal{0, 0})
                                : half_unit(expected.scale).shifted(pe - base);
  if (!a || !e || !ha || !he) { c.overflow = true; return c; }
  auto d = subtract(*a, *e);
  auto tol = add(*ha, *he);
  if (!d || !tol) { c.overflow = true; return c; }
  // Report expected and difference in the actual figure's unit.
  auto back_e = e->shifted(base - pa), back_d = d->shifted(base - pa);
  if (!back_e || !back_d) { c.overflow = true; return c; }
  c.expected = *back_e;
  c.difference = *back_d;
  c.tolerance = *tol;
  c.outcome = classify(*d, *tol);
  return c;
}

std::string table_name_zh(const Table& t) {
  if (!t.label.empty()) return t.label;
  const TemplateInfo* info = find_template(t.template_id);
  return info ? info->name_zh : t.title;
}

std::string table_name_en(const Table& t) {
  if (!t.label.empty()) return t.label;
  const TemplateInfo* info = find_template(t.template_id);
  return info ? info->name_en : t.title;
}

std::string column_name(const Table& t, int column) {
  if (column < 0 || column >= static_cast<int>(t.columns.size())) return "";
  const std::string& h = t.columns[static_cast<std::size_t>(column)].header;
  return h.empty() ? "第" + std::to_string(column + 1) + "栏" : h;
}

std::string row_name(const TableRow& r) {
  if (r.code.empty()) return r.name;
  return r.code + " " + r.name;
}

std::string_view last_level(std::string_view header) {
  int depth = 0;
  std::size_t cut = 0;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == '(' || word_at(header, i, "（")) ++depth;
    else if ((header[i] == ')' || word_at(header, i, "）")) && depth > 0) --depth;
    else if (header[i] == '/' && depth == 0) cut = i + 1;
  }
  return header.substr(cut);
}

std::string row_place_zh(const Table& t, const TableRow& r) {
  return table_name_zh(t) + " 第" + std::to_string(r.line) + "行" + (r.name.empty() ? "" : "「" + r.name + "」");
}
std::string row_place_en(const Table& t, const TableRow& r) {
  return table_name_en(t) + " line " + std::to_string(r.line) + (r.name.empty() ? "" : " (" + r.name + ")");
}

Finding make_value_finding(const std::string& rule, const Figure& actual, const Comparison& c,
                           const std::string& what_zh, const std::string& what_en,
                           std::vector<int> related_lines) {
  Finding f;
  f.rule = rule;
  bool rounding = c.outcome == Outcome::Rounding;
  f.severity = rounding ? "info" : "error";
  f.materiality = rounding ? "rounding" : "material";
  f.first_line = f.last_line = actual.row->line;
  std::sort(related_lines.begin(), related_lines.end());
  related_lines.erase(std::unique(related_lines.begin(), related_lines.end()), related_lines.end());
  related_lines.erase(std::remove(related_lines.begin(), related_lines.end(), f.first_line),
                      related_lines.end());
  f.related_lines = std::move(related_lines);
  f.unit = table_unit(*actual.table);
  f.actual = actual.value.to_string();
  f.expected = c.expected.to_string();
  f.difference = c.difference.to_string();
  std::string u = f.unit.empty() ? "" : " " + f.unit;
  std::string where_zh = table_name_zh(*actual.table) + " 第" + std::to_string(actual.row->line) +
                         "行「" + row_name(*actual.row) + "」" + column_name(*actual.table, actual.column);
  std::string where_en = table_name_en(*actual.table) + " line " + std::to_string(actual.row->line) +
                         " (" + row_name(*actual.row) + ", " + column_name(*actual.table, actual.column) + ")";
  // A blank cell counts as zero; say it was blank.
  bool blank = actual.scale >= 8 && actual.value.is_zero();
  f.message_zh = where_zh + (blank ? "为空（0）" : "为 " + f.actual + u) + "，但" + what_zh + "为 " + f.expected + u +
                 "（相差 " + f.difference + u + "）" +
                 (rounding ? "，在四舍五入尾差范围内。" : "。");
  f.message_en = where_en + (blank ? " is blank (0)" : " is " + f.actual + u) + ", but " + what_en + " gives " + f.expected + u +
                 " (difference " + f.difference + u + ")" +
                 (rounding ? ", within rounding." : ".");
  return f;
}

Finding make_figure_finding(const char* rule, Outcome outcome, int line, const char* unit, const Decimal& actual,
                            const Decimal& expected) {
  Finding f;
  f.rule = rule;
  const bool rounding = outcome == Outcome::Rounding;
  f.severity = rounding ? "info" : "error";
  f.materiality = rounding ? "rounding" : "material";
  f.first_line = f.last_line = line;
  f.unit = unit;
  f.actual = actual.to_string();
  f.expected = expected.to_string();
  auto d = subtract(actual, expected);
  f.difference = d ? d->to_string() : "";
  return f;
}

namespace {
// A sentence added to a finding's message. The narrative rules' messages end
// without a full stop: one is put before the new sentence.
void append_sentence(Finding& f, const std::string& zh, const std::string& en) {
  if (!ends_with(f.message_zh, "。")) f.message_zh += "。";
  if (!ends_with(f.message_en, ".")) f.message_en += ".";
  f.message_zh += zh;
  f.message_en += " " + en;
}

// One printed figure contradicted by several relations is one finding: the
// first (in registry order) keeps the others' lines and explanation.
void merge_same_figure(std::vector<Finding>& findings) {
  std::vector<Finding> kept;
  // Kept finding by (line, figure, unit, materiality): a map, not a scan of
  // `kept`, so thousands of findings stay linear-logarithmic.
  std::map<std::tuple<int, std::string, std::string, std::string>, std::size_t> by_figure;
  for (Finding& f : findings) {
    Finding* same = nullptr;
    auto key = std::make_tuple(f.first_line, f.actual, f.unit, f.materiality);
    auto it = f.actual.empty() ? by_figure.end() : by_figure.find(key);
    if (it != by_figure.end()) same = &kept[it->second];
    if (!same) {
      if (!f.actual.empty()) by_figure.emplace(key, kept.size());
      kept.push_back(std::move(f));
      continue;
    }
    same->related_lines.insert(same->related_lines.end(), f.related_lines.begin(), f.related_lines.end());
    std::sort(same->related_lines.begin(), same->related_lines.end());
    same->related_lines.erase(std::unique(same->related_lines.begin(), same->related_lines.end()),
                              same->related_lines.end());
    append_sentence(*same, "另：" + f.message_zh, "Also: " + f.message_en);
  }
  findings.swap(kept);
}

// One blank column, one finding. A relation that reads a blank cell as zero
// and breaks by exactly the amount that column prints elsewhere in the table
// (its 合计 row, the detail row the amount comes from) points at the blank
// cell. When several findings point at blank cells of the same column, they
// are one cause — the column was left out on those rows — and become one
// finding naming the column and listing the rows. Each relation stays
// `failed` in the ledger. A gap that matches no printed figure of the column
// is not blamed on it: a legitimately blank column next to a wrong figure
// must not absorb that figure's finding.
void group_blank_columns(std::vector<Finding>& findings, const std::vector<FindingOrigin>& origins) {
  if (origins.size() != findings.size()) return;
  // The figures printed in a column, sorted, built once per column asked.
  std::map<std::pair<const Table*, int>, std::vector<std::pair<Decimal, int>>> printed;
  auto column_values = [&](const Table* t, int column) -> const std::vector<std::pair<Decimal, int>>& {
    auto key = std::make_pair(t, column);
    auto it = printed.find(key);
    if (it != printed.end()) return it->second;
    std::vector<std::pair<Decimal, int>> values;
    for (const TableRow& r : t->rows)
      for (const Cell& c : r.cells)
        if (c.column == column && c.kind == CellKind::Amount && c.value && !c.value->is_zero())
          values.push_back({*c.value, r.line});
    std::sort(values.begin(), values.end(), [](const auto& a, const auto& b) {
      int k = compare(a.first, b.first);
      return k != 0 ? k < 0 : a.second < b.second;
    });
    return printed.emplace(key, std::move(values)).first->second;
  };
  // The line where the column prints the needed amount (within the
  // relation's rounding), or 0.
  auto printed_at = [&](const FindingOrigin& o, const BlankCell& b) {
    const auto& values = column_values(o.table, b.column);
    auto lo = subtract(b.needed, o.tolerance), hi = add(b.needed, o.tolerance);
    if (!lo || !hi) return 0;
    auto it = std::lower_bound(values.begin(), values.end(), *lo,
                               [](const auto& v, const Decimal& d) { return compare(v.first, d) < 0; });
    return it != values.end() && compare(it->first, *hi) <= 0 ? it->second : 0;
  };
  struct Member {
    std::size_t finding;
    BlankCell blank;
    int evidence_line;
  };
  std::map<std::pair<const Table*, int>, std::vector<Member>> by_column;
  std::vector<std::pair<const Table*, int>> order;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const FindingOrigin& o = origins[i];
    if (!o.table || o.blanks.empty() || findings[i].materiality != "material"sv) continue;
    for (const BlankCell& b : o.blanks) {
      int at = printed_at(o, b);
      if (!at) continue;
      auto key = std::make_pair(o.table, b.column);
      if (!by_column.count(key)) order.push_back(key);
      by_column[key].push_back({i, b, at});
    }
  }
  // Largest groups first; a finding joins one group only.
  std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    return by_column[a].size() > by_column[b].size();
  });
  std::vector<bool> grouped(findings.size(), false);
  std::vector<Finding> merged;
  for (const auto& key : order) {
    std::vector<Member> members;
    for (const Member& m : by_column[key])
      if (!grouped[m.finding]) members.push_back(m);
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(), [&](const Member& a, const Member& b) {
      if (a.blank.row->line != b.blank.row->line) return a.blank.row->line < b.blank.row->line;
      return a.finding < b.finding;
    });
    const Table& t = *key.first;
    const Finding& lead = findings[members.front().finding];
    Finding f;
    f.rule = lead.rule;
    f.severity = "error";
    f.materiality = "material";
    f.unit = lead.unit;
    f.first_line = members.front().blank.row->line;
    f.last_line = f.first_line;
    std::vector<int> rows;
    bool same_amount = true;
    for (const Member& m : members) {
      if (std::find(rows.begin(), rows.end(), m.blank.row->line) == rows.end()) rows.push_back(m.blank.row->line);
      f.last_line = std::max(f.last_line, m.blank.row->line);
      same_amount = same_amount && compare(m.blank.needed, members.front().blank.needed) == 0;
      const Finding& g = findings[m.finding];
      f.related_lines.push_back(g.first_line);
      f.related_lines.insert(f.related_lines.end(), g.related_lines.begin(), g.related_lines.end());
      f.related_lines.push_back(m.evidence_line);
    }
    for (int r : rows) f.related_lines.push_back(r);
    f.related_lines.erase(std::remove(f.related_lines.begin(), f.related_lines.end(), f.first_line),
                          f.related_lines.end());
    std::sort(f.related_lines.begin(), f.related_lines.end());
    f.related_lines.erase(std::unique(f.related_lines.begin(), f.related_lines.end()), f.related_lines.end());
    const Decimal& need = members.front().blank.needed;
    f.actual = "0";
    f.expected = need.to_string();
    Decimal diff = need;
    diff.units = -diff.units;
    f.difference = diff.to_string();
    std::string u = f.unit.empty() ? "" : " " + f.unit;
    std::string col = column_name(t, key.second);
    std::string rows_zh, rows_en;
    for (std::size_t k = 0; k < rows.size(); ++k) {
      rows_zh += (k ? "、" : "") + std::to_string(rows[k]);
      rows_en += (k ? ", " : "") + std::to_string(rows[k]);
    }
    f.message_zh = table_name_zh(t) + "「" + col + "」栏在第" + rows_zh + "行为空（0），" +
                   (same_amount ? "各行的关系都恰好相差该栏应有的 " + need.to_string() + u +
                                      "（同表第" + std::to_string(members.front().evidence_line) + "行该栏即为此数）"
                                : "各行的关系都恰好相差该栏在同表其他行印出的金额") +
                   "，应是该栏漏填：";
    f.message_en = table_name_en(t) + ": the column \"" + col + "\" is blank (0) on lines " + rows_en + ", and " +
                   (same_amount ? "each row's relation is off by exactly the " + need.to_string() + u +
                                      " that column should hold (line " +
                                      std::to_string(members.front().evidence_line) + " of the table prints it)"
                                : "each row's relation is off by exactly an amount the column prints elsewhere") +
                   "; the column was most likely left out:";
    for (std::size_t k = 0; k < members.size(); ++k) {
      const Member& m = members[k];
      const Finding& g = findings[m.finding];
      const FindingOrigin& o = origins[m.finding];
      f.message_zh += (k ? "；" : "") + std::string("第") + std::to_string(g.first_line) + "行与" + o.what_zh +
                      "相差 " + g.difference + u + "（" + g.rule + "）";
      f.message_en += (k ? ";" : "") + std::string(" line ") + std::to_string(g.first_line) + " against " +
                      o.what_en + ", off by " + g.difference + u + " (" + g.rule + ")";
    }
    f.message_zh += "。";
    f.message_en += ".";
    for (const Member& m : members) grouped[m.finding] = true;
    merged.push_back(std::move(f));
  }
  if (merged.empty()) return;
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (!grouped[i]) kept.push_back(std::move(findings[i]));
  for (auto& f : merged) kept.push_back(std::move(f));
  findings.swap(kept);
}

std::optional<Decimal> magnitude(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return Decimal::parse(text[0] == '-' ? text.substr(1) : text);
}

// One root cause, one finding: a wrong figure breaks the sums it takes part
// in by (nearly) the same amount. A finding B whose related lines include the
// line of finding A, with a difference within 1% of A's, is a consequence of
// A: it is folded into A. Only one way round (A must not list B's line).
void fold_consequences(std::vector<Finding>& findings) {
  std::vector<bool> folded(findings.size(), false), absorbed(findings.size(), false);
  // Decide on the relations as found, not as grown by earlier folds.
  std::vector<std::vector<int>> inputs;
  for (const auto& f : findings) inputs.push_back(f.related_lines);
  // Only findings that list the cause's line can be its consequences: index
  // them by line once (in order), instead of trying every pair.
  std::map<int, std::vector<std::size_t>> listing;
  for (std::size_t b = 0; b < findings.size(); ++b) {
    std::vector<int> lines = inputs[b];
    std::sort(lines.begin(), lines.end());
    lines.erase(std::unique(lines.begin(), lines.end()), lines.end());
    for (int line : lines) listing[line].push_back(b);
  }
  std::vector<std::optional<Decimal>> magnitudes;
  for (const auto& f : findings) magnitudes.push_back(magnitude(f.difference));
  static const std::vector<std::size_t> kNoFindings;
  for (std::size_t a = 0; a < findings.size(); ++a) {
    Finding& cause = findings[a];
    const auto& da = magnitudes[a];
    if (folded[a] || cause.materiality != "material"sv || !da || da->is_zero()) continue;
    auto candidates = listing.find(cause.first_line);
    for (std::size_t b : candidates == listing.end() ? kNoFindings : candidates->second) {
      Finding& effect = findings[b];
      if (a == b || folded[b] || absorbed[b] || effect.materiality != "material"sv || effect.unit != cause.unit)
        continue;
      const auto& db = magnitudes[b];
      if (!db) continue;
      // b lists the cause's line (the index); the cause must not list b's.
      bool mutual = std::find(inputs[a].begin(), inputs[a].end(), effect.first_line) != inputs[a].end();
      if (mutual) continue;
      // | |da| - |db| | * 100 <= |da|
      auto gap = subtract(*da, *db);
      if (!gap) continue;
      Decimal g = *gap;
      if (g.units < 0) g.units = -g.units;
      auto scaled = g.shifted(2);
      if (!scaled || compare(*scaled, *da) > 0) continue;
      folded[b] = true;
      absorbed[a] = true;
      cause.related_lines.push_back(effect.first_line);
      append_sentence(cause, "由此第" + std::to_string(effect.first_line) + "行的关系也不成立（" + effect.rule + "）。",
                      "This also breaks line " + std::to_string(effect.first_line) + " (" + effect.rule + ").");
    }
  }
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (!folded[i]) kept.push_back(std::move(findings[i]));
  for (auto& f : kept) {
    std::sort(f.related_lines.begin(), f.related_lines.end());
    f.related_lines.erase(std::unique(f.related_lines.begin(), f.related_lines.end()), f.related_lines.end());
  }
  findings.swap(kept);
}

}  // namespace

void run_rules(Report& report) {
  // Room for the checks at once: reports make fewer than one per table row
  // and claim (a check moved at each regrowth had been 0.4% of an analysis).
  // At most 4 096 (half a MB): a huge input grows the vector as before.
  std::size_t rows = 0;
  for (const Table& t : report.tables) rows += t.rows.size();
  report.checks.reserve(report.checks.size() + std::min<std::size_t>(rows + report.claims.size() + 64, 4096));
  RuleContext ctx(report);
  for (const RuleFamily& family : rule_families()) family.run(ctx);
  group_blank_columns(report.findings, ctx.origins());
  merge_same_figure(report.findings);
  fold_consequences(report.findings);
  // Deterministic order: by line, then rule, then message.
  std::stable_sort(report.findings.begin(), report.findings.end(),
                   [](const Finding& a, const Finding& b) {
                     if (a.first_line != b.first_line) return a.first_line < b.first_line;
                     if (a.rule != b.rule) return a.rule < b.rule;
                     return a.message_zh < b.message_zh;
                   });
}

}  // namespace hezhang
