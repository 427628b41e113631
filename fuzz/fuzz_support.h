// Shared by the fuzz targets: invariant checks that abort (so libFuzzer, the
// sanitizers and the plain replay binary all report them), and input helpers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "internal.h"

#define FUZZ_CHECK(cond)                                                          \
  do {                                                                            \
    if (!(cond)) {                                                                \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
      std::abort();                                                               \
    }                                                                             \
  } while (0)

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}

// Small table limits (tables, cells per table) for the targets that read
// tables, so the limit paths run on small inputs too.
inline hezhang::Limits small_table_limits() {
  hezhang::Limits limits;
  limits.max_tables = 40;
  limits.max_cells_per_table = 4000;
  return limits;
}

// The tables of a text, as analyze() reads them (after its input checks).
struct ReadTables {
  std::vector<hezhang::InputMessage> messages;
  int physical_lines = 0;
  std::vector<hezhang::Line> lines;
  std::vector<bool> in_table;
  std::vector<hezhang::Table> tables;
};

inline ReadTables read_tables(std::string_view text, const hezhang::Limits& limits) {
  ReadTables r;
  r.lines = hezhang::split_lines(text, limits, r.messages, r.physical_lines);
  r.tables = hezhang::extract_tables(r.lines, limits, r.in_table, r.messages);
  return r;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
