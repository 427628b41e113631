// Hezhang (核账): checks Chinese government budget / final-accounts disclosure
// reports for figures that do not add up.
//
// One call crosses every boundary (CLI, WebAssembly, tests): UTF-8 text in,
// one JSON string out (schema "hezhang.report/1", see docs/json-contract.md).
// Input errors are values inside that JSON, never exceptions:
//
//   hezhang::Options options;
//   options.name = "report.txt";
//   std::string json = hezhang::analyze_to_json(text, options);
//
// The same core builds natively and with Emscripten; it includes nothing of
// Emscripten or the browser, so the JSON is byte-identical in both.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "hezhang/model.h"

namespace hezhang {

// Resource limits; every one has a clear error message when exceeded.
struct Limits {
  std::uint64_t max_input_bytes = 20u * 1024u * 1024u;  // 20 MB
  std::uint64_t max_line_bytes = 4u * 1024u * 1024u;    // one line
  std::uint32_t max_tables = 2000;
  std::uint32_t max_cells_per_table = 500000;
  // Digits in one figure; longer figures are reported unreadable, never
  // wrapped. At most 18 (what a Decimal holds exactly): larger values act as 18.
  std::uint32_t max_number_digits = 18;
};

struct Options {
  std::string name = "input";     // shown as input.name
  std::string encoding = "utf-8"; // what the caller decoded the bytes from
  std::uint64_t input_bytes = 0;  // size of the original bytes; 0 = text size
  Limits limits;
  // The caller has already found the text valid UTF-8, so analyze() does
  // not refuse text for invalid bytes (any it meets anyway become U+FFFD).
  // Not read from JSON options: the page's text is checked. (The check
  // costs little: it is made as the lines are read.)
  bool utf8_checked = false;
};

// Reads options from JSON ({"name":..,"encoding":..,"input_bytes":..,
// "max_input_bytes":..,...}); unknown keys are ignored. On malformed JSON
// returns defaults and sets *error (if given) to a message.
Options options_from_json(std::string_view json, std::string* error = nullptr);

// Parses the report into the document model. Never throws on bad input:
// problems land in Report::errors.
Report analyze(std::string_view utf8_text, const Options& options);

// The JSON contract. Deterministic: the same input gives the same bytes.
std::string to_json(const Report& report);
std::string analyze_to_json(std::string_view utf8_text, const Options& options);

// Whether bytes are well-formed UTF-8 (no overlong forms, surrogates or
// values past U+10FFFF): what analyze() accepts, for callers choosing a decoding.
bool is_valid_utf8(std::string_view bytes);

// "utf-16le" or "utf-16be" when bytes start with that byte-order mark (no
// UTF-8 or GB18030 text starts so), else nullptr: for callers choosing a decoding.
const char* utf16_bom_encoding(std::string_view bytes);

// The same text as UTF-16 code units, for hosts whose strings are UTF-16 (a
// JS string is made from them much faster than from UTF-8). False, with
// utf16 empty, when utf8 is not well-formed.
bool utf8_to_utf16(std::string_view utf8, std::u16string& utf16);

// A plain-text rendering for people (CLI), in "zh" or "en".
std::string to_text(const Report& report, std::string_view lang);

}  // namespace hezhang
