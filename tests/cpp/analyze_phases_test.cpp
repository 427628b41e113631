// analyze_marked(): the marks bench/harness.cpp times the phases of an
// analysis by. Each phase ends once, in pipeline order, and the report is
// analyze()'s; refused input ends none after the one that refuses it.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "internal.h"
#include "seed_tests_support.h"

namespace {

std::vector<std::string> phases_of(std::string_view text, hezhang::Report* report = nullptr) {
  std::vector<std::string> phases;
  hezhang::Report r = hezhang::analyze_marked(
      text, hezhang::Options(),
      [](void* context, const char* phase) { static_cast<std::vector<std::string>*>(context)->push_back(phase); },
      &phases);
  if (report) *report = std::move(r);
  return phases;
}

}  // namespace

TEST_CASE("analyze_marked ends each phase once, in order, and reports what analyze reports", "[unit][analyze]") {
  const std::string& text = seed::fixture_text("003_7723f8960340c19d.txt");
  hezhang::Report marked;
  CHECK(phases_of(text, &marked) ==
        std::vector<std::string>{"input", "lines", "tables", "sections", "claims", "link", "rules"});
  CHECK(hezhang::to_json(marked) == hezhang::to_json(hezhang::analyze(text, hezhang::Options())));
  // A report pasted twice is read again up to its second copy: still one end per phase.
  CHECK(phases_of(text + "\n" + text).size() == 7);
}

TEST_CASE("analyze_marked ends no phase past the one that refuses the input", "[unit][analyze]") {
  CHECK(phases_of(std::string("\x00\x01\x02 binary", 10)).empty());
  // Invalid UTF-8 is found as the lines are read: refused there.
  CHECK(phases_of("\xff\xfe not UTF-8") == std::vector<std::string>{"input"});
  // Empty input passes the checks and is split into lines, then refused.
  CHECK(phases_of("") == std::vector<std::string>{"input", "lines"});
}
