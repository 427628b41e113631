// Report-level facts: kind (决算/预算), year, department, unit.
#include <re2/re2.h>

#include <map>

#include "internal.h"

namespace hezhang {

DocumentInfo detect_document(const std::vector<Line>& lines, const std::vector<Table>& tables) {
  DocumentInfo doc;
  static const RE2 year_re(R"((20\d\d)\s*年)");
  // The cover: the first line naming a year and 决算/预算.
  int seen = 0;
  std::string previous;
  for (const Line& l : lines) {
    if (l.blank() || l.is_cell_line()) continue;
    if (++seen > 20) break;
    std::string t = without_spaces(l.text);
    bool final_kind = contains(t, "决算");
    bool budget_kind = contains(t, "预算");
    std::string year;
    if ((final_kind || budget_kind) && RE2::PartialMatch(t, year_re, &year)) {
      doc.kind = final_kind ? "final_accounts" : "budget";
      doc.year = std::stoi(year);
      std::size_t at = t.find(year);
      std::string before = t.substr(0, at);
      if (!before.empty()) {
        doc.department = before;
      } else {
        // "2020年度大数据中心部门决算": the name sits between 年度 and 部门.
        std::size_t from = t.find("年度") != std::string::npos ? t.find("年度") + 6 : at + 7;
        std::size_t to = t.find("部门");
        if (to == std::string::npos) to = t.find("单位");
        if (to != std::string::npos && to > from) doc.department = t.substr(from, to - from);
        else if (!previous.empty() && !contains(previous, "目录")) doc.department = previous;
      }
      break;
    }
    previous = t;
  }
  // Tables name the department more reliably (编制部门：…).
  // (kept as the cover's name when present: it is what the reader sees first)
  std::map<std::string, int> units;
  int final_tables = 0, budget_tables = 0;
  for (const Table& t : tables) {
    if (!t.unit.empty()) ++units[t.unit];
    if (starts_with(t.template_id, "final.")) ++final_tables;
    if (starts_with(t.template_id, "budget.")) ++budget_tables;
  }
  if (doc.kind.empty() && (final_tables || budget_tables))
    doc.kind = final_tables >= budget_tables ? "final_accounts" : "budget";
  int best = 0;
  for (const auto& u : units)
    if (u.second > best) { best = u.second; doc.unit = u.first; }
  return doc;
}

}  // namespace hezhang
