// The reconciliation engine: rule families, their registry, and what they
// share (reading figures off tables, the rounding model, findings).
//
// Rounding model (docs/rounding.md): a figure printed with d decimals stands
// for [v - ½·10^-d, v + ½·10^-d]. A relation total = Σ parts holds when the
// total's interval meets the sum of the parts' intervals: an exact break
// within that is "rounding" (info), beyond it "material" (error).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hezhang/model.h"

namespace hezhang {

using namespace std::string_view_literals;  // x == "…"sv (why: src/internal.h)

// A figure read off a table, with where it came from.
struct Figure {
  const Table* table = nullptr;
  const TableRow* row = nullptr;
  int column = -1;
  Decimal value;
  int scale = 0;  // effective decimals (see effective_scale)
};

// One term of a relation: +figure or -figure.
struct Term {
  Figure figure;
  int sign = 1;
};

enum class Outcome { Passed, Rounding, Failed };

struct Comparison {
  Outcome outcome = Outcome::Passed;
  Decimal expected;    // what the other figures imply for the checked figure
  Decimal difference;  // actual - expected
  Decimal tolerance;   // half-units of the intervals involved
  bool overflow = false;
};

// Ledger status of a comparison: "passed", "rounding" or "failed".
const char* status_of(Outcome outcome);

// Where a value finding came from, for root-cause grouping in the engine
// (never serialized): the blank cells its relation read as zero, each with
// the amount it would need for the relation to hold. One blank column that
// breaks several rows is then reported once (engine.cpp).
struct BlankCell {
  const TableRow* row = nullptr;
  int column = -1;
  Decimal needed;
};
struct FindingOrigin {
  const Table* table = nullptr;
  std::vector<BlankCell> blanks;
  Decimal tolerance;
  std::string what_zh, what_en;  // the relation, as the finding words it
};

class ClaimIndex;  // narrative.h

class RuleContext {
 public:
  explicit RuleContext(Report& report);

  const Report& report() const { return report_; }

  // Records a check in the ledger.
  void check(std::string id, std::string rule, std::string status, std::vector<int> lines);
  void add_finding(Finding f, FindingOrigin origin = {});
  // Parallel to report().findings, in the order they were added.
  const std::vector<FindingOrigin>& origins() const { return origins_; }

  // Figures in one table (same unit): total vs Σ sign·parts.
  static Comparison compare_sum(const Figure& total, const std::vector<Term>& parts);
  // Two figures that must be equal, possibly in different units.
  static Comparison compare_equal(const Figure& actual, const Figure& expected);

  // The report's claims by group, built when first asked and shared by the
  // narrative rules (claims do not change while rules run; each had built
  // its own). Defined in narrative_common.cpp, beside ClaimIndex.
  const ClaimIndex& claim_index();

 private:
  Report& report_;
  std::vector<FindingOrigin> origins_;
  std::shared_ptr<const ClaimIndex> claim_index_;  // shared_ptr: ClaimIndex is incomplete here
};

// ---- reading figures -------------------------------------------------------

// Decimals a figure effectively carries: the printed scale, or the table's
// usual scale when larger ("4000" in a table printed with two decimals is
// 4000.00 with its zeros dropped).
int effective_scale(const Table& t, const Decimal& v);

// The figure of `row` in the column with meaning `key` (same group), if any.
std::optional<Figure> figure_at(const Table& t, const TableRow& row, const std::string& key);
// The figure in column index `column`.
std::optional<Figure> figure_in_column(const Table& t, const TableRow& row, int column);
// The figure columns of a column group, left to right: not labels (code,
// name, 行次), not columns whose meaning is unknown (备注) or textual.
std::vector<int> value_columns(const Table& t, int group);
// The first column (of `group`, or any when group < 0) whose meaning is one of
// `keys`, tried in order; -1 when none.
template <class Keys>
int column_with_key(const Table& t, int group, const Keys& keys) {
  for (const auto& k : keys)
    for (const auto& c : t.columns)
      if ((group < 0 || c.group == group) && c.key == k) return c.index;
  return -1;
}
// Empty or placeholder in that column counts as zero for sums ("" = 0).
Figure zero_figure(const Table& t, const TableRow& row, int column);

// "公开05表" / "表5" / the template's name, for messages.
std::string table_name_zh(const Table& t);
std::string table_name_en(const Table& t);
std::string column_name(const Table& t, int column);
std::string row_name(const TableRow& r);
// The lowest level of a column header "上级/下级" ("预算执行情况/执行率(B/A)" ->
// "执行率(B/A)"): after the last '/' outside brackets, full-width ones too.
std::string_view last_level(std::string_view header);
// "公开05表 第12行「总分」" / "… line 12 (总分)": where a row is, for messages.
std::string row_place_zh(const Table& t, const TableRow& r);
std::string row_place_en(const Table& t, const TableRow& r);

// Builds a finding for a figure whose printed value differs from what other
// figures imply. `what_zh/what_en` say what the other figures are.
Finding make_value_finding(const std::string& rule, const Figure& actual, const Comparison& c,
                           const std::string& what_zh, const std::string& what_en,
                           std::vector<int> related_lines);

// A finding on a figure printed `actual` where the others imply `expected`,
// in `unit` ("%", "分"): severity and materiality from the outcome, the
// difference actual − expected. The caller words the messages.
Finding make_figure_finding(const char* rule, Outcome outcome, int line, const char* unit, const Decimal& actual,
                            const Decimal& expected);

// The origin of a finding on total = Σ sign·parts: which of its figures were
// blank, and what each would need to be for the relation to hold.
FindingOrigin blank_origin(const Figure& total, const std::vector<Term>& parts, const Comparison& c,
                           const std::string& what_zh, const std::string& what_en);

// ---- the families (one file each under core/rules/) ------------------------

struct RuleFamily {
  const char* id;
  const char* description_zh;
  const char* description_en;
  void (*run)(RuleContext&);
};

void run_printed_formulas(RuleContext&);
void run_hierarchy_sum(RuleContext&);
void run_template_columns(RuleContext&);
void run_template_rows(RuleContext&);
void run_cross_tables(RuleContext&);
void run_declared_empty(RuleContext&);
void run_names(RuleContext&);
void run_income_columns(RuleContext&);
void run_performance_targets(RuleContext&);
void run_performance_execution(RuleContext&);
void run_performance_scores(RuleContext&);
void run_three_public_items(RuleContext&);
void run_narrative_table(RuleContext&);
void run_narrative_percent(RuleContext&);
void run_narrative_growth(RuleContext&);
void run_narrative_completion(RuleContext&);
void run_narrative_parts(RuleContext&);
void run_narrative_repeated(RuleContext&);
void run_narrative_sections(RuleContext&);

// The registry: every family, in the order it runs.
const std::vector<RuleFamily>& rule_families();

// Runs every family, then links findings that share one root cause and
// sorts them deterministically.
void run_rules(Report& report);

}  // namespace hezhang
