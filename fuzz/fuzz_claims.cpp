// Fuzz target: claims read from the narrative (extract_claims, link_claims)
// on any UTF-8 text, with the tables of that text to link to. Invariants:
// every claim sits on a line of its sentence's section, inside the text;
// a linked claim names a table that exists; its span is inside the sentence.
#include "claims.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  if (hezhang::find_invalid_utf8(text) != std::string_view::npos) return 0;
  ReadTables read = read_tables(text, small_table_limits());
  const int physical = read.physical_lines;
  hezhang::Report r;
  r.tables = std::move(read.tables);
  r.document = hezhang::detect_document(read.lines, r.tables);
  r.sections = hezhang::extract_sections(read.lines, read.in_table);
  r.claims = hezhang::extract_claims(r.sections, r.tables);
  hezhang::link_claims(r);
  for (const hezhang::Claim& c : r.claims) {
    FUZZ_CHECK(c.line >= 1 && c.line <= physical);
    FUZZ_CHECK(c.sentence_line >= 1 && c.sentence_line <= c.line);
    FUZZ_CHECK(c.section >= 0 && static_cast<std::size_t>(c.section) < r.sections.size());
    FUZZ_CHECK(c.begin >= 0 && c.begin <= c.end);
    FUZZ_CHECK(c.link == "linked" || c.link == "unlinked" || c.link == "ambiguous");
    if (c.cell) {
      bool found = false;
      for (const auto& t : r.tables) found = found || t.id == c.cell->table_id;
      FUZZ_CHECK(found);
    }
  }
  return 0;
}
