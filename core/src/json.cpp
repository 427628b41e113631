// The JSON contract "hezhang.report/1" (docs/json-contract.md). Keys are
// written in a fixed order so that output is byte-identical everywhere.
#include <nlohmann/json.hpp>

#include "internal.h"

namespace hezhang {

using Json = nlohmann::ordered_json;

namespace {

const char* kind_name(CellKind k) {
  switch (k) {
    case CellKind::Empty: return "empty";
    case CellKind::Amount: return "amount";
    case CellKind::Percent: return "percent";
    case CellKind::Placeholder: return "placeholder";
    case CellKind::Text: return "text";
  }
  return "text";
}

Json lines_pair(int a, int b) { return Json::array({a, b}); }

Json table_json(const Table& t) {
  Json j;
  j["id"] = t.id;
  j["label"] = t.label;
  j["template"] = t.template_id;
  j["title"] = t.title;
  j["lines"] = lines_pair(t.first_line, t.last_line);
  j["unit"] = t.unit;
  j["unit_line"] = t.unit_line;
  j["declared_empty"] = t.declared_empty;
  if (t.declared_empty) {
    j["empty_note"] = t.empty_note;
    j["empty_note_line"] = t.empty_note_line;
  }
  Json cols = Json::array();
  for (const Column& c : t.columns) {
    Json cj;
    cj["index"] = c.index;
    cj["group"] = c.group;
    cj["header"] = c.header;
    cj["key"] = c.key;
    cj["number"] = c.number;
    cols.push_back(std::move(cj));
  }
  j["columns"] = std::move(cols);
  Json rows = Json::array();
  for (const TableRow& r : t.rows) {
    Json rj;
    rj["line"] = r.line;
    rj["group"] = r.group;
    rj["code"] = r.code;
    if (r.code_inferred) rj["code_inferred"] = true;
    rj["name"] = r.name;
    rj["level"] = r.level;
    rj["row_number"] = r.row_number;
    Json cells = Json::array();
    for (const Cell& c : r.cells) {
      Json cj;
      cj["column"] = c.column;
      cj["text"] = c.text;
      cj["kind"] = kind_name(c.kind);
      cj["value"] = c.value ? Json(c.value->to_string()) : Json(nullptr);
      cells.push_back(std::move(cj));
    }
    rj["cells"] = std::move(cells);
    rows.push_back(std::move(rj));
  }
  j["rows"] = std::move(rows);
  Json formulas = Json::array();
  for (const Formula& f : t.formulas) {
    Json fj;
    fj["line"] = f.line;
    fj["text"] = f.text;
    fj["axis"] = f.axis;
    fj["each_row"] = f.each_row;
    fj["target"] = f.target;
    Json terms = Json::array();
    for (const FormulaTerm& term : f.terms) terms.push_back(term.sign * term.index);
    fj["terms"] = std::move(terms);
    formulas.push_back(std::move(fj));
  }
  j["formulas"] = std::move(formulas);
  return j;
}

}  // namespace

std::string to_json(const Report& r) {
  Json j;
  j["schema"] = "hezhang.report/1";
  j["input"] = {{"name", r.input.name},
                {"bytes", r.input.bytes},
                {"lines", r.input.lines},
                {"encoding", r.input.encoding}};
  j["document"] = {{"kind", r.document.kind},
                   {"year", r.document.year},
                   {"department", r.document.department},
                   {"unit", r.document.unit}};
  Json messages = Json::array();
  for (const InputMessage& m : r.messages)
    messages.push_back({{"id", m.id},
                        {"severity", m.severity},
                        {"line", m.line},
                        {"message_zh", m.message_zh},
                        {"message_en", m.message_en}});
  j["messages"] = std::move(messages);
  Json tables = Json::array();
  for (const Table& t : r.tables) tables.push_back(table_json(t));
  j["tables"] = std::move(tables);
  Json sections = Json::array();
  for (const Section& s : r.sections) {
    Json sj;
    sj["number"] = s.number;
    sj["heading"] = s.heading;
    sj["depth"] = s.depth;
    sj["lines"] = lines_pair(s.line, s.last_line);
    sj["topic"] = s.topic;
    Json sentences = Json::array();
    for (const Sentence& x : s.sentences)
      sentences.push_back({{"lines", lines_pair(x.line, x.last_line)}, {"text", x.text}});
    sj["sentences"] = std::move(sentences);
    sections.push_back(std::move(sj));
  }
  j["sections"] = std::move(sections);
  j["claims"] = Json::array();
  Json findings = Json::array();
  int errors = 0, warnings = 0, infos = 0;
  for (const Finding& f : r.findings) {
    if (f.severity == "error") ++errors;
    else if (f.severity == "warning") ++warnings;
    else ++infos;
    Json related = Json::array();
    for (int l : f.related_lines) related.push_back(l);
    findings.push_back({{"rule", f.rule},
                        {"severity", f.severity},
                        {"materiality", f.materiality},
                        {"lines", lines_pair(f.first_line, f.last_line)},
                        {"related_lines", std::move(related)},
                        {"expected", f.expected},
                        {"actual", f.actual},
                        {"difference", f.difference},
                        {"unit", f.unit},
                        {"message_zh", f.message_zh},
                        {"message_en", f.message_en}});
  }
  j["findings"] = std::move(findings);
  Json checks = Json::array();
  Json summary;
  const char* kStatuses[] = {"passed", "failed", "rounding", "not_applicable", "insufficient_data",
                             "ambiguous"};
  summary["checks"] = r.checks.size();
  for (const char* s : kStatuses) summary[s] = 0;
  for (const CheckEntry& c : r.checks) {
    Json lines = Json::array();
    for (int l : c.lines) lines.push_back(l);
    checks.push_back({{"id", c.id}, {"rule", c.rule}, {"status", c.status}, {"lines", std::move(lines)}});
    if (summary.contains(c.status)) summary[c.status] = summary[c.status].get<int>() + 1;
  }
  j["checks"] = std::move(checks);
  summary["errors"] = errors;
  summary["warnings"] = warnings;
  summary["infos"] = infos;
  summary["tables"] = r.tables.size();
  j["summary"] = std::move(summary);
  // Invalid UTF-8 cannot reach here (analyze refuses it), but never throw.
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace hezhang
