// Helpers for the hand-checked seed tests (tests/cpp/seed_*_test.cpp).
// Each fixture is analysed once and cached; lookups return sentinels such as
// "<no row>" instead of crashing, so a failed CHECK shows what was missing.
#pragma once

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace seed {

inline std::string fixture_path(const std::string& file) {
  return std::string(HEZHANG_FIXTURES_DIR) + "/" + file;
}

inline const std::string& fixture_text(const std::string& file) {
  static std::map<std::string, std::string> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    std::ifstream in(fixture_path(file), std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream ss;
    ss << in.rdbuf();
    it = cache.emplace(file, ss.str()).first;
  }
  return it->second;
}

// The analysed report of a fixture, computed once per test run.
inline const hezhang::Report& report(const std::string& file) {
  static std::map<std::string, hezhang::Report> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    hezhang::Options options;
    options.name = file;
    it = cache.emplace(file, hezhang::analyze(fixture_text(file), options)).first;
  }
  return it->second;
}

// Line `n` (1-based) of the fixture as stored, without the newline. Used to
// confirm that an expected line number really holds the expected text.
inline std::string source_line(const std::string& file, int n) {
  std::istringstream in(fixture_text(file));
  std::string line;
  for (int i = 1; std::getline(in, line); ++i)
    if (i == n) return line;
  return "<no line>";
}

inline bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The one table with this template id (REQUIREs exactly one).
inline const hezhang::Table& unique_table(const hezhang::Report& r, const std::string& tmpl) {
  const hezhang::Table* found = nullptr;
  int count = 0;
  for (const auto& t : r.tables)
    if (t.template_id == tmpl) { found = &t; ++count; }
  INFO("template " << tmpl);
  REQUIRE(count == 1);
  return *found;
}

inline int count_tables(const hezhang::Report& r, const std::string& tmpl) {
  int n = 0;
  for (const auto& t : r.tables) n += t.template_id == tmpl ? 1 : 0;
  return n;
}

inline const hezhang::TableRow* row_at(const hezhang::Table& t, int line, int group = 0) {
  for (const auto& row : t.rows)
    if (row.line == line && row.group == group) return &row;
  return nullptr;
}

inline const hezhang::TableRow* row_by_code(const hezhang::Table& t, const std::string& code) {
  for (const auto& row : t.rows)
    if (row.code == code) return &row;
  return nullptr;
}

inline int rows_in_group(const hezhang::Table& t, int group) {
  int n = 0;
  for (const auto& row : t.rows) n += row.group == group ? 1 : 0;
  return n;
}

// Index of the first column with this key in this column group, or -1.
inline int column_index(const hezhang::Table& t, const std::string& key, int group = 0) {
  for (const auto& c : t.columns)
    if (c.key == key && c.group == group) return c.index;
  return -1;
}

inline const hezhang::Cell* cell_in(const hezhang::TableRow& row, int column) {
  for (const auto& c : row.cells)
    if (c.column == column) return &c;
  return nullptr;
}

// Exact decimal value (Decimal::to_string) of the cell in column index
// `column` of the row at (line, group); a "<...>" sentinel when absent.
inline std::string value_at_index(const hezhang::Table& t, int line, int group, int column) {
  const auto* row = row_at(t, line, group);
  if (!row) return "<no row>";
  const auto* cell = cell_in(*row, column);
  if (!cell) return "<no cell>";
  if (!cell->value) return "<no value: " + cell->text + ">";
  return cell->value->to_string();
}

// Same, finding the column by its meaning (key) within the row's group.
inline std::string value_at(const hezhang::Table& t, int line, int group, const std::string& key) {
  const int column = column_index(t, key, group);
  if (column < 0) return "<no column " + key + ">";
  return value_at_index(t, line, group, column);
}

inline std::string name_at(const hezhang::Table& t, int line, int group = 0) {
  const auto* row = row_at(t, line, group);
  return row ? row->name : "<no row>";
}

inline std::string code_at(const hezhang::Table& t, int line, int group = 0) {
  const auto* row = row_at(t, line, group);
  return row ? row->code : "<no row>";
}

// First narrative sentence containing `needle`, or nullptr.
inline const hezhang::Sentence* sentence_with(const hezhang::Report& r, const std::string& needle) {
  for (const auto& s : r.sections)
    for (const auto& sentence : s.sentences)
      if (contains(sentence.text, needle)) return &sentence;
  return nullptr;
}

inline const hezhang::Section* section_at(const hezhang::Report& r, int line) {
  for (const auto& s : r.sections)
    if (s.line == line) return &s;
  return nullptr;
}

}  // namespace seed

// One hand-checked cell: value (exact printed decimal) at (line, group, key),
// and the unit of the table it belongs to.
#define SEED_CELL(table, line, group, key, expected, unit_)                  \
  do {                                                                        \
    INFO("table " << (table).label << " " << (table).template_id << " line " \
                  << (line) << " group " << (group) << " column " << (key)); \
    CHECK(seed::value_at((table), (line), (group), (key)) == (expected));    \
    CHECK((table).unit == (unit_));                                           \
  } while (0)
