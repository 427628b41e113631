// Formulas printed under tables (core/src/formulas.cpp).
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "internal.h"

using hezhang::Formula;
using hezhang::parse_formulas;

namespace {

// Terms as signed indexes (+n / -n), like the JSON contract.
std::vector<int> signed_terms(const Formula& f) {
  std::vector<int> out;
  for (const auto& t : f.terms) out.push_back(t.sign * t.index);
  return out;
}

std::vector<int> range(int from, int to) {
  std::vector<int> out;
  for (int k = from; k <= to; ++k) out.push_back(k);
  return out;
}

std::string normalized(const std::string& raw) {
  std::vector<hezhang::Line> out;
  hezhang::normalize_line(raw, 1, out);
  REQUIRE(out.size() == 1);
  return out[0].text;
}

}  // namespace

TEST_CASE("row formula with an explicit sum", "[unit][formulas]") {
  auto fs = parse_formulas("27 行 = (1+2+3+4+5+6+7+8) 行", 122);
  REQUIRE(fs.size() == 1);
  const Formula& f = fs[0];
  CHECK(f.line == 122);
  CHECK(f.axis == "row");
  CHECK_FALSE(f.each_row);
  CHECK(f.target == 27);
  CHECK(signed_terms(f) == range(1, 8));
  CHECK(f.text == "27 行 = (1+2+3+4+5+6+7+8) 行");
}

TEST_CASE("two row formulas on one printed line", "[unit][formulas]") {
  auto fs = parse_formulas("27 行 = (1+2+3+4+5+6+7+8) 行；30 行 = (27+28+29) 行；", 5);
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].target == 27);
  CHECK(fs[1].target == 30);
  CHECK(signed_terms(fs[1]) == std::vector<int>{27, 28, 29});
  CHECK(fs[1].line == 5);
  CHECK(fs[1].axis == "row");
}

TEST_CASE("ranges with dots or an ellipsis are expanded", "[unit][formulas]") {
  auto fs = parse_formulas("57 行 = (31+32+...+56) 行", 1);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].target == 57);
  CHECK(fs[0].terms.size() == 26);
  CHECK(signed_terms(fs[0]) == range(31, 56));

  auto gs = parse_formulas("57 行 = (31+32+…+56) 行", 1);
  REQUIRE(gs.size() == 1);
  CHECK(signed_terms(gs[0]) == range(31, 56));

  auto hs = parse_formulas("57行 = (33+34+...+58)行；64行 = (59+60)行。", 1);
  REQUIRE(hs.size() == 2);
  CHECK(signed_terms(hs[0]) == range(33, 58));
  CHECK(signed_terms(hs[1]) == std::vector<int>{59, 60});
}

TEST_CASE("column formulas for every row", "[unit][formulas]") {
  auto fs = parse_formulas("1 栏各行 = (2+3+4+5+6) 栏各行。", 196);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].axis == "column");
  CHECK(fs[0].each_row);
  CHECK(fs[0].target == 1);
  CHECK(signed_terms(fs[0]) == range(2, 6));
}

TEST_CASE("a minus sign in a formula", "[unit][formulas]") {
  auto fs = parse_formulas("6 栏各行 = (1+2-3) 栏各行；3 栏各行 = (4+5) 栏各行。", 346);
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].target == 6);
  CHECK(fs[0].each_row);
  REQUIRE(fs[0].terms.size() == 3);
  CHECK(fs[0].terms[0].sign == 1);
  CHECK(fs[0].terms[1].sign == 1);
  CHECK(fs[0].terms[2].sign == -1);
  CHECK(fs[0].terms[2].index == 3);
  CHECK(fs[1].target == 3);
  CHECK(signed_terms(fs[1]) == std::vector<int>{4, 5});
}

TEST_CASE("full-width brackets after normalization give two formulas", "[unit][formulas]") {
  std::string text = normalized("1 栏=（2+3+6）栏；3 栏=（4+5）栏");
  CHECK(text == "1 栏=(2+3+6)栏；3 栏=(4+5)栏");
  auto fs = parse_formulas(text, 9);
  REQUIRE(fs.size() == 2);
  CHECK(fs[0].axis == "column");
  CHECK_FALSE(fs[0].each_row);
  CHECK(fs[0].target == 1);
  CHECK(signed_terms(fs[0]) == std::vector<int>{2, 3, 6});
  CHECK(fs[1].target == 3);
  CHECK(signed_terms(fs[1]) == std::vector<int>{4, 5});
}

TEST_CASE("formulas written without spaces", "[unit][formulas]") {
  auto fs = parse_formulas("27行 = (1+2+3)行", 1);
  REQUIRE(fs.size() == 1);
  CHECK(fs[0].target == 27);
  CHECK(signed_terms(fs[0]) == std::vector<int>{1, 2, 3});

  auto gs = parse_formulas("27行=(1+2+3)行", 1);
  REQUIRE(gs.size() == 1);
  CHECK(signed_terms(gs[0]) == std::vector<int>{1, 2, 3});
}

TEST_CASE("malformed formulas give nothing", "[unit][formulas]") {
  CHECK(parse_formulas("99 行 = (+) 行", 1).empty());
  CHECK(parse_formulas("99 行 = (1+) 行", 1).empty());
  CHECK(parse_formulas("99 行 = (...+5) 行", 1).empty());
  // A range that runs backwards.
  CHECK(parse_formulas("9 行 = (10+...+3) 行", 1).empty());
  // Row on one side, column on the other.
  CHECK(parse_formulas("1 行 = (2+3) 栏", 1).empty());
  CHECK(parse_formulas("本表反映部门本年度的总收支情况。", 1).empty());
  CHECK(parse_formulas("", 1).empty());
}

TEST_CASE("a reference to a missing row is still parsed", "[unit][formulas]") {
  auto fs = parse_formulas("5 行 = (1+999) 行", 3);
  REQUIRE(fs.size() == 1);
  CHECK(signed_terms(fs[0]) == std::vector<int>{1, 999});
}

// next_formula is the RE2 pattern written out: every match's span and groups
// must be RE2's, on hand-made edge cases (spaces that backtracking gives to
// the lazy expression, runs of more than four digits, 各行, a missing '=')
// and on random strings built around the shape of a formula.
TEST_CASE("next_formula reads what the RE2 formula pattern reads", "[unit][formulas]") {
  const RE2 pattern(hezhang::kFormulaPattern);
  REQUIRE(pattern.ok());
  auto by_re2 = [&](const std::string& s) {
    std::vector<std::string> out;
    re2::StringPiece in(s), whole, g[6];
    while (RE2::FindAndConsume(&in, pattern, &whole, &g[0], &g[1], &g[2], &g[3], &g[4], &g[5])) {
      std::string r = std::to_string(whole.data() - s.data()) + "-" + std::to_string(whole.size());
      for (const auto& x : g) r += "|" + std::string(x);
      out.push_back(r);
    }
    return out;
  };
  auto by_hand = [](const std::string& s) {
    std::vector<std::string> out;
    hezhang::FormulaMatch m;
    for (std::size_t from = 0; hezhang::next_formula(s, from, m); from = m.end) {
      std::string r = std::to_string(m.begin) + "-" + std::to_string(m.end - m.begin);
      for (auto x : {m.target, m.axis, m.each1, m.expr, m.axis2, m.each2}) r += "|" + std::string(x);
      out.push_back(r);
    }
    return out;
  };
  const std::vector<std::string> cases = {
      "", "27 行 = (1+2+3+4+5+6+7+8) 行", "57行=(31+32+...+56)行", "6 栏各行 = (1+2-3) 栏各行",
      "1 栏=(2+3+6)栏；2栏=(4+5)栏", "12345行=(1)行", "1行= 行", "1行=( 行", "1行=(行", "1行=行",
      "1行 = 2 3 ) 行 各行", "1行=12345)栏", "1 各行=2行", "1行各=2行", "1行=(1…3)行各", "x9行=\f(\t2 )\r行"};
  for (const auto& s : cases) {
    INFO(s);
    CHECK(by_hand(s) == by_re2(s));
  }
  const std::vector<std::vector<std::string>> shape = {
      {"1", "12", "12345"}, {"", " ", "\t"}, {"行", "栏", "各"}, {"", " 各行", "各行 "}, {"", " ", "\f"},
      {"=", "=", "x"},     {"", " ", "  "},  {"(", "", "( "},   {"1+2", "3…5", " "},  {"-4", "+.", " 6 "},
      {"", " ", "\n"},     {")", "", ") "},  {"行", "栏", "x"},   {"", " ", "  "},    {"各行", "", "各"}};
  const std::vector<std::string> noise = {"1", "12345", " ", "行", "栏", "各行", "=", "(", ")", "+", "…", "；"};
  std::uint32_t seed = 2024;
  auto next = [&] { seed = seed * 1103515245u + 12345u; return (seed >> 16) & 0x7FFF; };
  int matched = 0;
  for (int n = 0; n < 4000; ++n) {
    std::string s;
    for (int k = 0; k < 2; ++k)
      for (const auto& options : shape) {
        if (next() % 5 == 0) s += noise[next() % noise.size()];
        s += options[next() % options.size()];
      }
    auto hand = by_hand(s);
    INFO(s);
    REQUIRE(hand == by_re2(s));
    matched += static_cast<int>(hand.size());
  }
  CHECK(matched > 300);  // the random strings did contain formulas (531 of 4 000)
}
