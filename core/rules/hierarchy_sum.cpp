// hierarchy.sum: 类 = Σ 款, 款 = Σ 项, 合计 = Σ 类 in every numeric column;
// economic classification 301 = Σ 301xx; 人员经费合计 / 公用经费合计 in
// side-by-side layouts. Rows out of code order work: parents are found by
// code prefix, not by position.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <utility>

#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

bool is_function(const std::string& level) { return level == "类"sv || level == "款"sv || level == "项"sv; }
bool is_economic(const std::string& level) { return level == "econ_class"sv || level == "econ_item"sv; }

// A view of the row's own code.
std::string_view parent_code(const TableRow& r) {
  if (r.level == "款"sv || r.level == "econ_item"sv) return std::string_view(r.code).substr(0, 3);
  if (r.level == "项"sv) return std::string_view(r.code).substr(0, 5);
  return {};
}

struct SumCheck {
  const TableRow* parent;
  std::vector<const TableRow*> children;
  std::string what_zh, what_en;
  const TableRow* grandparent = nullptr;  // for linking a wrong middle row
};

// Two rows print the same figures (a repeated row, not a conflicting one).
bool same_figures(const TableRow& a, const TableRow& b) {
  if (a.cells.size() != b.cells.size()) return false;
  for (std::size_t i = 0; i < a.cells.size(); ++i) {
    const Cell& x = a.cells[i];
    const Cell& y = b.cells[i];
    if (x.column != y.column || x.kind != y.kind || x.value.has_value() != y.value.has_value()) return false;
    if (x.value && compare(*x.value, *y.value) != 0) return false;
  }
  return true;
}

bool any_value(const Table& t, const TableRow& r, int col) {
  return figure_in_column(t, r, col).has_value();
}

}  // namespace

void run_hierarchy_sum(RuleContext& ctx) {
  static const char* kRule = "hierarchy.sum";
  for (const Table& t : ctx.report().tables) {
    if (t.template_id == "unknown"sv || starts_with(t.template_id, "performance.") ||
        t.template_id == "budget.project_performance"sv || t.template_id == "final.table_index"sv)
      continue;
    int groups = 0;
    for (const auto& c : t.columns) groups = std::max(groups, c.group + 1);
    std::vector<SumCheck> sums;
    // Codes printed twice in one group with different figures: which row is
    // the real one is a guess, so their sums are ambiguous.
    std::set<const TableRow*> doubtful;
    for (int g = 0; g < groups; ++g) {
      // The group's coded rows by code, the first row of each code: a
      // sorted vector of views, not a map of strings (a node and a string
      // per row, every table).
      std::vector<std::pair<std::string_view, const TableRow*>> by_code;
      for (const auto& r : t.rows)
        if (r.group == g && !r.code.empty() && (is_function(r.level) || is_economic(r.level)))
          by_code.emplace_back(r.code, &r);
      std::stable_sort(by_code.begin(), by_code.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      std::size_t kept = 0;
      for (std::size_t k = 0; k < by_code.size(); ++k) {
        if (kept > 0 && by_code[kept - 1].first == by_code[k].first) {
          if (!same_figures(*by_code[kept - 1].second, *by_code[k].second)) doubtful.insert(by_code[kept - 1].second);
          continue;
        }
        by_code[kept++] = by_code[k];
      }
      by_code.resize(kept);
      auto row_of = [&by_code](std::string_view code) -> const TableRow* {
        auto it = std::lower_bound(by_code.begin(), by_code.end(), code,
                                   [](const auto& e, std::string_view c) { return e.first < c; });
        return it != by_code.end() && it->first == code ? it->second : nullptr;
      };
      std::map<const TableRow*, std::vector<const TableRow*>> children;
      std::vector<const TableRow*> classes, econ_classes;
      for (const auto& kv : by_code) {
        const TableRow* r = kv.second;
        if (r->level == "类"sv) classes.push_back(r);
        if (r->level == "econ_class"sv) econ_classes.push_back(r);
        const std::string_view p = parent_code(*r);
        if (p.empty()) continue;
        if (const TableRow* parent = row_of(p)) children[parent].push_back(r);
      }
      for (auto& kv : children) {
        const TableRow* p = kv.first;
        std::string sub = p->level == "类"sv ? "款" : p->level == "款"sv ? "项" : "明细科目";
        std::string sub_en = p->level == "类"sv ? "款 (sub-class)" : p->level == "款"sv ? "项 (item)" : "item";
        SumCheck s{p, kv.second, "其下各" + sub + "之和", "the sum of its " + sub_en + " rows"};
        s.grandparent = row_of(parent_code(*p));
        sums.push_back(std::move(s));
      }
      // Totals: 合计 = Σ 类 (or Σ economic classes).
      for (const auto& r : t.rows) {
        if (r.group != g || r.level != "total"sv) continue;
        std::string buffer;
        const std::string_view n = without_spaces(r.name, buffer);
        if (n == "合计"sv || n == "总计"sv) {
          const auto& parts = !classes.empty() ? classes : econ_classes;
          if (!parts.empty())
            sums.push_back({&r, parts, "各类之和", "the sum of its classes"});
        }
      }
    }
    // Side-by-side economic tables: 人员经费合计 is its group's classes;
    // 公用经费合计 the classes of every other group.
    if (groups > 1) {
      for (const auto& r : t.rows) {
        if (r.level != "total"sv) continue;
        std::string buffer;
        const std::string_view n = without_spaces(r.name, buffer);
        bool personnel = contains(n, "人员经费");
        bool public_exp = contains(n, "公用经费");
        if (!personnel && !public_exp) continue;
        std::vector<const TableRow*> parts;
        for (const auto& c : t.rows)
          if (c.level == "econ_class"sv && ((personnel && c.group == r.group) || (public_exp && c.group != 0)))
            parts.push_back(&c);
        if (!parts.empty())
          sums.push_back({&r, parts, personnel ? "人员经费各类之和" : "公用经费各类之和",
                          personnel ? "the sum of personnel classes" : "the sum of public-expense classes"});
      }
    }

    // Evaluate, column by column (by position within the row's group).
    struct Failure {
      std::size_t check;
      int column;
      Comparison c;
      Figure total;
      std::vector<Term> parts;
    };
    std::vector<Failure> failures;
    std::map<std::pair<const TableRow*, int>, Decimal> failed_diff;  // parent row + column position
    // Value columns of each column group, computed once per table (not per
    // parent and child of every sum).
    std::map<int, std::vector<int>> group_columns;
    // The terms of one sum in one column: one vector for all of them (a
    // vector per column had grown by reallocation, child by child).
    std::vector<Term> parts;
    auto columns_of = [&](int group) -> const std::vector<int>& {
      auto it = group_columns.find(group);
      if (it == group_columns.end()) it = group_columns.emplace(group, value_columns(t, group)).first;
      return it->second;
    };
    for (std::size_t k = 0; k < sums.size(); ++k) {
      const SumCheck& s = sums[k];
      const std::vector<int>& pcols = columns_of(s.parent->group);
      std::vector<int> lines;
      lines.reserve(1 + s.children.size());
      lines.push_back(s.parent->line);
      for (auto* c : s.children) lines.push_back(c->line);
      std::string status = "passed";
      bool checked = false;
      // Two readings of a row: its code printed twice with other figures
      // (either row may be the real one: nothing is concluded), or printed
      // short (a break under the reading taken is not reported; a relation
      // that holds confirms the reading).
      bool twice = doubtful.count(s.parent) > 0;
      bool guessed = s.parent->cells_uncertain;
      for (auto* c : s.children) {
        twice = twice || doubtful.count(c);
        guessed = guessed || c->cells_uncertain;
      }
      bool ambiguous = twice;
      // Once per row, not per column: a row of 100 000 columns stays linear.
      std::vector<const std::vector<int>*> child_cols;
      for (auto* c : s.children) child_cols.push_back(&columns_of(c->group));
      bool parent_row_filled = false;
      for (int pc : pcols) parent_row_filled = parent_row_filled || any_value(t, *s.parent, pc);
      for (std::size_t pos = 0; pos < pcols.size(); ++pos) {
        int col = pcols[pos];
        // Children must have figures in this column; a parent-only column
        // (a total row filled where details are not) cannot be checked.
        parts.clear();
        bool child_values = false;
        for (std::size_t ci = 0; ci < s.children.size(); ++ci) {
          const TableRow* c = s.children[ci];
          const std::vector<int>& ccols = *child_cols[ci];
          if (pos >= ccols.size()) continue;
          auto f = figure_in_column(t, *c, ccols[pos]);
          if (f) child_values = true;
          parts.push_back({f ? *f : zero_figure(t, *c, ccols[pos]), 1});
        }
        auto total = figure_in_column(t, *s.parent, col);
        if (!child_values) continue;  // parent-only column
        // A blank parent in a row that prints no figure at all was not filled in.
        if (!total && !parent_row_filled) continue;
        checked = true;
        Figure tf = total ? *total : zero_figure(t, *s.parent, col);
        Comparison c = RuleContext::compare_sum(tf, parts);
        if (c.overflow) { status = "insufficient_data"; continue; }
        if (twice || (guessed && c.outcome != Outcome::Passed)) {
          ambiguous = true;
          continue;
        }
        if (c.outcome == Outcome::Failed) {
          status = "failed";
          failures.push_back({k, col, c, tf, parts});
          failed_diff[{s.parent, static_cast<int>(pos)}] = c.difference;
        } else if (c.outcome == Outcome::Rounding) {
          if (status == "passed"sv) status = "rounding";
          failures.push_back({k, col, c, tf, parts});
        }
      }
      ctx.check(concat({kRule, ":", t.id, ":", std::to_string(s.parent->line), ":", std::to_string(s.parent->group)}),
                kRule, !checked ? "insufficient_data" : ambiguous && status != "failed"sv ? "ambiguous" : status,
                lines);
    }
    // A wrong middle row (款) breaks its own sum and its parent's by the same
    // amount with opposite sign: report the middle row once.
    std::vector<bool> folded(failures.size(), false);
    for (std::size_t i = 0; i < failures.size(); ++i) {
      const Failure& fi = failures[i];
      if (fi.c.outcome != Outcome::Failed) continue;
      const SumCheck& s = sums[fi.check];
      if (!s.grandparent) continue;
      for (std::size_t j = 0; j < failures.size(); ++j) {
        const Failure& fj = failures[j];
        if (j == i || folded[j] || fj.c.outcome != Outcome::Failed) continue;
        if (sums[fj.check].parent != s.grandparent || fj.column != fi.column) continue;
        Decimal neg = fj.c.difference;
        neg.units = -neg.units;
        if (compare(neg, fi.c.difference) == 0) folded[j] = true;
      }
    }
    for (std::size_t i = 0; i < failures.size(); ++i) {
      if (folded[i]) continue;
      const Failure& f = failures[i];
      const SumCheck& s = sums[f.check];
      const Figure& tf = f.total;
      std::vector<int> related;
      // Related lines are the figures the relation used (the children); the
      // grandparent is context named in the message only.
      for (auto* c : s.children) related.push_back(c->line);
      Finding finding = make_value_finding(kRule, tf, f.c, s.what_zh, s.what_en, related);
      bool linked = false;
      for (std::size_t j = 0; j < failures.size(); ++j)
        if (folded[j] && sums[failures[j].check].parent == s.grandparent && failures[j].column == f.column)
          linked = true;
      if (linked) {
        finding.message_zh += "上级科目第" + std::to_string(s.grandparent->line) +
                              "行与各下级明细一致，错误应在本行。";
        finding.message_en += " Its parent on line " + std::to_string(s.grandparent->line) +
                              " agrees with the details: this row is the one that is off.";
      }
      ctx.add_finding(std::move(finding), blank_origin(tf, f.parts, f.c, s.what_zh, s.what_en));
    }
  }
}

}  // namespace hezhang
