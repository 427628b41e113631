// Fuzz target: the whole analysis, bytes in, JSON out, as the CLI and the
// WebAssembly module call it. Invariants: never throws; the output is valid
// JSON of schema hezhang.report/1 (parsed strictly: its UTF-8 too, which the
// writer checks only at the ends of analyze's strings, see
// Report::strings_valid_utf8); a second run gives the same bytes.
#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "hezhang/hezhang.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text = as_text(data, size);
  hezhang::Options options;
  options.name = "fuzz";
  // Small limits, so the refusals are reached on small inputs too.
  options.limits.max_input_bytes = 1u << 20;
  options.limits.max_line_bytes = 16384;
  options.limits.max_tables = 60;
  options.limits.max_cells_per_table = 20000;
  std::string json = hezhang::analyze_to_json(text, options);
  auto doc = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(!doc.is_discarded());
  FUZZ_CHECK(doc.is_object() && doc["schema"] == "hezhang.report/1");
  FUZZ_CHECK(doc["summary"]["checks"] == doc["checks"].size());
  FUZZ_CHECK(hezhang::analyze_to_json(text, options) == json);
  return 0;
}
