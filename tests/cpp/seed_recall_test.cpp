// Recall on the seeds: every figure of a standard financial table is tied to
// some other figure, so changing any one of them must give a new material
// finding that points at its line. Each figure is changed in turn (its last
// digit before the decimal point, up by one or down from 9: 1 元 or 1 万元,
// beyond any rounding), the report analysed again, and the new findings
// compared with the original's. Tables the rules cannot tie together are left
// out and named: performance tables (targets, self-evaluation indicators and
// telephone numbers) and the index of tables.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "hezhang/hezhang.h"
#include "seed_tests_support.h"

namespace {

using FindingKey = std::tuple<std::string, int, int, std::string, std::string>;

FindingKey key_of(const hezhang::Finding& f) {
  return {f.rule, f.first_line, f.last_line, f.actual, f.expected};
}

bool ties_figures(const std::string& template_id) {
  return (template_id.rfind("final.", 0) == 0 || template_id.rfind("budget.", 0) == 0) &&
         template_id != "final.table_index" && template_id != "budget.project_performance";
}

// Line `line` (1-based) of `text` as [begin, end) offsets.
std::pair<std::size_t, std::size_t> line_span(const std::string& text, int line) {
  std::size_t begin = 0;
  for (int l = 1; l < line; ++l) begin = text.find('\n', begin) + 1;
  std::size_t end = text.find('\n', begin);
  return {begin, end == std::string::npos ? text.size() : end};
}

struct Recall {
  int changed = 0;
  std::vector<std::string> missed;  // "line 123: 45.67 -> 46.67 (公开05表)"
};

Recall changed_figures_found(const std::string& file) {
  const std::string& text = seed::fixture_text(file);
  const hezhang::Report& base = seed::report(file);
  std::set<FindingKey> before;
  for (const auto& f : base.findings) before.insert(key_of(f));
  Recall recall;
  for (const auto& t : base.tables) {
    if (!ties_figures(t.template_id)) continue;
    for (const auto& r : t.rows)
      for (const auto& c : r.cells) {
        if (c.kind != hezhang::CellKind::Amount || !c.value || c.value->is_zero()) continue;
        const auto [begin, end] = line_span(text, r.line);
        const std::string line = text.substr(begin, end - begin);
        const std::size_t at = line.find(c.text);
        // A figure printed twice on its line cannot be told apart: skipped.
        if (at == std::string::npos || line.find(c.text, at + 1) != std::string::npos) continue;
        std::size_t digit = c.text.find('.');
        if (digit == std::string::npos) digit = c.text.size();
        if (digit == 0 || c.text[digit - 1] < '0' || c.text[digit - 1] > '9') continue;
        std::string changed_text = c.text;
        char& d = changed_text[digit - 1];
        d = d == '9' ? '8' : static_cast<char>(d + 1);
        std::string changed = text;
        changed.replace(begin + at, c.text.size(), changed_text);
        hezhang::Options options;
        options.name = file;
        const hezhang::Report after = hezhang::analyze(changed, options);
        ++recall.changed;
        bool found = false;
        for (const auto& f : after.findings) {
          if (f.materiality != "material" || before.count(key_of(f))) continue;
          bool here = f.first_line <= r.line && r.line <= f.last_line;
          for (int l : f.related_lines) here = here || l == r.line;
          found = found || here;
        }
        if (!found)
          recall.missed.push_back("line " + std::to_string(r.line) + ": " + c.text + " -> " + changed_text + " (" +
                                  t.label + " " + t.template_id + ")");
      }
  }
  return recall;
}

}  // namespace

TEST_CASE("seeds: every changed figure of a standard table is found at its line", "[seeds][recall]") {
  // How many figures each seed's standard tables print (not blank, not 0):
  // a floor, so that reading fewer tables cannot pass by changing fewer.
  struct Seed {
    const char* file;
    int at_least;
  };
  for (const Seed& s : {Seed{"000_9c8107d782db8362.txt", 90}, Seed{"001_f4a815153176995a.txt", 70},
                        Seed{"003_7723f8960340c19d.txt", 70}, Seed{"004_b4f9d2b1ef90862f.txt", 60}}) {
    INFO(s.file);
    const Recall recall = changed_figures_found(s.file);
    CHECK(recall.changed >= s.at_least);
    for (const auto& m : recall.missed) UNSCOPED_INFO("no finding: " << m);
    CHECK(recall.missed.empty());
  }
}
