// narrative.table: an amount the explanations state for a subject the tables
// hold (linked by link_claims) must equal the table's figure, after 元/万元
// conversion, within rounding. Two figures of one sentence that each carry
// the other's table value are reported once, as swapped.
#include <set>

#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.table";

struct Linked {
  const Claim* claim;
  const Table* table;
  Span stated, table_value;
  Outcome outcome;
};

const Table* table_by_id(const Report& r, const std::string& id) {
  for (const Table& t : r.tables)
    if (t.id == id) return &t;
  return nullptr;
}

}  // namespace

void run_narrative_table(RuleContext& ctx) {
  const Report& r = ctx.report();
  std::vector<Linked> linked;
  for (const Claim& c : r.claims) {
    if (c.link == "ambiguous"sv) {
      ctx.check(claim_check_id(kRule, c), kRule, "ambiguous", {c.line});
      continue;
    }
    if (!c.cell) continue;
    const Table* t = table_by_id(r, c.cell->table_id);
    auto v = Decimal::parse(c.cell->value);
    auto stated = money_span(c);
    if (!t || !v || !stated) continue;
    auto tv = figure_span(*t, *v);
    if (!tv) continue;
    Outcome o = judge_same(*stated, *tv);
    ctx.check(claim_check_id(kRule, c), kRule, status_of(o), {c.line, c.cell->row_line});
    linked.push_back({&c, t, *stated, *tv, o});
  }
  std::set<const Claim*> done;
  for (std::size_t i = 0; i < linked.size(); ++i) {
    const Linked& a = linked[i];
    if (a.outcome == Outcome::Passed || done.count(a.claim)) continue;
    // Swapped with another figure of the same sentence?
    if (a.outcome == Outcome::Failed) {
      for (std::size_t k = i + 1; k < linked.size(); ++k) {
        const Linked& b = linked[k];
        if (b.claim->section != a.claim->section || b.claim->sentence_line != a.claim->sentence_line) break;
        if (b.outcome != Outcome::Failed || done.count(b.claim)) continue;
        if (judge_same(a.stated, b.table_value) == Outcome::Failed ||
            judge_same(b.stated, a.table_value) == Outcome::Failed)
          continue;
        done.insert(a.claim);
        done.insert(b.claim);
        const Claim& x = *a.claim;
        const Claim& y = *b.claim;
        ctx.add_finding(claim_finding(
            kRule, x, Outcome::Failed, money_text(a.table_value.mid, x.unit, shown_decimals(x)), x.value.to_string(), x.unit,
            subject_name_zh(x) + "与" + subject_name_zh(y) + "的金额写反了：文中分别为 " + x.text + "、" + y.text +
                "，表格（第 " + std::to_string(x.cell->row_line) + "、" + std::to_string(y.cell->row_line) +
                " 行）分别为 " + money_text(a.table_value.mid, x.unit, shown_decimals(x)) + x.unit + "、" +
                money_text(b.table_value.mid, y.unit, shown_decimals(y)) + y.unit,
            "the amounts of " + subject_name_en(x) + " and " + subject_name_en(y) + " are swapped: the text says " +
                x.text + " and " + y.text + ", the tables (lines " + std::to_string(x.cell->row_line) + ", " +
                std::to_string(y.cell->row_line) + ") " + money_text(a.table_value.mid, x.unit, shown_decimals(x)) +
                " " + x.unit + " and " + money_text(b.table_value.mid, y.unit, shown_decimals(y)) + " " + y.unit,
            {y.line, x.cell->row_line, y.cell->row_line}));
        break;
      }
      if (done.count(a.claim)) continue;
    }
    const Claim& c = *a.claim;
    std::string table_text = money_text(a.table_value.mid, c.unit, shown_decimals(c));
    std::string printed = c.cell->value + (c.cell->unit.empty() ? "" : c.cell->unit);
    ctx.add_finding(claim_finding(
        kRule, c, a.outcome, table_text, c.value.to_string(), c.unit,
        subject_name_zh(c) + "文中写作 " + c.text + "，" + table_name_zh(*a.table) + "第 " +
            std::to_string(c.cell->row_line) + " 行为 " + printed +
            (c.cell->unit == c.unit ? "" : "（合 " + table_text + c.unit + "）"),
        subject_name_en(c) + " is " + c.text + " in the text but " + printed + " in " + table_name_en(*a.table) +
            " (line " + std::to_string(c.cell->row_line) + ")" +
            (c.cell->unit == c.unit ? "" : " = " + table_text + " " + c.unit),
        {c.cell->row_line}));
  }
}

}  // namespace hezhang
