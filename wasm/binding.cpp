// The WebAssembly boundary: two functions, strings in, strings out.
//   analyze(text, optionsJson) -> report JSON (schema "hezhang.report/1")
//   version()                  -> version string
// All logic lives in the core; this file only binds it with embind.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "hezhang/hezhang.h"

namespace {

// The JSON is handed to JS as UTF-16: TextDecoder makes a string of it about
// 3x faster from UTF-16 than from UTF-8 (Node 20, seed 003's 250 KB: 0.6
// against 1.7 ms), more than the conversion costs here.
emscripten::val analyze(std::string text, std::string options_json) {
  const std::string json = hezhang::analyze_to_json(text, hezhang::options_from_json(options_json));
  std::u16string units;
  if (!hezhang::utf8_to_utf16(json, units)) return emscripten::val(json);  // never: the writer emits valid UTF-8
  static const emscripten::val decoder = emscripten::val::global("TextDecoder").new_(emscripten::val("utf-16le"));
  return decoder.call<emscripten::val>(
      "decode", emscripten::typed_memory_view(units.size() * 2, reinterpret_cast<const unsigned char*>(units.data())));
}

std::string version() { return HEZHANG_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(hezhang) {
  emscripten::function("analyze", &analyze);
  emscripten::function("version", &version);
}
