// performance.scores: in a performance self-evaluation table the 总分 row
// equals the scores above it: the 预算执行 block's 得分 plus each indicator's
// 得分; where the table prints 分值 too, the 总分 row's 分值 equals theirs.
//
// Converted tables shift cells: a row that lost a merged cell on its left
// has its score one column left of the 得分 label (it then fills a column
// the label row leaves blank), and a row under a merged label on its left
// has it one column right, past the last label. Only the row's last cell is
// taken at a shifted place. A score printed in words ("预算执行率100%，自评得分
// 10分") counts for the execution block, above the indicators' labels.
//
// A part or total above 100 is not a score (an amount read where the
// labels were misplaced): the table is then left unchecked.
#include <algorithm>

#include "../src/internal.h"
#include "rules.h"

namespace hezhang {

namespace {

const char* kRule = "performance.scores";

enum class Measure { Score, Points };  // 得分, 分值

// A short label naming the measure: "得分", "自评得分", "得分（20分*执行率）",
// "分值". Not a sentence or a formula ("得分=实际完成值/年初目标值*该指标分值")
// and not a value ("自评得分：95").
constexpr std::size_t kMaxLabelBytes = 48;
bool is_label(std::string_view text, Measure m) {
  if (text.size() > kMaxLabelBytes) return false;
  if (!(m == Measure::Score ? contains(text, "得分") : starts_with(text, "分值") || starts_with(text, "指标分值")))
    return false;
  for (std::string_view stop : {"=", "＝", ":", "：", "，", "。", "；"})
    if (contains(text, stop)) return false;
  return true;
}

// The columns of a label row, and the one labelled with the measure.
struct Labels {
  int column = -1;          // the measure's label
  std::vector<int> filled;  // columns the label row fills (empty: the table's header)
  bool fills(int c) const { return std::binary_search(filled.begin(), filled.end(), c); }
};

std::optional<Labels> labels_of_header(const Table& t, Measure m) {
  std::string buffer;
  for (const Column& c : t.columns) {
    if (is_label(last_level(without_spaces(c.header, buffer)), m)) return Labels{c.index, {}};
  }
  return std::nullopt;
}

std::optional<Labels> labels_of_row(const TableRow& r, Measure m) {
  std::optional<Labels> labels;
  std::string buffer;
  for (const Cell& c : r.cells) {
    // Every label holds 分 (most cells do not: one search first).
    if (c.kind != CellKind::Text || c.text.size() > 2 * kMaxLabelBytes || !contains(c.text, "分")) continue;
    if (!labels && is_label(without_spaces(c.text, buffer), m)) labels = Labels{c.column, {}};
  }
  if (labels)
    for (const Cell& c : r.cells) labels->filled.push_back(c.column);
  return labels;
}

bool is_score_figure(const Cell& c) { return c.kind == CellKind::Amount && c.value && c.value->units >= 0; }

// The row's figure for the measure under `labels`, at the label's column or
// shifted by one (see the file comment).
const Cell* score_cell(const TableRow& r, const Labels& labels) {
  if (r.cells.empty()) return nullptr;
  const Cell& last = r.cells.back();
  for (const Cell& c : r.cells) {
    if (c.column != labels.column) continue;
    if (is_score_figure(c)) return &c;
    // A row shifted right under the execution block's labels has its
    // 执行率 under 得分, and its score after it.
    const bool rate_then_score = c.kind == CellKind::Percent && &c + 1 == &last && last.column == c.column + 1;
    return rate_then_score && is_score_figure(last) ? &last : nullptr;
  }
  if (!is_score_figure(last)) return nullptr;
  if (last.column == labels.column + 1 && !labels.fills(last.column) &&
      (labels.filled.empty() || labels.filled.back() == labels.column))
    return &last;
  if (last.column == labels.column - 1 && !labels.filled.empty() && last.column > labels.filled.front()) {
    // Shifted left: the row fills a column its label row leaves blank.
    for (const Cell& c : r.cells)
      if (c.column > labels.filled.front() && c.column < last.column && !labels.fills(c.column)) return &last;
  }
  return nullptr;
}

// "总分", "总得分", "自评总分" and what follows them in the row's name:
// nothing, or the total itself when the converter put it in a name column.
std::optional<std::string_view> total_row_rest(std::string_view name) {
  for (std::string_view word : {"总分", "总得分", "自评总分", "综合得分"})
    if (starts_with(name, word)) return name.substr(word.size());
  return std::nullopt;
}
// Whether a name (with its spaces) may be a total's: how those words start.
bool starts_with_total_word(std::string_view name) {
  return starts_with(name, "总") || starts_with(name, "自评") || starts_with(name, "综合");
}

// "自评得分10分", "得分为 9.5 分": a score stated in words.
std::optional<Decimal> stated_score(std::string_view text) {
  const std::size_t at = text.find("得分");
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + std::string_view("得分").size();
  if (starts_with(text.substr(i), "为")) i += std::string_view("为").size();
  std::size_t begin = i;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) ++i;
  if (i == begin || !starts_with(text.substr(i), "分")) return std::nullopt;
  return Decimal::parse(text.substr(begin, i - begin));
}

// Where the points a row states end: "产出指标(50分)" -> just after ")".
// npos when the text states none.
std::size_t stated_points_end(std::string_view text) {
  for (std::string_view close : {"分)", "分）"}) {
    const std::size_t at = text.find(close);
    if (at != std::string_view::npos && at > 0 && text[at - 1] >= '0' && text[at - 1] <= '9')
      return at + close.size();
  }
  return std::string_view::npos;
}

// The execution block's score on a row above the indicators' labels: in
// words, or the one figure after the points the row states ("项目执行情况
// （10分） | 9", or "项目执行情况（10分） 10" read into the row's name).
std::optional<Decimal> execution_score(const TableRow& r, std::string_view name) {
  if (auto s = stated_score(name)) return s;
  std::string buffer;
  for (const Cell& c : r.cells)
    if (c.kind == CellKind::Text)
      if (auto s = stated_score(without_spaces(c.text, buffer))) return s;
  const std::size_t end = stated_points_end(name);
  if (end == std::string_view::npos) return std::nullopt;
  const Cell* figure = nullptr;
  for (const Cell& c : r.cells) {
    if (c.kind == CellKind::Text) continue;
    if (figure || !is_score_figure(c)) return std::nullopt;
    figure = &c;
  }
  if (figure && end == name.size()) return figure->value;
  if (!figure) return Decimal::parse(name.substr(end));
  return std::nullopt;
}

struct Part {
  const TableRow* row;
  Decimal value;
};

void check_total(RuleContext& ctx, const Table& t, Measure m, const TableRow& total_row, const Decimal& total,
                 const std::vector<Part>& parts) {
  const char* what = m == Measure::Score ? ":score:" : ":points:";
  const std::string id = concat({kRule, ":", t.id, what, std::to_string(total_row.line)});
  std::vector<int> lines;
  for (const Part& p : parts) lines.push_back(p.row->line);
  lines.push_back(total_row.line);
  const Decimal hundred{100, 0};
  bool plausible = !parts.empty() && compare(total, hundred) <= 0;
  for (const Part& p : parts) plausible = plausible && compare(p.value, hundred) <= 0;
  if (!plausible) { ctx.check(id, kRule, "insufficient_data", {total_row.line}); return; }
  // The printed scores are exact; a total printed with fewer decimals than
  // its parts may round their sum.
  Figure sum_of;
  sum_of.table = &t;
  sum_of.row = &total_row;
  sum_of.value = total;
  sum_of.scale = Decimal::kMaxScale;
  std::vector<Term> terms;
  for (const Part& p : parts) {
    Figure f;
    f.table = &t;
    f.row = p.row;
    f.value = p.value;
    f.scale = Decimal::kMaxScale;
    if (p.value.scale > total.scale) sum_of.scale = total.scale;
    terms.push_back({f, 1});
  }
  const Comparison c = RuleContext::compare_sum(sum_of, terms);
  if (c.overflow) { ctx.check(id, kRule, "insufficient_data", {total_row.line}); return; }
  ctx.check(id, kRule, status_of(c.outcome), lines);
  if (c.outcome == Outcome::Passed) return;
  const bool rounding = c.outcome == Outcome::Rounding;
  std::string sum_text;
  for (const Part& p : parts) sum_text += (sum_text.empty() ? "" : " + ") + p.value.to_string();
  Finding f = make_figure_finding(kRule, c.outcome, total_row.line, "分", total, c.expected);
  lines.pop_back();  // the total's own
  f.related_lines = lines;
  const bool score = m == Measure::Score;
  std::string lines_zh, lines_en;
  for (int l : f.related_lines) {
    lines_zh += (lines_zh.empty() ? "" : "、") + std::to_string(l);
    lines_en += (lines_en.empty() ? "" : ", ") + std::to_string(l);
  }
  f.message_zh = row_place_zh(t, total_row) + (score ? "总分为 " : "分值合计为 ") + f.actual + " 分，但其上" +
                 (score ? "各项得分" : "各项分值") + "（第 " + lines_zh + " 行）之和为 " + sum_text + " = " +
                 f.expected + " 分" + (rounding ? "，在四舍五入尾差范围内。" : "（相差 " + f.difference + " 分）。");
  f.message_en = row_place_en(t, total_row) + ": the total " + (score ? "score" : "of points") + " is " + f.actual +
                 ", but the " + (score ? "scores" : "points") + " above it (lines " + lines_en + ") add up to " +
                 sum_text + " = " + f.expected + (rounding ? ", within rounding." : " (difference " + f.difference + ").");
  ctx.add_finding(std::move(f));
}

// The total of the measure in a 总分 row: the figure under the measure's
// label (or shifted as a score is), else the number the name ends with when
// the row has no figure and the measure is the score.
std::optional<Decimal> total_of(const TableRow& r, std::string_view rest, const std::optional<Labels>& labels,
                                Measure m) {
  if (labels)
    if (const Cell* c = score_cell(r, *labels)) return c->value;
  bool any_figure = false;
  for (const Cell& c : r.cells) any_figure = any_figure || is_score_figure(c);
  if (ends_with(rest, "分")) rest.remove_suffix(std::string_view("分").size());
  if (m == Measure::Score && !any_figure && !rest.empty()) return Decimal::parse(rest);
  return std::nullopt;
}

void check_measure(RuleContext& ctx, const Table& t, Measure m) {
  std::optional<Labels> labels = labels_of_header(t, m);
  bool row_labels_seen = false, execution_seen = false;
  // A row stating points ("效益指标(30分)") whose group no score follows
  // leaves the total unknown: the blank score is not a zero.
  bool pending_group = false, unscored_group = false;
  std::vector<Part> parts;
  std::string buffer;
  for (const TableRow& r : t.rows) {
    if (!contains(r.name, "分") && r.cells.empty()) continue;  // no total, label, score or points
    const std::string_view name = without_spaces(r.name, buffer);
    if (auto rest = starts_with_total_word(r.name) ? total_row_rest(name) : std::nullopt) {
      if (auto total = total_of(r, *rest, labels, m)) {
        if (unscored_group || pending_group) parts.clear();  // insufficient_data
        check_total(ctx, t, m, r, *total, parts);
        parts.clear();
        row_labels_seen = execution_seen = pending_group = unscored_group = false;
      }
      continue;
    }
    if (auto row = labels_of_row(r, m)) {
      labels = std::move(row);
      row_labels_seen = true;
      continue;
    }
    const bool states_points = row_labels_seen && stated_points_end(name) != std::string_view::npos;
    if (states_points) {
      unscored_group = unscored_group || pending_group;
      pending_group = true;
    }
    if (const Cell* c = labels ? score_cell(r, *labels) : nullptr) {
      parts.push_back({&r, *c->value});
      pending_group = false;
      execution_seen = execution_seen || !row_labels_seen;
      continue;
    }
    if (m == Measure::Score && !row_labels_seen && !execution_seen) {
      if (auto s = execution_score(r, name)) {
        parts.push_back({&r, *s});
        execution_seen = true;
      }
    }
  }
}

}  // namespace

void run_performance_scores(RuleContext& ctx) {
  for (const Table& t : ctx.report().tables) {
    // Most tables have no 总分 row: one look at how the names start first.
    bool total = false;
    std::string buffer;
    for (const TableRow& r : t.rows)
      total = total || (starts_with_total_word(r.name) && total_row_rest(without_spaces(r.name, buffer)).has_value());
    if (!total) continue;
    check_measure(ctx, t, Measure::Score);
    check_measure(ctx, t, Measure::Points);
  }
}

}  // namespace hezhang
