// The WebAssembly boundary: two functions, strings in, strings out.
//   analyze(text, optionsJson) -> report JSON (schema "hezhang.report/1")
//   version()                  -> version string
// All logic lives in the core; this file only binds it with embind.
#include <emscripten/bind.h>

#include <string>

#include "hezhang/hezhang.h"

namespace {

std::string analyze(std::string text, std::string options_json) {
  return hezhang::analyze_to_json(text, hezhang::options_from_json(options_json));
}

std::string version() { return HEZHANG_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(hezhang) {
  emscripten::function("analyze", &analyze);
  emscripten::function("version", &version);
}
