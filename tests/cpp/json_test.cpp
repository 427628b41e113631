// The JSON writer (core/src/json.cpp) writes every string as nlohmann's
// dump(-1, ' ', false, replace) did: escapes, controls, UTF-8 of every length,
// invalid bytes (replaced, as nlohmann replaces them), and strings longer
// than the writer's block, at every offset in it. A report from analyze
// (Report::strings_valid_utf8) takes a faster path that looks only for bytes
// to escape: the same bytes for valid strings, and strings cut inside a
// character still replaced.
#include <catch2/catch.hpp>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace {

std::string nlohmann_dump(const std::string& t) {
  return nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// Random strings of `alphabet`'s pieces, of all lengths up to 3 000.
std::vector<std::string> random_texts(const std::vector<std::string>& alphabet) {
  std::vector<std::string> texts;
  std::uint32_t seed = 7;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  for (int n = 0; n < 300; ++n) {
    std::string s;
    const int length = n % 10 == 0 ? static_cast<int>(next() % 1500) : static_cast<int>(next() % 20);
    for (int k = 0; k < length; ++k) s += alphabet[next() % alphabet.size()];
    texts.push_back(s);
  }
  return texts;
}

// Writes `texts` as the messages of one report (so that they start at every
// offset of the writer's block) and checks each is written as nlohmann's.
void check_written_as_nlohmann(const std::vector<std::string>& texts, bool strings_valid_utf8) {
  hezhang::Report report;
  report.strings_valid_utf8 = strings_valid_utf8;
  for (const auto& t : texts) {
    hezhang::InputMessage m;
    m.id = "test";
    m.message_zh = t;
    report.messages.push_back(m);
  }
  const std::string json = hezhang::to_json(report);
  std::size_t from = 0;
  for (const auto& t : texts) {
    const std::string want = "\"message_zh\":" + nlohmann_dump(t) + ",\"message_en\"";
    const std::size_t at = json.find(want, from);
    INFO(t);
    REQUIRE(at != std::string::npos);
    from = at + want.size();
  }
}

// Characters of every UTF-8 length and every byte that is escaped.
const std::vector<std::string> kValidPieces = {"a", "1", " ", "\"", "\\", "\n", "\x02", "\x1f", "行",
                                               "（", "…", "€", "ÿ", "𝄞", "。"};

}  // namespace

TEST_CASE("JSON strings are written as nlohmann's dump writes them", "[unit][json]") {
  std::vector<std::string> texts = {
      "", "plain", "\"quoted\" and \\ back", std::string("\b\f\n\r\t\x01\x1f\x7f", 8), "行政运行，合计。",
      "…（）【】“三公”", "ÿ€𝄞", std::string(5000, 'a') + "\n" + std::string(3000, 'b'),
      std::string(2046, 'c'), std::string(2047, 'd') + "\"",
      // Invalid UTF-8 (never from analyze, which refuses it): truncated,
      // stray continuation, surrogate, past U+10FFFF, overlong.
      "\xe4\xb8", "x\xff", "a\xed\xa0\x80z", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xe4\xb8\x80\x80"};
  std::vector<std::string> alphabet = kValidPieces;
  for (const char* invalid : {"\xe4", "\xb8", "\xed\xa0\x80", "\xc3"}) alphabet.push_back(invalid);
  for (const std::string& t : random_texts(alphabet)) texts.push_back(t);
  check_written_as_nlohmann(texts, /*strings_valid_utf8=*/false);
}

TEST_CASE("a report from analyze: valid strings written as nlohmann's, escapes found at every offset",
          "[unit][json]") {
  // The fast path reads eight bytes at a time, the last few as a word that
  // overlaps, and strings of four to seven bytes as two words of four: each
  // escaped byte at each offset of strings of 1 to 20 bytes, and among
  // Chinese characters (strings of 4 to 61 bytes).
  std::vector<std::string> texts = random_texts(kValidPieces);
  for (const char* escaped : {"\"", "\\", "\n", "\x01", "\x1f"})
    for (std::size_t at = 0; at < 20; ++at) {
      for (std::size_t size = at + 1; size <= 20; ++size) texts.push_back(std::string(at, 'x') + escaped + std::string(size - at - 1, 'y'));
      std::string chinese;
      for (std::size_t k = 0; k < at; ++k) chinese += "行";
      texts.push_back(chinese + escaped + "。");
    }
  // Bytes the fast test must not take for escapes: those just past the
  // controls, past '"' and '\\', and every lead and continuation byte.
  texts.push_back(std::string(" !#$[]^_`{|}~\x7f", 15) + "行政运行");
  texts.push_back(std::string(5000, 'a') + "\n" + std::string(3000, 'b'));
  check_written_as_nlohmann(texts, /*strings_valid_utf8=*/true);
}

TEST_CASE("a report from analyze: a string cut inside a character is still replaced", "[unit][json]") {
  // The fast path checks a string's UTF-8 at its ends, where a cut inside a
  // character shows: a last character short of its bytes, a first byte that
  // is a continuation.
  const std::vector<std::string> texts = {"行政\xe8\xbf",   "行政\xe8",           "\xbf\x90行政",     "\x90",
                                          "abc\xf0\x9d\x84", "\xe8\xbf\x90\x80", "\x84\x9e" "abc\"", "x\xc3"};
  check_written_as_nlohmann(texts, /*strings_valid_utf8=*/true);
}

TEST_CASE("analyze marks its strings valid; the caller's file name is checked all the same", "[unit][json]") {
  hezhang::Options options;
  // 部门 in GBK between ASCII, as a file name from a Windows disk may be:
  // whole characters at both ends, invalid inside.
  options.name = "2024\xb2\xbf\xc3\xc5.txt";
  const hezhang::Report report = hezhang::analyze("一、部门职责\n本部门主要职责是。\n", options);
  CHECK(report.strings_valid_utf8);
  const std::string json = hezhang::to_json(report);
  CHECK(json.find("\"name\":" + nlohmann_dump(options.name) + ",") != std::string::npos);
  CHECK_FALSE(nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false).is_discarded());
}

TEST_CASE("integers are written as std::to_chars writes them, at each length's edges", "[unit][json]") {
  // Those below 100 000 are written two digits at a time, the rest by to_chars.
  const std::vector<int> lines = {0,    1,     9,     10,    11,     99,     100,     101,      999,       1000,
                                  1001, 9999,  10000, 10001, 99999,  100000, 100001,  -1,       -10,       -99999,
                                  -100000, 2147483647, -2147483647 - 1, 54321, 12345};
  hezhang::Report report;
  for (int line : lines) {
    hezhang::InputMessage m;
    m.line = line;
    report.messages.push_back(m);
  }
  report.input.bytes = 99999;
  const std::string json = hezhang::to_json(report);
  std::size_t from = 0;
  for (int line : lines) {
    const std::string want = "\"line\":" + std::to_string(line) + ",";
    const std::size_t at = json.find(want, from);
    INFO(line);
    REQUIRE(at != std::string::npos);
    from = at + want.size();
  }
  CHECK(json.find("\"bytes\":99999,") != std::string::npos);
  report.input.bytes = 18446744073709551615u;
  CHECK(hezhang::to_json(report).find("\"bytes\":18446744073709551615,") != std::string::npos);
}
