// performance.execution on hand-written self-evaluation tables (the national
// 项目支出绩效自评表 layout and a converted one with a shifted row) and on the
// seeds. Each test states the arithmetic it relies on.
#include <catch2/catch.hpp>

#include <string>

#include "hezhang/hezhang.h"
#include "rules_test_support.h"
#include "seed_tests_support.h"

namespace {

using rules_test::findings_at;
using rules_test::run;

// The national template's 预算执行情况 block (万元). Line 6 is 年度资金总额:
// 年初 100.00, 全年 120.00, 执行 `spent`, 分值 10, 执行率 `rate`, 得分 `score`.
std::string self_evaluation(const std::string& spent, const std::string& rate, const std::string& score) {
  return "项目支出绩效自评表\n"                                                   // 1
         "（2022年度）\n"                                                          // 2
         "项目名称\t某信息化项目\t\t\t\t\t\n"                                      // 3
         "主管部门\t某局\t\t实施单位\t某中心\t\t\n"                                // 4
         "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"  // 5
         "年度资金总额\t100.00\t120.00\t" + spent + "\t10\t" + rate + "\t" + score + "\n"  // 6
         "其中：当年财政拨款\t100.00\t120.00\t" + spent + "\t—\t" + rate + "\t—\n"        // 7
         "上年结转资金\t\t\t\t—\t\t—\n"                                            // 8
         "年度总体目标\t预期目标\t\t\t实际完成情况\t\t\n"                          // 9
         "\t完成系统建设\t\t\t已完成\t\t\n";                                       // 10
}

}  // namespace

// 90 / 120 = 75%: the rate is read against 全年预算数, not 年初预算数 (90%).
TEST_CASE("performance.execution: the rate is 执行数 ÷ 全年预算数", "[rules][performance]") {
  auto ok = run(self_evaluation("90.00", "75%", "7.5"));
  CHECK(rules_test::only_status(ok, "performance.execution:t1:rate:6") == "passed");
  CHECK(rules_test::only_status(ok, "performance.execution:t1:rate:7") == "passed");
  CHECK(rules_test::only_status(ok, "performance.execution:t1:score:6") == "passed");
  CHECK(findings_at(ok, "performance.execution", 6).empty());
  // 90% is 执行数 ÷ 年初预算数: material on both figure rows.
  auto bad = run(self_evaluation("90.00", "90%", "9"));
  auto f = findings_at(bad, "performance.execution", 6);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->materiality == "material");
  CHECK(f[0]->expected == "75");
  CHECK(f[0]->actual == "90");
  CHECK(f[0]->difference == "15");
  CHECK(f[0]->message_zh.find("90.00 ÷ 120.00 = 75%") != std::string::npos);
  CHECK(findings_at(bad, "performance.execution", 7).size() == 1);
  // 95.50 / 120.00 = 79.583…% (79.577…79.592 with the amounts' rounding):
  // 79.58% passes, 79.57% is one unit of the last digit off.
  auto fine = run(self_evaluation("95.50", "79.58%", "8"));
  CHECK(findings_at(fine, "performance.execution", 6).empty());
  auto slip = run(self_evaluation("95.50", "79.57%", "8"));
  auto s = findings_at(slip, "performance.execution", 6);
  REQUIRE(s.size() == 1);
  CHECK(s[0]->materiality == "rounding");
  CHECK(s[0]->severity == "info");
}

TEST_CASE("performance.execution: no score above its 分值", "[rules][performance]") {
  auto bad = run(self_evaluation("90.00", "75%", "12"));
  CHECK(rules_test::only_status(bad, "performance.execution:t1:score:6") == "failed");
  auto f = findings_at(bad, "performance.execution", 6);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "10");
  CHECK(f[0]->actual == "12");
  CHECK(f[0]->unit == "分");
  // Line 7 prints — for its 分值 and 得分: nothing to compare.
  CHECK(rules_test::checks_with(bad, "performance.execution:t1:score:7").empty());
}

// Converted tables shift a merged cell: the figures sit one column right of
// their labels. With one figure per label they are read in order; a row
// with fewer figures that do not sit under labels is not read at all.
TEST_CASE("performance.execution: a shifted row is read in order, a ragged one not at all", "[rules][performance]") {
  const std::string head =
      "部门整体支出绩效自评表\n"                                                   // 1
      "部门名称\t\t某局\t\t\t\t\n"                                                 // 2
      "预算执行情况（万元）（20分）\t\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）\t\n";  // 3
  auto shifted = run(head + "\t\t部门整体支出总额\t200\t150\t70%\t14\n"          // 4: 150/200 = 75%
                            "年度目标1\t\t某项目\t\t\t\t\n");                   // 5
  auto f = findings_at(shifted, "performance.execution", 4);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "75");
  auto ragged = run(head + "\t\t部门整体支出总额\t200\t\t70%\t14\n"
                           "年度目标1\t\t某项目\t\t\t\t\n");
  CHECK(rules_test::checks_with(ragged, "performance.execution").empty());
}

// Seed 001 line 500: 1802.64 / 1,170.84 = 153.96% (passes), scored 30 under
// "得分（20分*执行率）" of an item worth 20 points. Its four project tables
// (lines 550, 585, 615, 645) spend their whole budget and score 20 of 20.
// Seed 000's two project tables (lines 567-568, 597-598) spend 100%.
TEST_CASE("seeds 000 and 001: self-evaluation execution blocks", "[rules][performance][seed001]") {
  const auto& r1 = seed::report("001_f4a815153176995a.txt");
  auto f = findings_at(r1, "performance.execution", 500);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "30");
  CHECK(f[0]->expected == "20");
  for (int line : {500, 550, 585, 615, 645}) {
    INFO(line);
    int rates = 0;
    for (const auto& c : r1.checks)
      if (c.rule == "performance.execution" && c.lines == std::vector<int>{line} &&
          c.id.find(":rate:") != std::string::npos) {
        ++rates;
        CHECK(c.status == "passed");
      }
    CHECK(rates == 1);
  }
  const auto& r0 = seed::report("000_9c8107d782db8362.txt");
  int passed = 0;
  for (const auto& c : r0.checks)
    if (c.rule == "performance.execution") passed += c.status == "passed" ? 1 : 0;
  CHECK(passed == 4);
  for (const auto& finding : r0.findings) CHECK(finding.rule != "performance.execution");
}

// The labels as the lower level of a two-level column header
// ("预算执行情况/执行率(B/A)"): the '/' inside the brackets is not a level.
// 80.00 / 100.00 = 80%, printed 70%.
TEST_CASE("performance.execution: labels under a parent header", "[rules][performance]") {
  auto r = run("项目支出绩效自评表\n单位：万元\n"                                     // 1-2
               "预算执行情况\t\t\t\t\n"                                               // 3
               "项目\t预算数（A）\t执行数（B）\t执行率（B/A）\t得分（20分*执行率）\n"  // 4
               "年度资金总额\t100.00\t80.00\t70%\t16\n");                             // 5
  auto f = findings_at(r, "performance.execution", 5);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "80");
  CHECK(f[0]->difference == "-10");
  CHECK(rules_test::only_status(r, "performance.execution:t1:score:5") == "passed");
}
