// performance.scores on hand-written self-evaluation tables in the three
// layouts the seeds and the national template show, and on the seeds. Each
// test states the sum it relies on.
#include <catch2/catch.hpp>

#include <string>

#include "hezhang/hezhang.h"
#include "rules_test_support.h"
#include "seed_tests_support.h"

namespace {

using rules_test::checks_with;
using rules_test::findings_at;
using rules_test::only_status;
using rules_test::run;

// The national 项目支出绩效自评表: 分值 and 得分 columns, in the execution
// block (line 6) and for each indicator (lines 8-11); 总分 on line 12.
// Scores 9 + 30 + 20 + 28 + 10 = 97; points 10 + 30 + 20 + 30 + 10 = 100.
std::string national(const std::string& total_points, const std::string& total_score,
                     const std::string& benefit_score = "28") {
  return "项目支出绩效自评表\n"                                                                  // 1
         "（2022年度）\n"                                                                         // 2
         "项目名称\t某信息化项目\t\t\t\t\t\t\n"                                                   // 3
         "主管部门\t某局\t\t实施单位\t某中心\t\t\t\n"                                             // 4
         "项目资金（万元）\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t\n"           // 5
         "年度资金总额\t100.00\t100.00\t90.00\t10\t90%\t9\t\n"                                  // 6
         "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施\n"  // 7
         "产出指标\t数量指标\t培训人次\t≥100人次\t120人次\t30\t30\t\n"                          // 8
         "\t质量指标\t合格率\t≥95%\t98%\t20\t20\t\n"                                            // 9
         "效益指标\t社会效益指标\t服务满意度\t≥90%\t92%\t30\t" + benefit_score + "\t未达预期\n"  // 10
         "满意度指标\t服务对象满意度\t满意度\t≥90%\t95%\t10\t10\t\n"                            // 11
         "总分\t\t\t\t\t" + total_points + "\t" + total_score + "\t\n";                         // 12
}

// A converted table as seed 001 prints it: the execution block's labels are
// the table's header, its figure row shifted right (执行率 under 得分); the
// indicators' labels a row; line 7 lost a merged cell and is shifted left;
// the total sits in the name column. 20 + 19 + 18 = 57.
std::string converted(const std::string& total) {
  return "2020 年度某项目自评表\n"                                                                   // 1
         "项目名称\t\t某项目\t\t\t\t\t\n"                                                             // 2
         "预算执行情况 (万元) (20 分)\t\t预算数 (A)\t执行数 (B)\t执行率 (B/A)\t得分 (20 分*执行率)\t\t\n"  // 3
         "\t\t年度财政资金总额\t10\t10\t100%\t20\t\n"                                                 // 4
         "年度绩效 目标\t一级 指标\t二级指标\t三级指标\t\t年初目标值 (A)\t实际完成值 (B)\t得分\n"      // 5
         "\t产出 指标\t数量指标\t巡查次数不小于 240 次\t\t不小于 240 次\t341 次\t19\n"                // 6
         "\t\t数量指标\t通报大于或等于3期\t大于或等于3期\t4期\t18\n"                                   // 7
         "总分\t" + total + "\t\t\t\t\t\n";                                                          // 8
}

// Seed 003's layout: the execution score after the points its row states
// (line 3), the indicators' groups state their points and print one score
// each; line 7 is shifted right by a merged label on its left.
// 9 + 48 + 30 + 10 = 97.
std::string stated_points(const std::string& benefit, const std::string& total) {
  return "阳泉市项目支出绩效自评表\n"                                                             // 1
         "项目名称\t\t某项目\t\t\t\t\n"                                                             // 2
         "项目执行情况（10分）\t\t9\t\t\t\t\n"                                                     // 3
         "绩效目标自评情况\t\t\t\t\t\t\n"                                                          // 4
         "一级指标\t二级指标\t三级指标\t年度指标值\t全年完成值\t未完成原因和改进措施\t自评得分\n"  // 5
         "产出指标（50分）\t数量指标\t指标1\t≥20人\t25人\t\t48\n"                                 // 6
         "绩效指标\t效益指标 (30分)\t社会效益指标\t指标1\t提升\t提升\t\t" + benefit + "\n"        // 7
         "\t满意度指标 (10分)\t服务对象满意度指标\t指标1\t≥90%\t95%\t10\n"                        // 8
         "总 分 " + total + "分\t\t\t\t\t\t\n";                                                    // 9
}

}  // namespace

TEST_CASE("performance.scores: the national template's 总分 row, scores and points", "[rules][performance]") {
  auto ok = run(national("100", "97"));
  CHECK(only_status(ok, "performance.scores:t1:score:12") == "passed");
  CHECK(only_status(ok, "performance.scores:t1:points:12") == "passed");
  // The checked lines are the execution row, the four indicators and 总分.
  auto c = checks_with(ok, "performance.scores:t1:score:12");
  REQUIRE(c.size() == 1);
  CHECK(c[0]->lines == std::vector<int>{6, 8, 9, 10, 11, 12});

  // 95 printed: the scores add up to 97.
  auto bad = run(national("100", "95"));
  auto f = findings_at(bad, "performance.scores", 12);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->materiality == "material");
  CHECK(f[0]->actual == "95");
  CHECK(f[0]->expected == "97");
  CHECK(f[0]->difference == "-2");
  CHECK(f[0]->unit == "分");
  CHECK(f[0]->related_lines == std::vector<int>{6, 8, 9, 10, 11});
  CHECK(f[0]->message_zh.find("9 + 30 + 20 + 28 + 10 = 97 分") != std::string::npos);
  CHECK(only_status(bad, "performance.scores:t1:points:12") == "passed");

  // 分值 printed as 90: the points add up to 100.
  auto points = run(national("90", "97"));
  CHECK(only_status(points, "performance.scores:t1:points:12") == "failed");
  CHECK(only_status(points, "performance.scores:t1:score:12") == "passed");
}

TEST_CASE("performance.scores: a total with fewer decimals may round its parts", "[rules][performance][rounding]") {
  // 9 + 30 + 20 + 27.6 + 10 = 96.6: 97 is its rounding, 98 is not.
  CHECK(only_status(run(national("100", "97", "27.6")), "performance.scores:t1:score:12") == "rounding");
  CHECK(only_status(run(national("100", "98", "27.6")), "performance.scores:t1:score:12") == "failed");
  // Parts printed as whole numbers are exact: 96 against 97 is material.
  CHECK(only_status(run(national("100", "96")), "performance.scores:t1:score:12") == "failed");
}

TEST_CASE("performance.scores: a converted table's shifted rows and a total in the name column",
          "[rules][performance]") {
  auto ok = run(converted("57"));
  CHECK(only_status(ok, "performance.scores:t1:score:8") == "passed");
  auto c = checks_with(ok, "performance.scores:t1:score:8");
  REQUIRE(c.size() == 1);
  CHECK(c[0]->lines == std::vector<int>{4, 6, 7, 8});
  auto bad = run(converted("59"));
  auto f = findings_at(bad, "performance.scores", 8);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "57");
  CHECK(f[0]->difference == "2");
}

TEST_CASE("performance.scores: groups that state their points, and a blank group score", "[rules][performance]") {
  auto ok = run(stated_points("30", "97"));
  CHECK(only_status(ok, "performance.scores:t1:score:9") == "passed");
  auto c = checks_with(ok, "performance.scores:t1:score:9");
  REQUIRE(c.size() == 1);
  CHECK(c[0]->lines == std::vector<int>{3, 6, 7, 8, 9});
  CHECK(only_status(run(stated_points("30", "99")), "performance.scores:t1:score:9") == "failed");
  // 效益指标 (30分) with no score: the blank is not a zero, the total unknown.
  auto blank = run(stated_points("", "97"));
  CHECK(only_status(blank, "performance.scores:t1:score:9") == "insufficient_data");
  CHECK(findings_at(blank, "performance.scores", 9).empty());
}

TEST_CASE("performance.scores: an amount under 得分 is not a score", "[rules][performance]") {
  // 25000 under 自评得分 (a misplaced 年度指标值): left unchecked, no finding.
  auto r = run(stated_points("25000", "97"));
  CHECK(only_status(r, "performance.scores:t1:score:9") == "insufficient_data");
  CHECK(findings_at(r, "performance.scores", 9).empty());
}

// Seed 001 prints four project self-evaluation tables with a 总分 row. Three
// add up (20+19+19+19+18 = 95, 20+36+36 = 92, 20+75 = 95); the 化工区 network
// table prints 96 for 20 + 74 = 94 (lines 615, 617, 618).
TEST_CASE("performance.scores: seed 001's 化工区 table prints 96 for 94", "[rules][performance][seed001]") {
  const auto& r = seed::report("001_f4a815153176995a.txt");
  auto passed = 0, failed = 0;
  for (const auto* c : checks_with(r, "performance.scores:")) {
    passed += c->status == "passed";
    failed += c->status == "failed";
  }
  CHECK(passed == 3);
  CHECK(failed == 1);
  auto f = findings_at(r, "performance.scores", 618);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "96");
  CHECK(f[0]->expected == "94");
  CHECK(f[0]->related_lines == std::vector<int>{615, 617});
}

// Seed 003: 10+50+30+10 = 100 twice, 10+50+30+10 = 100 with the execution
// score after its stated points; the 政府投资信息化项目管理费 table leaves
// 效益指标 (30分) and 满意度指标 (10分) unscored (line 829: insufficient).
TEST_CASE("performance.scores: seed 003's tables", "[rules][performance][seed003]") {
  const auto& r = seed::report("003_7723f8960340c19d.txt");
  CHECK(only_status(r, "performance.scores:t11:score:699") == "passed");
  CHECK(only_status(r, "performance.scores:t12:score:763") == "passed");
  CHECK(only_status(r, "performance.scores:t13:score:829") == "insufficient_data");
  CHECK(only_status(r, "performance.scores:t14:score:895") == "passed");
  for (const auto& f : r.findings) CHECK(f.rule != "performance.scores");
}
