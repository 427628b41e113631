// Bad input through the public API: every refusal is a message with a stable
// id inside a valid report, never an exception or a crash.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hezhang/hezhang.h"
#include "input_test_support.h"

namespace {

std::string read_input(const std::string& name) {
  std::string path = std::string(HEZHANG_SOURCE_DIR) + "/tests/inputs/" + name;
  std::ifstream in(path, std::ios::binary);
  INFO("reading " << path);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

using input_test::find_message;
using input_test::ids;

// The JSON contract holds for bad input too.
nlohmann::json checked_json(std::string_view text, const hezhang::Options& options) {
  std::string out = hezhang::analyze_to_json(text, options);
  auto j = nlohmann::json::parse(out, nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(j.is_discarded());
  REQUIRE(j.is_object());
  CHECK(j["schema"] == "hezhang.report/1");
  for (const char* key : {"schema", "input", "messages", "tables", "findings", "checks", "summary"}) {
    INFO("key " << key);
    CHECK(j.contains(key));
  }
  CHECK(j["tables"].is_array());
  CHECK(j["findings"].is_array());
  CHECK(j["checks"].is_array());
  CHECK(j["summary"].is_object());
  return j;
}

// Analyzes and checks: exactly one error, with this id (and line when > 0).
void expect_refused(std::string_view text, const std::string& id, int line = 0,
                    hezhang::Options options = {}) {
  hezhang::Report r = hezhang::analyze(text, options);
  INFO("messages: " << ids(r));
  REQUIRE(r.messages.size() == 1);
  CHECK(r.messages[0].id == id);
  CHECK(r.messages[0].severity == "error");
  CHECK(r.messages[0].line == line);
  CHECK_FALSE(r.messages[0].message_zh.empty());
  CHECK_FALSE(r.messages[0].message_en.empty());
  CHECK(r.tables.empty());
  CHECK(r.sections.empty());
  CHECK(r.findings.empty());

  nlohmann::json j = checked_json(text, options);
  REQUIRE(j["messages"].size() == 1);
  CHECK(j["messages"][0]["id"] == id);
  CHECK(j["messages"][0]["line"] == line);
  CHECK(j["tables"].empty());
}

const char* kSmallReport =
    "2022年度测试局部门决算\n"
    "\n"
    "支出决算表\n"
    "公开03表\n"
    "金额单位：万元\n"
    "项目\t\t本年支出合计\t基本支出\t项目支出\n"
    "功能分类科目编码\t科目名称\t\t\t\n"
    "合计\t\t10.00\t10.00\t\n"
    "201\t一般公共服务支出\t10.00\t10.00\t\n"
    "\n"
    "一、部门概况\n"
    "本部门负责测试工作。\n";

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
    s.replace(p, from.size(), to);
  return s;
}

}  // namespace

TEST_CASE("empty input is refused", "[unit][bad_input]") {
  expect_refused("", "input.empty");
  expect_refused(read_input("bad_empty.txt"), "input.empty");
}

TEST_CASE("whitespace-only input is refused as empty", "[unit][bad_input]") {
  expect_refused("   \n\t\n\n", "input.empty");
  // Spaces, tabs, an ideographic space, NBSP, CRLF.
  expect_refused(read_input("bad_whitespace.txt"), "input.empty");
  // A BOM alone is empty too.
  expect_refused("\xEF\xBB\xBF", "input.empty");
  expect_refused("\xEF\xBB\xBF\n\n", "input.empty");
}

TEST_CASE("NUL bytes and binary data are refused", "[unit][bad_input]") {
  expect_refused(std::string("2022年度部门决算\n\0\0\0", 26), "input.binary");
  expect_refused(std::string(1, '\0'), "input.binary");

  // A PNG-like header followed by pseudo-random bytes.
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
  unsigned state = 12345;
  for (int k = 0; k < 4096; ++k) {
    state = state * 1103515245u + 12345u;
    png += static_cast<char>((state >> 16) & 0xFF);
  }
  expect_refused(png, "input.binary");

  // No NUL, but many control characters.
  std::string controls;
  for (int k = 0; k < 200; ++k) controls += static_cast<char>(1 + k % 8);
  expect_refused(controls, "input.binary");
}

// UTF-16 (Windows' "Unicode" text) is told apart from binary data, with or
// without its byte-order mark, so that the message says to save it as
// UTF-8. U+4E00 (一) puts a NUL in the other half of the bytes too.
TEST_CASE("UTF-16 text is refused as UTF-16, not as binary", "[unit][bad_input]") {
  const std::u16string text = u"2022年度部门决算\n一、收入支出决算总表\n项目\t金额\n一般公共预算财政拨款收入\t100.00\n";
  auto bytes = [&](bool little_endian, bool bom) {
    std::string out;
    if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t unit : text) {
      const char low = static_cast<char>(unit & 0xFF), high = static_cast<char>(unit >> 8);
      out += little_endian ? low : high;
      out += little_endian ? high : low;
    }
    return out;
  };
  for (bool little_endian : {true, false})
    for (bool bom : {true, false}) {
      INFO((little_endian ? "UTF-16LE" : "UTF-16BE") << (bom ? " with" : " without") << " a byte-order mark");
      expect_refused(bytes(little_endian, bom), "input.utf16");
      hezhang::Report r = hezhang::analyze(bytes(little_endian, bom), {});
      REQUIRE(r.messages.size() == 1);
      CHECK(r.messages[0].message_zh.find("UTF-8") != std::string::npos);
      CHECK(r.messages[0].message_en.find("Save it as UTF-8") != std::string::npos);
    }
  // NULs mostly in one half of the bytes (at least 8, four times those in
  // the other) are UTF-16's; fewer, or spread over both halves, are binary.
  auto nuls = [](int even, int odd) {
    std::string data(400, 'a');
    for (int k = 0; k < even; ++k) data[static_cast<std::size_t>(2 * k * 10)] = '\0';
    for (int k = 0; k < odd; ++k) data[static_cast<std::size_t>(2 * k * 10 + 201)] = '\0';
    return data;
  };
  expect_refused(nuls(8, 0), "input.utf16");
  expect_refused(nuls(8, 2), "input.utf16");
  expect_refused(nuls(8, 3), "input.binary");
  expect_refused(nuls(7, 0), "input.binary");
}

TEST_CASE("control bytes are counted wherever they fall", "[unit][bad_input]") {
  // The binary test reads eight bytes at a time: put the control bytes at
  // odd offsets, in the last few bytes too, and sit on the threshold (more
  // than 16, and more than 1% of the text). Tabs, line ends and form feeds
  // are text, never counted.
  auto text_with = [](int controls) {
    std::string text(1500, 'a');
    for (int k = 0; k < controls; ++k) text[static_cast<std::size_t>(k * 89 + k % 7)] = '\x01';
    text += "\t\n\r\f\x02";  // 1505 bytes: the last one outside any whole eight
    return text;
  };
  expect_refused(text_with(16), "input.binary");  // 16 + the last byte = 17 of 1505
  hezhang::Report r = hezhang::analyze(text_with(15), {});  // 16: not binary
  for (const auto& m : r.messages) CHECK(m.id != "input.binary");
  std::string spaced(1500, 'a');  // tabs and line ends only: text
  for (std::size_t k = 0; k < spaced.size(); k += 3) spaced[k] = k % 2 ? '\t' : '\n';
  hezhang::Report plain = hezhang::analyze(spaced, {});
  for (const auto& m : plain.messages) CHECK(m.id != "input.binary");
  // One NUL anywhere in a report's text, at each offset in its eight bytes
  // and in the last few, is binary on its own (no other control byte).
  const std::string report = read_input("../fixtures/002_dc4432bf91a26f7a.txt");
  REQUIRE(report.size() > 1000);
  for (std::size_t at : {std::size_t{0}, std::size_t{1}, std::size_t{640}, std::size_t{643}, std::size_t{647},
                         report.size() - 3, report.size() - 1}) {
    std::string with_nul = report;
    with_nul[at] = '\0';
    INFO("NUL at " << at);
    expect_refused(with_nul, "input.binary");
  }
  // 2^24 NULs: weighed 2^40 each (analyze.cpp), their sum would wrap to 0.
  expect_refused(std::string(std::size_t{1} << 24, '\0'), "input.binary");
}

TEST_CASE("invalid UTF-8 is refused with its line", "[unit][bad_input]") {
  expect_refused(read_input("bad_invalid_utf8.txt"), "input.invalid_utf8", 3);
  expect_refused(read_input("bad_overlong_utf8.txt"), "input.invalid_utf8", 1);
  expect_refused(read_input("bad_surrogate_utf8.txt"), "input.invalid_utf8", 2);
  expect_refused(read_input("bad_truncated_utf8.txt"), "input.invalid_utf8", 2);
  expect_refused("a\nb\nc\n\xF5\x80\x80\x80", "input.invalid_utf8", 4);  // past U+10FFFF
  // A web page's style block is blanked before the lines are read, but not
  // one holding an invalid byte: that is still reported, on its line.
  expect_refused("<html><head>\n<style>\n/* \xC3\x28 */\n</style>\n</head>\n", "input.invalid_utf8", 3);
  // Nor is a table row over several lines gathered onto one when it holds one.
  expect_refused("<table><tr>\n<td>a</td>\n<td>\xC3\x28</td>\n</tr></table>\n", "input.invalid_utf8", 3);
  expect_refused("\xC3", "input.invalid_utf8", 1);
}

TEST_CASE("utf8_checked: a caller's own check stands in for analyze()'s, and JSON options cannot set it",
          "[unit][bad_input]") {
  // The CLI sets it for text it has validated: the report is the same as
  // analyze()'s own check gives.
  const std::string text = "2022年度测试局部门决算\n一、部门概况\n本部门负责测试，基本支出 12.50 万元。\n";
  REQUIRE(hezhang::is_valid_utf8(text));
  hezhang::Options checked;
  checked.utf8_checked = true;
  CHECK(hezhang::analyze_to_json(text, checked) == hezhang::analyze_to_json(text, {}));
  // It skips that check (so only a caller that has checked may set it)...
  hezhang::Report skipped = hezhang::analyze("a\n\xFF\n", checked);
  for (const auto& m : skipped.messages) CHECK(m.id != "input.invalid_utf8");
  // (a byte such a caller missed becomes U+FFFD: the report stays valid UTF-8)
  CHECK(hezhang::is_valid_utf8(hezhang::to_json(skipped)));
  // ...and a page or script cannot turn it on.
  CHECK_FALSE(hezhang::options_from_json(R"({"utf8_checked":true})").utf8_checked);
  expect_refused("a\n\xFF\n", "input.invalid_utf8", 2);
}

TEST_CASE("invalid UTF-8 on or after a line too long is refused alone", "[unit][bad_input]") {
  // The check is made as lines are read: a skipped line is checked too, and
  // the warnings about lines before the invalid one are not kept.
  hezhang::Options options;
  options.limits.max_line_bytes = 50;
  expect_refused(std::string(60, 'a') + "\n\xff\n", "input.invalid_utf8", 2, options);
  expect_refused("ok\n" + std::string(60, 'a') + "\xff", "input.invalid_utf8", 2, options);
}

TEST_CASE("invalid UTF-8 after CRLF line endings keeps its line", "[unit][bad_input]") {
  expect_refused("a\r\nb\r\n\xFF", "input.invalid_utf8", 3);
}

TEST_CASE("invalid UTF-8 after lone CR line endings keeps its line", "[unit][bad_input]") {
  // analyze() splits lines on \n, \r\n and a lone \r, and counts the line
  // of the invalid byte the same way: line 3, not 1.
  expect_refused("a\rb\r\xFF", "input.invalid_utf8", 3);
}

TEST_CASE("GB18030 bytes passed as UTF-8 are refused as invalid UTF-8", "[unit][bad_input]") {
  // Line 1 is "2022" (ASCII), line 2 Chinese text encoded in GB18030.
  expect_refused(read_input("bad_gb18030.txt"), "input.invalid_utf8", 2);
}

TEST_CASE("input over the size limit is refused", "[unit][bad_input]") {
  hezhang::Options small;
  small.limits.max_input_bytes = 1000;
  std::string over(1001, 'a');
  expect_refused(over, "input.too_large", 0, small);
  hezhang::Report r = hezhang::analyze(over, small);
  CHECK(r.input.bytes == 1001);
  CHECK(r.input.lines == 0);  // stopped before splitting lines

  // Exactly at the limit is accepted.
  std::string at = "一、部门概况\n" + std::string(1000 - 20, 'b') + "\n";
  REQUIRE(at.size() == 1000);
  hezhang::Report ok = hezhang::analyze(at, small);
  INFO(ids(ok));
  CHECK(find_message(ok, "input.too_large") == nullptr);
  CHECK(ok.input.lines == 2);

  // The size check comes first: binary over the limit is "too large".
  std::string binary_over(2000, '\0');
  expect_refused(binary_over, "input.too_large", 0, small);
}

TEST_CASE("a 50 MB input stops at the default 20 MB size check", "[unit][bad_input]") {
  hezhang::Options defaults;
  REQUIRE(defaults.limits.max_input_bytes == 20u * 1024u * 1024u);
  const std::string line = "201\t一般公共服务支出\t3640931.06\t2993231.58\t647699.48\n";
  std::string big;
  big.reserve(50u * 1024u * 1024u + line.size());
  while (big.size() < 50u * 1024u * 1024u) big += line;
  hezhang::Report r = hezhang::analyze(big, defaults);
  INFO(ids(r));
  REQUIRE(r.messages.size() == 1);
  // Both messages name the size and the limit: "50.0 MB" and "20.0 MB".
  CHECK(r.messages[0].message_zh.find("50.0 MB") != std::string::npos);
  CHECK(r.messages[0].message_en.find("20.0 MB") != std::string::npos);
  CHECK(r.messages[0].id == "input.too_large");
  CHECK(r.input.lines == 0);
  CHECK(r.tables.empty());
  CHECK(r.input.bytes == big.size());
}

TEST_CASE("a 1 MB single line is analysed without a crash", "[unit][bad_input]") {
  std::string text = "2022年度测试局部门决算\n";
  std::string prose;
  while (prose.size() < 1024u * 1024u) prose += "本部门认真贯彻落实预算管理要求，";
  text += prose + "。\n一、部门概况\n";
  hezhang::Report r = hezhang::analyze(text, hezhang::Options{});
  INFO(ids(r));
  CHECK(r.input.lines == 3);
  for (const auto& m : r.messages) CHECK(m.severity != "error");
  CHECK(find_message(r, "input.line_too_long") == nullptr);
  checked_json(text, hezhang::Options{});

  // The same with no final newline and no other line.
  hezhang::Report one = hezhang::analyze(prose, hezhang::Options{});
  CHECK(one.input.lines == 1);
  for (const auto& m : one.messages) CHECK(m.severity != "error");
}

TEST_CASE("a line over max_line_bytes is skipped with a warning", "[unit][bad_input]") {
  hezhang::Options o;
  o.limits.max_line_bytes = 100;
  std::string text = "一、部门概况\n" + std::string(200, 'x') + "\n本部门负责测试工作。\n";
  hezhang::Report r = hezhang::analyze(text, o);
  INFO(ids(r));
  const auto* m = find_message(r, "input.line_too_long");
  REQUIRE(m != nullptr);
  CHECK(m->severity == "warning");
  CHECK(m->line == 2);
  CHECK(r.input.lines == 3);
  // The skipped line's content appears nowhere.
  std::string json = hezhang::analyze_to_json(text, o);
  CHECK(json.find(std::string(200, 'x')) == std::string::npos);
  CHECK(json.find("本部门负责测试工作") != std::string::npos);
  checked_json(text, o);
}

TEST_CASE("prose with no tables is a valid report with a warning", "[unit][bad_input]") {
  const char* text =
      "2022年度测试局部门决算\n"
      "\n"
      "一、部门概况\n"
      "本部门负责全市测试工作。\n"
      "二、收入支出决算总体情况说明\n"
      "2022年度收入总计100.00万元。\n";
  hezhang::Report r = hezhang::analyze(text, hezhang::Options{});
  INFO(ids(r));
  const auto* m = find_message(r, "input.no_tables");
  REQUIRE(m != nullptr);
  CHECK(m->severity == "warning");
  CHECK(r.tables.empty());
  CHECK_FALSE(r.sections.empty());
  CHECK(r.input.lines == 6);
  CHECK(r.document.kind == "final_accounts");
  CHECK(r.document.year == 2022);
  for (const auto& msg : r.messages) CHECK(msg.severity != "error");

  nlohmann::json j = checked_json(text, hezhang::Options{});
  CHECK_FALSE(j["sections"].empty());
  bool warned = false;
  for (const auto& msg : j["messages"]) warned = warned || msg["id"] == "input.no_tables";
  CHECK(warned);
}

TEST_CASE("CRLF and lone CR line endings give the same line numbers as LF", "[unit][bad_input]") {
  std::string lf = kSmallReport;
  std::string crlf = replace_all(lf, "\n", "\r\n");
  std::string cr = replace_all(lf, "\n", "\r");
  hezhang::Options o;
  auto a = nlohmann::json::parse(hezhang::analyze_to_json(lf, o));
  auto b = nlohmann::json::parse(hezhang::analyze_to_json(crlf, o));
  auto c = nlohmann::json::parse(hezhang::analyze_to_json(cr, o));
  CHECK(a["input"]["lines"] == 12);
  CHECK(b["input"]["lines"] == 12);
  CHECK(c["input"]["lines"] == 12);
  REQUIRE(a["tables"].size() == 1);
  CHECK(a["tables"][0]["lines"][1] == 9);
  REQUIRE(a["tables"][0]["rows"].size() == 2);
  CHECK(a["tables"][0]["rows"][0]["line"] == 8);
  CHECK(a["tables"][0]["rows"][1]["line"] == 9);
  CHECK(a["tables"][0]["unit_line"] == 5);
  // Everything but the byte count is identical.
  for (const char* key : {"tables", "sections", "messages", "findings", "checks", "document"}) {
    INFO("key " << key);
    CHECK(a[key] == b[key]);
    CHECK(a[key] == c[key]);
  }
  // Mixed endings too.
  std::string mixed = "2022年度测试局部门决算\r\n\r支出决算表\n" + lf.substr(lf.find("公开03表"));
  auto d = nlohmann::json::parse(hezhang::analyze_to_json(mixed, o));
  CHECK(d["tables"] == a["tables"]);
}

TEST_CASE("a cover line above a table is not its first line", "[unit][bad_input]") {
  // model.h: Table::first_line is the "title line (or first row when
  // untitled)". The caption walk-back also takes the cover line 1.
  hezhang::Report r = hezhang::analyze(kSmallReport, hezhang::Options{});
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].title == "支出决算表");
  CHECK(r.tables[0].first_line == 3);
}

TEST_CASE("options_from_json: malformed JSON gives defaults and an error", "[unit][bad_input]") {
  hezhang::Options defaults;
  for (const char* bad : {"{not json", "[1,2,3]", "\"name\"", "{\"name\": }", "42"}) {
    INFO(bad);
    std::string error;
    hezhang::Options o = hezhang::options_from_json(bad, &error);
    CHECK_FALSE(error.empty());
    CHECK(o.name == defaults.name);
    CHECK(o.encoding == defaults.encoding);
    CHECK(o.limits.max_input_bytes == defaults.limits.max_input_bytes);
    CHECK(o.limits.max_line_bytes == defaults.limits.max_line_bytes);
  }
  // No error pointer: still no throw.
  CHECK(hezhang::options_from_json("{oops").name == defaults.name);

  std::string error;
  hezhang::Options o = hezhang::options_from_json(
      R"({"name":"r.txt","encoding":"gb18030","max_input_bytes":1000,"unknown":1})", &error);
  CHECK(error.empty());
  CHECK(o.name == "r.txt");
  CHECK(o.encoding == "gb18030");
  CHECK(o.limits.max_input_bytes == 1000);
  CHECK(o.limits.max_line_bytes == defaults.limits.max_line_bytes);

  // Wrong types are ignored, not fatal.
  std::string error2;
  hezhang::Options w = hezhang::options_from_json(R"({"name":5,"max_input_bytes":"big"})", &error2);
  CHECK(w.name == defaults.name);
  CHECK(w.limits.max_input_bytes == defaults.limits.max_input_bytes);
}
