// The JSON writer (core/src/json.cpp) writes every string as nlohmann's
// dump(-1, ' ', false, replace) did: escapes, controls, UTF-8 of every length,
// invalid bytes (replaced, as nlohmann replaces them), and strings longer
// than the writer's block, at every offset in it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hezhang/hezhang.h"

TEST_CASE("JSON strings are written as nlohmann's dump writes them", "[unit][json]") {
  std::vector<std::string> texts = {
      "", "plain", "\"quoted\" and \\ back", std::string("\b\f\n\r\t\x01\x1f\x7f", 8), "行政运行，合计。",
      "…（）【】“三公”", "ÿ€𝄞", std::string(5000, 'a') + "\n" + std::string(3000, 'b'),
      std::string(2046, 'c'), std::string(2047, 'd') + "\"",
      // Invalid UTF-8 (never from analyze, which refuses it): truncated,
      // stray continuation, surrogate, past U+10FFFF, overlong.
      "\xe4\xb8", "x\xff", "a\xed\xa0\x80z", "\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf", "\xe4\xb8\x80\x80"};
  // Random strings over bytes that matter, of all lengths up to 3 000.
  const std::vector<std::string> alphabet = {"a", "1", " ", "\"", "\\", "\n", "\x02", "行", "（", "…",
                                             "€", "𝄞", "\xe4", "\xb8", "\xed\xa0\x80", "\xc3"};
  std::uint32_t seed = 7;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  for (int n = 0; n < 300; ++n) {
    std::string s;
    const int length = n % 10 == 0 ? static_cast<int>(next() % 1500) : static_cast<int>(next() % 20);
    for (int k = 0; k < length; ++k) s += alphabet[next() % alphabet.size()];
    texts.push_back(s);
  }
  // One report holds them all, so that they start at every offset of a block.
  hezhang::Report report;
  for (const auto& t : texts) {
    hezhang::InputMessage m;
    m.id = "test";
    m.message_zh = t;
    report.messages.push_back(m);
  }
  const std::string json = hezhang::to_json(report);
  std::size_t from = 0;
  for (const auto& t : texts) {
    const std::string want =
        "\"message_zh\":" + nlohmann::json(t).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
        ",\"message_en\"";
    const std::size_t at = json.find(want, from);
    INFO(t);
    REQUIRE(at != std::string::npos);
    from = at + want.size();
  }
}
