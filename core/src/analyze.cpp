// Temporary stub so the build can be wired up; replaced by the real pipeline.
#include "hezhang/hezhang.h"
namespace hezhang {
Options options_from_json(std::string_view, std::string*) { return {}; }
Report analyze(std::string_view text, const Options& o) { Report r; r.input.name = o.name; r.input.bytes = text.size(); return r; }
std::string to_json(const Report& r) { return "{\"schema\":\"hezhang.report/1\",\"input\":{\"name\":\"" + r.input.name + "\"}}"; }
std::string analyze_to_json(std::string_view t, const Options& o) { return to_json(analyze(t, o)); }
std::string to_text(const Report& r, std::string_view) { return r.input.name + "\n"; }
}
