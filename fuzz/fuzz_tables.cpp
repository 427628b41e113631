// Fuzz target: table extraction (extract_tables, enforce_number_digits,
// detect_document, find_second_report) on any UTF-8 text, with small limits
// so the limit paths run too. Invariants: tables are in order and within the
// text; every cell names a column of its table, in column order; limits hold.
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  if (hezhang::find_invalid_utf8(text) != std::string_view::npos) return 0;
  hezhang::Limits limits = small_table_limits();
  limits.max_number_digits = 12;
  ReadTables read = read_tables(text, limits);
  const std::vector<hezhang::Line>& lines = read.lines;
  std::vector<hezhang::Table>& tables = read.tables;
  const int physical = read.physical_lines;
  hezhang::enforce_number_digits(tables, limits, read.messages);
  FUZZ_CHECK(read.in_table.size() == lines.size());
  FUZZ_CHECK(tables.size() <= limits.max_tables);
  int previous_last = 0;
  for (const hezhang::Table& t : tables) {
    FUZZ_CHECK(t.first_line >= 1 && t.first_line <= t.last_line && t.last_line <= physical);
    // In order; two tables may share a physical line (HTML rows: one line, many <tr>).
    FUZZ_CHECK(t.first_line >= previous_last);
    previous_last = t.last_line;
    for (const auto& row : t.rows) {
      FUZZ_CHECK(row.line >= t.first_line && row.line <= t.last_line);
      // Cells in column order, one per column: rules look them up by binary search.
      for (std::size_t k = 1; k < row.cells.size(); ++k)
        FUZZ_CHECK(row.cells[k - 1].column < row.cells[k].column);
      for (const auto& cell : row.cells) {
        FUZZ_CHECK(cell.column >= 0 && static_cast<std::size_t>(cell.column) < t.columns.size());
        if (cell.value) FUZZ_CHECK(hezhang::figure_digits(cell.text) <= limits.max_number_digits);
      }
    }
  }
  hezhang::DocumentInfo doc = hezhang::detect_document(lines, tables);
  hezhang::SecondReport second = hezhang::find_second_report(lines, tables, doc);
  FUZZ_CHECK(second.index == static_cast<std::size_t>(-1) || second.index < lines.size());
  return 0;
}
