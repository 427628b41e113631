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
// against 1.7 ms), more than the conversion costs here. Past 16 MB of JSON
// (inputs of megabytes) it goes as UTF-8: the UTF-16 copy would take twice
// the JSON's size again on a heap that ends at 2 GB.
emscripten::val analyze(std::string text, std::string options_json) {
  const std::string json = hezhang::analyze_to_json(text, hezhang::options_from_json(options_json));
  constexpr std::size_t kMaxUtf16Json = std::size_t{16} << 20;
  std::u16string units;
  if (json.size() > kMaxUtf16Json || !hezhang::utf8_to_utf16(json, units))  // invalid: never, the writer emits UTF-8
    return emscripten::val(json);
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
