// The report's year by RE2 (core/src/year_pattern.cpp), the core's only
// call into RE2: kept apart so that the WebAssembly build can compile the
// rest of the core with another calling convention (wasm/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "internal.h"

using hezhang::find_report_year;

TEST_CASE("a report's year: the digits of the first 20dd before 年", "[unit][document]") {
  std::string year;
  CHECK(find_report_year("某某局2021年部门决算", false, &year));
  CHECK(year == "2021");
  CHECK(find_report_year("某某局2021年部门决算", true, &year));
  CHECK(year == "2021");
  // The first of two years; a year not before 年 is passed over.
  CHECK(find_report_year("2019 至2022年、2023年", false, &year));
  CHECK(year == "2022");
  // Only this century's years, and four digits before 年 are needed.
  CHECK_FALSE(find_report_year("1999年部门决算", true, &year));
  CHECK_FALSE(find_report_year("202年部门决算", true, &year));
  CHECK_FALSE(find_report_year("", true, &year));
}

TEST_CASE("a report's year: white space before 年 only when asked", "[unit][document]") {
  // The cover's reading allows it (RE2's \s: space, tab, \f...), the
  // reading of a pasted report's title does not.
  std::string year;
  const std::string_view spaced = "某某局2020 \f年度部门预算";
  CHECK(find_report_year(spaced, true, &year));
  CHECK(year == "2020");
  CHECK_FALSE(find_report_year(spaced, false, &year));
}
