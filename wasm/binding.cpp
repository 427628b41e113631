// The WebAssembly boundary: strings in and out, or bytes in and out.
//   analyze(text, optionsJson)       -> report JSON (schema "hezhang.report/1"), a string
//   analyzeBytes(utf8, optionsJson)  -> the same JSON as UTF-8 bytes (a new Uint8Array);
//                                       utf8 is a Uint8Array of the report's text
//   analyzeBytesInto(utf8, optionsJson, out)
//                                    -> the same bytes, written into the Uint8Array out
//                                       when they fit (out.subarray(0, n)), else a new
//                                       Uint8Array as analyzeBytes returns
//   version()                        -> version string
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

// Bytes in and out: the core's own work, with nothing turned into a JS string.
// A caller holding a file's bytes and handing the JSON on as bytes (a script
// writing it to disk) pays only two copies; a string costs an encoding in and
// a decoding out (for the five seeds, 1.3 ms to UTF-16 and 1.7 ms of
// TextDecoder per 860 KB of JSON in Node). The page keeps the string call:
// it needs a string, and this plus TextDecoder('utf-8') is no faster.
// `entry` names the JS function in the TypeError for a wrong argument.
std::string json_of_bytes(const emscripten::val& utf8, const std::string& options_json, const char* entry) {
  if (!utf8.instanceof(emscripten::val::global("Uint8Array")))
    emscripten::val::global("TypeError")
        .new_(emscripten::val(std::string(entry) + ": the text must be a Uint8Array"))
        .throw_();
  std::string text(utf8["length"].as<std::size_t>(), '\0');
  emscripten::val(emscripten::typed_memory_view(text.size(), reinterpret_cast<unsigned char*>(text.data())))
      .call<void>("set", utf8);
  return hezhang::analyze_to_json(text, hezhang::options_from_json(options_json));
}

emscripten::val heap_view(const std::string& json) {
  return emscripten::val(
      emscripten::typed_memory_view(json.size(), reinterpret_cast<const unsigned char*>(json.data())));
}

emscripten::val analyze_bytes(emscripten::val utf8, std::string options_json) {
  // A copy: the view dies with the JSON at the end of this statement.
  return heap_view(json_of_bytes(utf8, options_json, "analyzeBytes")).call<emscripten::val>("slice");
}

// The same into the caller's buffer. A new Uint8Array per report is the
// host's allocation, and Node's glibc heap maps and faults in every one past
// its mmap threshold (JSON of 100-250 KB): about 5% of analyzeBytes' time on
// the seeds. A script checking many reports passes one buffer for all of them
// and pays that once, as the CLI keeps its heap between reports.
emscripten::val analyze_bytes_into(emscripten::val utf8, std::string options_json, emscripten::val out) {
  if (!out.instanceof(emscripten::val::global("Uint8Array")))
    emscripten::val::global("TypeError")
        .new_(emscripten::val("analyzeBytesInto: the buffer must be a Uint8Array"))
        .throw_();
  const std::string json = json_of_bytes(utf8, options_json, "analyzeBytesInto");
  if (json.size() > out["length"].as<std::size_t>()) return heap_view(json).call<emscripten::val>("slice");
  out.call<void>("set", heap_view(json));
  return out.call<emscripten::val>("subarray", 0, json.size());
}

std::string version() { return HEZHANG_VERSION; }

}  // namespace

EMSCRIPTEN_BINDINGS(hezhang) {
  emscripten::function("analyze", &analyze);
  emscripten::function("analyzeBytes", &analyze_bytes);
  emscripten::function("analyzeBytesInto", &analyze_bytes_into);
  emscripten::function("version", &version);
}
