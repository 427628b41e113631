// Report-level facts: kind (决算/预算), year, department, unit; and where a
// second report starts when several were pasted into one input.
#include <map>

#include "internal.h"

namespace hezhang {

DocumentInfo detect_document(const std::vector<Line>& lines, const std::vector<Table>& tables) {
  DocumentInfo doc;
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
    if ((final_kind || budget_kind) && find_report_year(t, &year)) {
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

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// The next non-blank line at or after i, or kNone.
std::size_t next_filled(const std::vector<Line>& lines, std::size_t i) {
  while (i < lines.size() && lines[i].blank()) ++i;
  return i < lines.size() ? i : kNone;
}

// Whether 算 is among the last five characters of text that are not spaces
// or tabs: where a cover title's 决算/预算 stands, before at most 公开 and 报告.
// Read from the end, so a long line costs no more than a short one.
bool suan_near_end(std::string_view text) {
  std::size_t end = text.size();
  for (int characters = 0; characters < 5 && end > 0;) {
    std::size_t begin = end - 1;
    if (text[begin] == ' ' || text[begin] == '\t') {
      end = begin;
      continue;
    }
    while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
    if (text.substr(begin, end - begin) == "算"sv) return true;
    end = begin;
    ++characters;
  }
  return false;
}

// A cover title: "阳泉市大数据应用局2022年度部门决算公开", "2021 年单位预算":
// it ends with 决算/预算 (公开/报告). Headings that go on ("…决算情况说明"),
// table titles and sentences are not covers. Sets kind and year.
bool is_cover_line(const Line& l, std::string* kind, int* year) {
  if (l.blank() || l.is_cell_line() || l.toc_entry) return false;
  // It runs on every line after the first table, most of which are ruled
  // out here, before any copy.
  if (!suan_near_end(l.text)) return false;
  std::string buffer;
  const std::string_view t = without_spaces(l.text, buffer);
  if (code_points(t) > 40 || contains(t, "表") || contains(t, "。") || contains(t, "，")) return false;
  std::string_view core = t;
  for (std::string_view tail : {"公开", "报告"})
    if (ends_with(core, tail)) core.remove_suffix(tail.size());
  bool final_kind = ends_with(core, "决算"), budget_kind = ends_with(core, "预算");
  if (final_kind == budget_kind) return false;
  std::string y;
  if (!find_report_year(t, &y)) return false;
  *kind = final_kind ? "final_accounts" : "budget";
  *year = std::stoi(y);
  return true;
}

// The report's opening (its first three non-blank lines) recurs at j.
bool opening_recurs_at(const std::vector<Line>& lines, const std::vector<std::size_t>& opening,
                       std::size_t j) {
  for (std::size_t k : opening) {
    if (j == kNone || lines[j].text != lines[k].text) return false;
    j = next_filled(lines, j + 1);
  }
  return true;
}

}  // namespace

SecondReport find_second_report(const std::vector<Line>& lines, const std::vector<Table>& tables,
                                const DocumentInfo& doc) {
  SecondReport found;
  // 1. The same report pasted twice: its opening lines come again, after a table.
  std::vector<std::size_t> opening;
  for (std::size_t i = next_filled(lines, 0); i != kNone && opening.size() < 3;
       i = next_filled(lines, i + 1))
    opening.push_back(i);
  if (opening.size() == 3 && !tables.empty() && code_points(lines[opening[0]].text) >= 4) {
    for (std::size_t j = opening.back() + 1; j < lines.size(); ++j) {
      if (lines[j].number <= tables.front().last_line) continue;
      if (lines[j].text == lines[opening[0]].text && opening_recurs_at(lines, opening, j)) {
        found.index = j;
        found.same = true;
        return found;
      }
    }
  }
  // 2. A summary table again (one per report): another report restarts its tables.
  //    It starts at the last cover title between the previous table and that one.
  std::size_t seen_summary = 0;
  for (std::size_t t = 0; t < tables.size(); ++t) {
    if (tables[t].template_id != "final.summary"sv && tables[t].template_id != "budget.summary"sv) continue;
    if (seen_summary++ == 0) continue;
    int from = t > 0 ? tables[t - 1].last_line : 0;
    int to = tables[t].first_line;
    std::size_t at = kNone;
    for (std::size_t j = 0; j < lines.size() && lines[j].number < to; ++j) {
      std::string kind;
      int year = 0;
      if (lines[j].number > from && is_cover_line(lines[j], &kind, &year)) at = j;
    }
    if (at == kNone)
      for (std::size_t j = 0; j < lines.size() && at == kNone; ++j)
        if (lines[j].number >= to) at = j;
    found.index = at;
    return found;
  }
  // 3. After the first table, a cover title of another kind or year.
  if (doc.kind.empty() || tables.empty()) return found;
  for (std::size_t j = 0; j < lines.size(); ++j) {
    if (lines[j].number <= tables.front().last_line) continue;
    std::string kind;
    int year = 0;
    if (is_cover_line(lines[j], &kind, &year) && (kind != doc.kind || (doc.year && year != doc.year))) {
      found.index = j;
      return found;
    }
  }
  return found;
}

}  // namespace hezhang
