// Formulas printed under tables (core/src/formulas.cpp).
#include <catch2/catch.hpp>

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
