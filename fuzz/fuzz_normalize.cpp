// Fuzz target: line splitting and normalization (split_lines, normalize_line,
// join_wrapped) on any UTF-8 text. Invariants: every logical line keeps the
// number of a physical line, in order; normalized text stays valid UTF-8;
// a cell never holds the tab that separates cells.
#include "fuzz_support.h"
#include "internal.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  if (hezhang::find_invalid_utf8(text) != std::string_view::npos) return 0;
  hezhang::Limits limits;
  limits.max_line_bytes = 2048;  // exercise the long-line path on small inputs
  std::vector<hezhang::InputMessage> messages;
  int physical = 0;
  std::vector<hezhang::Line> lines = hezhang::split_lines(text, limits, messages, physical);
  FUZZ_CHECK(physical >= 1);
  int previous = 1;
  for (const hezhang::Line& l : lines) {
    FUZZ_CHECK(l.number >= previous && l.number <= physical);
    previous = l.number;
    FUZZ_CHECK(hezhang::find_invalid_utf8(l.text) == std::string_view::npos);
    // A cell line's text is its cells joined by tabs, and nothing else.
    std::size_t expected_begin = 0;
    for (const hezhang::CellSpan& span : l.cell_spans) {
      FUZZ_CHECK(span.begin == expected_begin && span.begin + span.size <= l.text.size());
      expected_begin = span.begin + span.size + 1;
      FUZZ_CHECK(expected_begin > l.text.size() || l.text[expected_begin - 1] == '\t');
    }
    FUZZ_CHECK(l.cell_spans.empty() || expected_begin == l.text.size() + 1);
    for (std::string_view c : l.cells()) {
      FUZZ_CHECK(c.find('\t') == std::string_view::npos);
      FUZZ_CHECK(hezhang::find_invalid_utf8(c) == std::string_view::npos);
    }
    std::string joined = hezhang::join_wrapped(l.text);
    FUZZ_CHECK(joined.size() <= l.text.size());
  }
  for (const auto& m : messages) FUZZ_CHECK(m.id == "input.line_too_long" && m.line >= 1);
  return 0;
}
