// The core's calls into RE2, in a file of their own whose functions take
// and return no struct by value (references and pointers only): the
// WebAssembly module compiles the rest of the core with a calling convention
// that passes such structs (std::string_view) as separate arguments, which
// RE2 and abseil, compiled as they come, do not use (wasm/CMakeLists.txt
// says why).
#include <re2/re2.h>

#include "internal.h"

namespace hezhang {

bool find_report_year(const std::string_view& text, std::string* year) {
  static const RE2 year_re(R"((20\d\d)年)");
  return RE2::PartialMatch(text, year_re, year);
}

}  // namespace hezhang
