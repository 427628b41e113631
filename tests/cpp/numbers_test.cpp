// Reading figures out of table cells (core/src/numbers.cpp).
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <string>
#include <vector>

#include "internal.h"

using hezhang::CellKind;
using hezhang::parse_cell_number;

namespace {

std::string value_of(const hezhang::ParsedNumber& p) {
  return p.value ? p.value->to_string() : std::string("<none>");
}

// A cell as the pipeline sees it: normalize_line first, then the number.
hezhang::ParsedNumber parse_normalized(const std::string& raw) {
  std::vector<hezhang::Line> out;
  hezhang::normalize_line(raw, 1, out);
  REQUIRE(out.size() == 1);
  return parse_cell_number(out[0].text);
}

}  // namespace

TEST_CASE("parse_cell_number reads thousands separators", "[unit][numbers]") {
  auto a = parse_cell_number("1,802.64");
  CHECK(a.kind == CellKind::Amount);
  CHECK(value_of(a) == "1802.64");
  CHECK(a.value->scale == 2);

  auto b = parse_cell_number("1,802");
  CHECK(b.kind == CellKind::Amount);
  CHECK(value_of(b) == "1802");

  auto c = parse_cell_number("1,234,567.89");
  CHECK(c.kind == CellKind::Amount);
  CHECK(value_of(c) == "1234567.89");
  // Longer than a std::string holds inline: the digits are copied to the heap.
  auto e = parse_cell_number("1,234,567,890,123.45");
  CHECK(e.kind == CellKind::Amount);
  CHECK(value_of(e) == "1234567890123.45");

  // A comma that is not a thousands separator makes the cell text.
  auto d = parse_cell_number("12,34");
  CHECK(d.kind == CellKind::Text);
  CHECK_FALSE(d.value.has_value());
  CHECK(parse_cell_number(",123").kind == CellKind::Text);
  CHECK(parse_cell_number("1,2345").kind == CellKind::Text);
  CHECK(parse_cell_number("1,").kind == CellKind::Text);
}

TEST_CASE("parse_cell_number reads negatives", "[unit][numbers]") {
  auto a = parse_cell_number("-12.5");
  CHECK(a.kind == CellKind::Amount);
  CHECK(value_of(a) == "-12.5");

  // U+2212 MINUS SIGN is turned into '-' by normalize_line.
  auto b = parse_normalized("\xE2\x88\x92" "12.5");
  CHECK(b.kind == CellKind::Amount);
  CHECK(value_of(b) == "-12.5");
  // Full-width hyphen-minus too.
  auto b2 = parse_normalized("\xEF\xBC\x8D" "12.5");
  CHECK(b2.kind == CellKind::Amount);
  CHECK(value_of(b2) == "-12.5");

  // Accounting brackets, ASCII and full-width.
  auto c = parse_cell_number("(12.5)");
  CHECK(c.kind == CellKind::Amount);
  CHECK(value_of(c) == "-12.5");
  auto d = parse_cell_number("（12.5）");
  CHECK(d.kind == CellKind::Amount);
  CHECK(value_of(d) == "-12.5");
  auto e = parse_normalized("（12.5）");
  CHECK(e.kind == CellKind::Amount);
  CHECK(value_of(e) == "-12.5");
  auto f = parse_cell_number("(1,802.64)");
  CHECK(f.kind == CellKind::Amount);
  CHECK(value_of(f) == "-1802.64");

  // A minus inside accounting brackets is not a number.
  CHECK(parse_cell_number("(-12.5)").kind == CellKind::Text);
  CHECK(parse_cell_number("()").kind == CellKind::Text);
}

TEST_CASE("parse_cell_number reads percentages", "[unit][numbers]") {
  auto a = parse_cell_number("99.97%");
  CHECK(a.kind == CellKind::Percent);
  CHECK(value_of(a) == "99.97");
  auto b = parse_cell_number("-3.5%");
  CHECK(b.kind == CellKind::Percent);
  CHECK(value_of(b) == "-3.5");
  auto c = parse_normalized("１００％");
  CHECK(c.kind == CellKind::Percent);
  CHECK(value_of(c) == "100");
  CHECK(parse_cell_number("%").kind == CellKind::Text);
}

TEST_CASE("parse_cell_number recognises placeholders and empty cells", "[unit][numbers]") {
  for (const char* p : {"——", "-", "/", "—", "--", "…", "*"}) {
    INFO("placeholder: " << p);
    auto r = parse_cell_number(p);
    CHECK(r.kind == CellKind::Placeholder);
    CHECK_FALSE(r.value.has_value());
  }
  CHECK(parse_cell_number("").kind == CellKind::Empty);
  CHECK(parse_cell_number("   ").kind == CellKind::Empty);
  CHECK_FALSE(parse_cell_number("").value.has_value());
}

TEST_CASE("parse_cell_number keeps the printed scale and refuses text", "[unit][numbers]") {
  auto a = parse_cell_number("32.00");
  CHECK(a.kind == CellKind::Amount);
  CHECK(value_of(a) == "32.00");
  CHECK(a.value->scale == 2);

  auto z = parse_cell_number("0");
  CHECK(z.kind == CellKind::Amount);
  CHECK(value_of(z) == "0");

  CHECK(parse_cell_number("abc").kind == CellKind::Text);
  CHECK_FALSE(parse_cell_number("abc").value.has_value());
  CHECK(parse_cell_number("12abc").kind == CellKind::Text);
  CHECK(parse_cell_number("合计").kind == CellKind::Text);
  CHECK(parse_cell_number("12.").kind == CellKind::Text);
  CHECK(parse_cell_number("1.2.3").kind == CellKind::Text);
  CHECK(parse_cell_number("2020年").kind == CellKind::Text);
}

TEST_CASE("parse_cell_number: plain figures read at once equal the same figures read step by step",
          "[unit][numbers]") {
  // Each plain figure (read whole by Decimal::parse) beside a form of it
  // that goes through the other steps (spaces, separators, brackets).
  const std::pair<const char*, const char*> kSame[] = {
      {"+5", " + 5"}, {"-5", "(5)"}, {"-0.00", "（0.00）"}, {".5", " .5"}, {"007", "0 07"},
      {"-1802.64", "(1,802.64)"}, {"1234567.89", "1,234,567.89"}};
  for (const auto& [plain, stepped] : kSame) {
    INFO(plain << " / " << stepped);
    // The plain figure itself after a space takes the steps too.
    const auto a = parse_cell_number(plain), b = parse_cell_number(stepped),
               c = parse_cell_number(std::string(" ") + plain);
    CHECK(a.kind == CellKind::Amount);
    CHECK(b.kind == CellKind::Amount);
    CHECK(c.kind == CellKind::Amount);
    CHECK(value_of(a) == value_of(b));
    CHECK(value_of(a) == value_of(c));
    CHECK(a.value->scale == b.value->scale);
    CHECK(a.value->scale == c.value->scale);
  }
  CHECK(value_of(parse_cell_number("+5")) == "5");
  CHECK(value_of(parse_cell_number("-0.00")) == "0.00");
  CHECK(value_of(parse_cell_number(".5")) == "0.5");
  // A sign alone is a placeholder, not a figure.
  CHECK(parse_cell_number("-").kind == CellKind::Placeholder);
  CHECK(parse_cell_number("+").kind == CellKind::Text);
}

TEST_CASE("parse_cell_number never wraps or crashes on huge digit runs", "[unit][numbers]") {
  std::string huge(10000, '9');
  auto a = parse_cell_number(huge);
  CHECK(a.kind == CellKind::Text);
  CHECK_FALSE(a.value.has_value());

  std::string huge_decimal = std::string(5000, '1') + "." + std::string(5000, '2');
  CHECK(parse_cell_number(huge_decimal).kind == CellKind::Text);

  std::string huge_negative = "-" + huge;
  CHECK(parse_cell_number(huge_negative).kind == CellKind::Text);

  // 19 digits: just past what a Decimal holds exactly.
  CHECK(parse_cell_number("1234567890123456789").kind == CellKind::Text);
  auto ok = parse_cell_number("123,456,789,012,345,678");
  CHECK(ok.kind == CellKind::Amount);
  CHECK(value_of(ok) == "123456789012345678");
}

TEST_CASE("unit_power maps money units to powers of ten", "[unit][numbers]") {
  CHECK(hezhang::unit_power("元") == 0);
  CHECK(hezhang::unit_power("千元") == 3);
  CHECK(hezhang::unit_power("万元") == 4);
  CHECK(hezhang::unit_power("亿元") == 8);
  CHECK_FALSE(hezhang::unit_power("美元").has_value());
  CHECK_FALSE(hezhang::unit_power("").has_value());
  CHECK_FALSE(hezhang::unit_power("万").has_value());
}

// next_prose_number is the figure pattern of the prose written by hand (it
// runs on every sentence). This proves it reads exactly what RE2 reads with
// the same pattern: every match's start, number, unit and end, on hand-made
// edge cases and on random strings over the characters that matter.
TEST_CASE("next_prose_number reads what the RE2 figure pattern reads", "[unit][numbers]") {
  const RE2 pattern(hezhang::kProseNumberPattern);
  REQUIRE(pattern.ok());
  auto by_re2 = [&](const std::string& s) {
    std::vector<std::string> out;
    re2::StringPiece in(s), num, unit;
    while (RE2::FindAndConsume(&in, pattern, &num, &unit))
      out.push_back(std::to_string(num.data() - s.data()) + ":" + std::string(num) + "|" + std::string(unit) +
                    "@" + std::to_string(in.data() - s.data()));
    return out;
  };
  auto by_hand = [](const std::string& s) {
    std::vector<std::string> out;
    hezhang::ProseNumber t;
    for (std::size_t from = 0; hezhang::next_prose_number(s, from, t); from = t.match_end)
      out.push_back(std::to_string(t.begin) + ":" + s.substr(t.begin, t.end - t.begin) + "|" +
                    s.substr(t.unit_begin, t.unit_end - t.unit_begin) + "@" + std::to_string(t.match_end));
    return out;
  };
  const std::vector<std::string> cases = {
      "", "元", "1", "12.5万元", "1,234,567.89 元", "1234,567", "1,2345", "12,34", "1,234.", "1,234.5.6",
      "99.97%", "3 个，5辆、7人次和8人", "2台(套) 3台（套）", "4,000,000亿元", "0.5 \t万元", "1.", ".5",
      "合计274,608.00、12.00。", "1,234,", "123,456,78", "2022-03", "1\n元", "1\v元", "十2人"};
  for (const auto& s : cases) {
    INFO(s);
    CHECK(by_hand(s) == by_re2(s));
  }
  // Random strings over digits, separators, spaces and unit characters.
  const std::vector<std::string> alphabet = {"0", "1", "9", ",", ".", " ", "\t", "元", "万", "亿", "%", "个",
                                             "辆", "人", "次", "批", "台", "(", "套", ")", "（", "）", "a", "、"};
  std::uint32_t seed = 12345;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  int compared = 0;
  for (int n = 0; n < 3000; ++n) {
    std::string s;
    for (int k = static_cast<int>(next() % 24); k-- > 0;) s += alphabet[next() % alphabet.size()];
    auto hand = by_hand(s);
    INFO(s);
    REQUIRE(hand == by_re2(s));
    compared += static_cast<int>(hand.size());
  }
  CHECK(compared > 3000);  // the random strings did contain figures

  // Long prose with few digits, which the scan skips eight bytes at a time:
  // digits at every offset, beside the bytes just outside '0'..'9' ('/' and
  // ':') and UTF-8 bytes.
  const std::vector<std::string> prose = {"/", ":", "元", "年", "度", "支", "出", " ", "a", "，", "。", "°"};
  int sparse = 0;
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    for (int k = static_cast<int>(next() % 80); k-- > 0;)
      s += next() % 20 == 0 ? std::string(1, static_cast<char>('0' + next() % 10)) : prose[next() % prose.size()];
    auto hand = by_hand(s);
    INFO(s);
    REQUIRE(hand == by_re2(s));
    sparse += static_cast<int>(hand.size());
  }
  CHECK(sparse > 1000);
}
