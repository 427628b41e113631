// The document model: what a report is made of once read.
// Every extracted thing keeps its 1-based line in the user's original text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "hezhang/decimal.h"

namespace hezhang {

enum class CellKind { Empty, Amount, Percent, Placeholder, Text };

struct Cell {
  int column = 0;          // index into Table::columns
  std::string text;        // normalized cell text as printed
  CellKind kind = CellKind::Empty;
  std::optional<Decimal> value;  // Amount/Percent: exact value as printed
};

struct Column {
  int index = 0;
  int group = 0;           // side-by-side column group (0 when single)
  std::string header;      // header texts joined with "/" (multi-level)
  std::string key;         // meaning: "code", "name", "amount", "basic", ...
  std::string number;      // 栏次 number printed under the header, if any
};

// One logical row. Side-by-side layouts give several rows per line.
struct TableRow {
  int line = 0;            // 1-based line in the original text
  int group = 0;           // which column group it came from
  std::string code;        // function (类3/款5/项7) or economic (3/5) code
  bool code_inferred = false;  // code/level taken from a matching coded row
  // Printed short (its line ends before its group's last column) with fewer
  // figures than value columns: which column each figure belongs to is a
  // guess, so a relation it breaks is "ambiguous", never a finding.
  bool cells_uncertain = false;
  std::string name;        // item name, wrapped pieces joined
  std::string level;       // "类","款","项","econ_class","econ_item","total","unit","line"
  std::string row_number;  // 行次 as printed ("27", "32.00")
  std::vector<Cell> cells; // only cells of this row's group, with values
};

// A formula printed under a table: "27 行 = (1+2+…+8) 行", "1 栏=（2+3+6）栏".
struct FormulaTerm {
  int sign = 1;            // +1 or -1
  int index = 0;           // 行次 or 栏次 number
};
struct Formula {
  int line = 0;
  std::string text;        // as printed (normalized)
  std::string axis;        // "row" (行) or "column" (栏)
  bool each_row = false;   // "各行": applies to every row
  int target = 0;
  std::vector<FormulaTerm> terms;  // ranges "31+32+...+56" are expanded
};

struct Table {
  std::string id;          // "t1", "t2", ... in order of appearance
  std::string label;       // "公开01表" / "表 1" as printed, normalized
  std::string template_id; // e.g. "final.income", "budget.basic_expense"
  std::string title;
  int first_line = 0;      // title line (or first row when untitled)
  int last_line = 0;
  std::string unit;        // "元", "万元", "千元", "亿元" or "" (unknown)
  int unit_line = 0;
  std::vector<Column> columns;
  std::vector<TableRow> rows;
  std::vector<Formula> formulas;
  int usual_scale = 0;     // most common number of decimals of its amounts
  bool declared_empty = false;  // 本表无数据 / 空表 / 不涉及 / 说明：本部门无…
  std::string empty_note;
  int empty_note_line = 0;
};

struct Sentence {
  int line = 0;            // line where the sentence starts
  int last_line = 0;
  std::string text;
  // Where each physical line begins in `text` (byte offset, line), so a
  // figure inside a wrapped sentence knows its own line. Empty for a
  // sentence all on `line` (most): no list to allocate.
  std::vector<std::pair<int, int>> line_starts;
};

struct Section {
  std::string heading;
  std::string number;      // "一", "(一)", "1", "" for untitled prose
  int depth = 0;           // 1: 一、  2: (一)  3: 1.
  int line = 0;
  int last_line = 0;
  std::string topic;       // required-section key when recognised, else ""
  std::vector<Sentence> sentences;
};

// A figure stated in the prose, read into what it says.
struct ClaimLink {
  std::string table_id;    // "t3"
  int row_line = 0;        // line of the table row
  std::string column;      // column header as printed
  std::string value;       // the table's figure, as printed (decimal string)
  std::string unit;        // the table's unit
};

struct Claim {
  int line = 0;            // line of the figure
  int sentence_line = 0;   // line where its sentence starts
  int section = 0;         // index into Report::sections
  int begin = 0, end = 0;  // span of the figure in the sentence (code points)
  std::string text;        // the figure as written: "19,801,676.60元"
  std::string subject;     // canonical key ("income_year", "class:221", ...) or ""
  std::string subject_text;  // the words that name it, as written
  std::string scope;       // "all", "fiscal", "general_budget", "gov_fund"
  // value | budget | actual | change | rate | share | completion | count | percent
  std::string relation;
  std::string qualifier;   // budget/completion: "initial"/"adjusted"; share: whole subject
  int direction = 0;       // change/rate: +1 增加, -1 减少, 0 none/持平
  int group = 0;           // claims about one mention of one subject share a group
  int parent = -1;         // group of the whole this is listed as a part of, or -1
  Decimal value;
  std::string unit;        // "元", "万元", "亿元", "%", "个", ...
  std::string link;        // "linked" | "unlinked" | "ambiguous"
  std::string reason;      // why unlinked/ambiguous ("" when linked)
  std::optional<ClaimLink> cell;
};

struct DocumentInfo {
  std::string kind;        // "final_accounts" (决算) / "budget" (预算) / ""
  int year = 0;
  std::string department;
  std::string unit;        // dominant table unit
};

struct InputInfo {
  std::string name;
  std::uint64_t bytes = 0;
  int lines = 0;
  std::string encoding;
};

// Errors and notices about the input itself, with a stable id.
struct InputMessage {
  std::string id;          // "input.empty", "input.too_large", ...
  std::string severity;    // "error" (nothing could be read) / "warning"
  int line = 0;            // 0 when not about one line
  std::string message_zh;
  std::string message_en;
};

struct Finding {
  std::string rule;
  std::string severity;     // "error" | "warning" | "info"
  std::string materiality;  // "material" | "rounding"
  int first_line = 0, last_line = 0;
  std::vector<int> related_lines;
  std::string expected, actual, difference;  // decimal strings with unit
  std::string unit;
  std::string message_zh, message_en;
};

struct CheckEntry {
  std::string id;
  std::string rule;
  std::string status;  // passed|failed|rounding|not_applicable|insufficient_data|ambiguous
  std::vector<int> lines;
};

struct Report {
  InputInfo input;
  DocumentInfo document;
  std::vector<Table> tables;
  std::vector<Section> sections;
  std::vector<Claim> claims;
  std::vector<InputMessage> messages;
  std::vector<Finding> findings;
  std::vector<CheckEntry> checks;
  // Set by analyze(): every string it made is valid UTF-8 (it refuses input
  // that is not, and cuts text only between characters), so to_json looks
  // in them only for bytes to escape. input.name and input.encoding, the
  // caller's own, are checked whatever this says. A report built by hand
  // keeps false: to_json then checks every string and replaces invalid bytes.
  bool strings_valid_utf8 = false;
};

}  // namespace hezhang
