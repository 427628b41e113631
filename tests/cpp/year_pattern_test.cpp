// The report's year by RE2 (core/src/year_pattern.cpp), the core's only
// call into RE2: kept apart so that the WebAssembly build can compile the
// rest of the core with another calling convention (wasm/CMakeLists.txt).
#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "hezhang/hezhang.h"
#include "internal.h"

using hezhang::find_report_year;

TEST_CASE("a report's year: the digits of the first 20dd before 年", "[unit][document]") {
  std::string year;
  CHECK(find_report_year("某某局2021年部门决算", &year));
  CHECK(year == "2021");
  // The first of two years; a year not before 年 is passed over.
  CHECK(find_report_year("2019至2022年、2023年", &year));
  CHECK(year == "2022");
  // Only this century's years, and four digits before 年 are needed.
  CHECK_FALSE(find_report_year("1999年部门决算", &year));
  CHECK_FALSE(find_report_year("202年部门决算", &year));
  CHECK_FALSE(find_report_year("", &year));
}

TEST_CASE("a report's year: white space before 年 is gone before the year is read", "[unit][document]") {
  // The pattern itself allows none: its callers read the line's text
  // without spaces, and normalization has made \f, \v and \r spaces.
  std::string year;
  CHECK_FALSE(find_report_year("某某局2020 \f年度部门决算", &year));
  // So a cover printed with them still gives its year.
  const std::string text =
      "某某局2020 \f年度部门决算\n"
      "一、部门职责\n"
      "2020年度收入总计100.00万元。\n";
  const hezhang::Report r = hezhang::analyze(text, hezhang::Options{});
  CHECK(r.document.kind == "final_accounts");
  CHECK(r.document.year == 2020);
}
