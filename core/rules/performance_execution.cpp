// performance.execution: the 预算执行情况 block of a performance
// self-evaluation table (项目支出绩效自评表, 部门整体支出绩效自评表), whatever
// template the table was read as:
//   执行率 = 执行数 ÷ 预算数 (全年预算数 where 年初 and 全年 are both printed);
//   no 得分 above its 分值 (a 分值 column, or the "(20分)" its 得分 header states).
// The block's header is either the table's column header or a row of it; a
// figure row is read by column when its figures sit under the header's
// labels, else in order when it has one figure per label (converted tables
// shift merged cells by a column), else not at all.
#include "../src/internal.h"
#include "narrative.h"
#include "rules.h"

namespace hezhang {

namespace {

const char* kRule = "performance.execution";

enum class Role { None, Initial, Budget, Actual, Rate, Points, Score };

// What a header label (without spaces) names. 得分 first: "得分(20分*执行率)".
Role role_of(std::string_view label) {
  if (contains(label, "得分")) return Role::Score;
  if (contains(label, "执行率")) return Role::Rate;
  if (contains(label, "执行数")) return Role::Actual;
  if (contains(label, "年初预算")) return Role::Initial;
  if (contains(label, "预算数")) return Role::Budget;
  if (contains(label, "分值")) return Role::Points;
  return Role::None;
}

// The points a 得分 header states: "得分(20分*执行率)" -> 20.
std::optional<Decimal> stated_points(std::string_view label) {
  for (std::size_t at = label.find("分"); at != std::string_view::npos; at = label.find("分", at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && label[begin - 1] >= '0' && label[begin - 1] <= '9') --begin;
    if (begin < at) return Decimal::parse(label.substr(begin, at - begin));
  }
  return std::nullopt;
}

struct Header {
  std::vector<std::pair<int, Role>> labels;  // column, role: in column order, each role once
  std::optional<Decimal> points;             // from the 得分 label
  bool usable() const {
    bool budget = false, actual = false, rate = false;
    for (const auto& [column, role] : labels) {
      budget = budget || role == Role::Budget || role == Role::Initial;
      actual = actual || role == Role::Actual;
      rate = rate || role == Role::Rate;
    }
    return budget && actual && rate;
  }
};

void add_label(Header& h, int column, std::string_view label) {
  const Role role = role_of(label);
  if (role == Role::None) return;
  for (const auto& l : h.labels)
    if (l.second == role) return;  // a label over two columns
  h.labels.emplace_back(column, role);
  if (role == Role::Score && !h.points) h.points = stated_points(label);
}

// A label is short ("执行率(B/A)", "得分（20分*执行率）", at most some 30
// characters): longer cells are prose and need not be searched (most text
// cells of a report are).
constexpr std::size_t kMaxLabelBytes = 96;

Header header_of_columns(const Table& t) {
  Header h;
  bool rate = false;  // most tables have none: one search per column first
  for (const Column& c : t.columns) rate = rate || contains(c.header, "执行率");
  if (!rate) return h;
  std::string buffer;
  for (const Column& c : t.columns) {
    add_label(h, c.index, last_level(without_spaces(c.header, buffer)));
  }
  return h;
}

Header header_of_row(const TableRow& r) {
  Header h;
  // Most rows name no rate: one search each, before any label is read.
  bool rate = false;
  for (const Cell& c : r.cells)
    rate = rate || (c.kind == CellKind::Text && c.text.size() <= kMaxLabelBytes && contains(c.text, "执行率"));
  if (!rate) return h;
  std::string buffer;
  for (const Cell& c : r.cells)
    if (c.kind == CellKind::Text) add_label(h, c.column, without_spaces(c.text, buffer));
  return h;
}

bool is_figure(const Cell& c) { return (c.kind == CellKind::Amount || c.kind == CellKind::Percent) && c.value; }

// The row's figures by role, or nothing when they cannot be placed.
std::vector<std::pair<Role, const Cell*>> place(const Header& h, const TableRow& r) {
  std::vector<const Cell*> figures;
  for (const Cell& c : r.cells)
    if (is_figure(c)) figures.push_back(&c);
  std::vector<std::pair<Role, const Cell*>> placed;
  for (const Cell* c : figures)
    for (const auto& [column, role] : h.labels)
      if (column == c->column) placed.emplace_back(role, c);
  if (placed.size() != figures.size()) {
    placed.clear();
    if (figures.size() != h.labels.size()) return placed;
    for (std::size_t k = 0; k < figures.size(); ++k) placed.emplace_back(h.labels[k].second, figures[k]);
  }
  // A rate must be printed as one, and money not.
  for (const auto& [role, cell] : placed)
    if ((role == Role::Rate) != (cell->kind == CellKind::Percent)) return {};
  return placed;
}

const Cell* cell_for(const std::vector<std::pair<Role, const Cell*>>& placed, Role role) {
  for (const auto& [r, c] : placed)
    if (r == role) return c;
  return nullptr;
}


void check_rate(RuleContext& ctx, const Table& t, const TableRow& r, const Cell& budget, const Cell& actual,
                const Cell& rate) {
  const std::string id = concat({kRule, ":", t.id, ":rate:", std::to_string(r.line)});
  auto b = figure_span(t, *budget.value), a = figure_span(t, *actual.value);
  auto p = percent_value_span(*rate.value);
  if (!b || !a || !p || budget.value->is_zero()) {
    ctx.check(id, kRule, "insufficient_data", {r.line});
    return;
  }
  const Outcome outcome = judge_ratio(*p, *a, *b);
  ctx.check(id, kRule, status_of(outcome), {r.line});
  if (outcome == Outcome::Passed) return;
  const std::string expected = ratio_text(*a, *b, rate.value->scale);
  const auto e = Decimal::parse(expected);
  Finding f = make_figure_finding(kRule, outcome, r.line, "%", *rate.value, e.value_or(Decimal{}));
  if (!e) f.expected = expected, f.difference = "";  // beyond 18 digits
  const std::string sums = actual.text + " ÷ " + budget.text + " = " + f.expected + "%";
  f.message_zh = row_place_zh(t, r) + "执行率为 " + rate.text + "，但执行数 ÷ 预算数为 " + sums +
                 (outcome == Outcome::Failed ? "（相差 " + f.difference + " 个百分点）。" : "，在四舍五入尾差范围内。");
  f.message_en = row_place_en(t, r) + ": the execution rate is " + rate.text + ", but spent ÷ budget is " + sums +
                 (outcome == Outcome::Failed ? " (difference " + f.difference + " points)." : ", within rounding.");
  ctx.add_finding(std::move(f));
}

void check_score(RuleContext& ctx, const Table& t, const TableRow& r, const Cell& score, const Decimal& points) {
  const std::string id = concat({kRule, ":", t.id, ":score:", std::to_string(r.line)});
  const bool above = compare(*score.value, points) > 0;
  ctx.check(id, kRule, above ? "failed" : "passed", {r.line});
  if (!above) return;
  Finding f = make_figure_finding(kRule, Outcome::Failed, r.line, "分", *score.value, points);
  f.message_zh = row_place_zh(t, r) + "得分为 " + f.actual + "，超过该项分值 " + f.expected + " 分。";
  f.message_en = row_place_en(t, r) + ": the score " + f.actual + " exceeds the item's " + f.expected + " points.";
  ctx.add_finding(std::move(f));
}

// The figure rows under one header: the next few rows that carry figures
// (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金), up to a row of text.
void check_block(RuleContext& ctx, const Table& t, const Header& h, std::size_t first) {
  constexpr std::size_t kBlockRows = 6;
  for (std::size_t k = first; k < t.rows.size() && k < first + kBlockRows; ++k) {
    const TableRow& r = t.rows[k];
    const auto placed = place(h, r);
    if (placed.empty()) {
      bool any_figure = false;
      for (const Cell& c : r.cells) any_figure = any_figure || is_figure(c);
      if (!any_figure) return;  // the block has ended
      continue;
    }
    const Cell* budget = cell_for(placed, Role::Budget);
    if (!budget) budget = cell_for(placed, Role::Initial);
    const Cell* actual = cell_for(placed, Role::Actual);
    const Cell* rate = cell_for(placed, Role::Rate);
    if (budget && actual && rate) check_rate(ctx, t, r, *budget, *actual, *rate);
    const Cell* score = cell_for(placed, Role::Score);
    const Cell* points_cell = cell_for(placed, Role::Points);
    std::optional<Decimal> points = points_cell ? points_cell->value : h.points;
    if (score && points) check_score(ctx, t, r, *score, *points);
  }
}

}  // namespace

void run_performance_execution(RuleContext& ctx) {
  for (const Table& t : ctx.report().tables) {
    const Header columns = header_of_columns(t);
    if (columns.usable()) check_block(ctx, t, columns, 0);
    for (std::size_t k = 0; k < t.rows.size(); ++k) {
      const Header row = header_of_row(t.rows[k]);
      if (row.usable()) check_block(ctx, t, row, k + 1);
    }
  }
}

}  // namespace hezhang
