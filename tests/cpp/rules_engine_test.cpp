// The engine's cross-rule reasoning on small hand-written reports: one blank
// column breaking several rows is one finding. Each test writes out the
// arithmetic it relies on.
#include <catch2/catch.hpp>

#include <algorithm>

#include "rules_test_support.h"
#include "seed_tests_support.h"

using rules_test::checks_with;
using rules_test::findings_at;
using rules_test::material_table_findings;
using rules_test::run;

namespace {

// 支出决算表 in 万元: 本年支出合计 = 基本支出 + 项目支出 on every row, and
// the classification hierarchy 合计 = 208 = 20805 = 2080505.
std::string three_level_table(const std::string& class_project, const std::string& kuan_project,
                              const std::string& kuan_basic = "70.00") {
  return "支出决算表\n公开03表\n金额单位：万元\n"                                  // 1-3
         "项目\t\t本年支出合计\t基本支出\t项目支出\n"                              // 4
         "功能分类科目编码\t科目名称\t\t\t\n"                                      // 5
         "合计\t\t100.00\t70.00\t30.00\n"                                          // 6
         "208\t社会保障和就业支出\t100.00\t70.00\t" + class_project + "\n" +       // 7
         "20805\t行政事业单位养老支出\t100.00\t" + kuan_basic + "\t" + kuan_project + "\n" +  // 8
         "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t70.00\t30.00\n";      // 9
}

bool has(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

}  // namespace

TEST_CASE("a blank column breaking several rows is one finding naming the column", "[rules][root_cause]") {
  // 项目支出 is blank on 208 (l.7) and 20805 (l.8), while 合计 (l.6) and the
  // 项 2080505 (l.9) print 30.00 there. Broken, each by exactly 30.00:
  //   l.7  100.00 = 70.00 + 0      (template.columns)
  //   l.8  100.00 = 70.00 + 0      (template.columns)
  //   l.8  项目支出 0 = 30.00 of 2080505 (hierarchy.sum, the blank is the total)
  // (合计 = Σ类 cannot be checked in 项目支出: no 类 prints a figure there.)
  auto r = run(three_level_table("", ""));
  auto material = material_table_findings(r);
  REQUIRE(material.size() == 1);
  const auto& f = *material[0];
  CHECK(f.first_line == 7);
  CHECK(f.last_line == 8);
  CHECK(has(f.related_lines, 6));  // the 合计 row that prints 30.00
  CHECK(has(f.related_lines, 8));
  CHECK(has(f.related_lines, 9));
  CHECK(f.expected == "30.00");
  CHECK(f.actual == "0");
  CHECK(f.difference == "-30.00");
  CHECK(f.unit == "万元");
  CHECK(seed::contains(f.message_zh, "「项目支出」栏在第7、8行为空"));
  CHECK(seed::contains(f.message_en, "\"项目支出\" is blank (0) on lines 7, 8"));
  // Every relation it broke is still failed in the ledger.
  for (const char* id : {"template.columns:t1:7:", "template.columns:t1:8:"}) {
    auto c = checks_with(r, id);
    REQUIRE(c.size() == 1);
    CHECK(c[0]->status == "failed");
  }
  int hierarchy_failed = 0;
  for (const auto* c : checks_with(r, "hierarchy.sum:t1:")) hierarchy_failed += c->status == "failed";
  CHECK(hierarchy_failed == 1);  // 款 = Σ项 at l.8
}

TEST_CASE("seed 004: the blank 公用经费 column of 支出预算总表 is one finding", "[rules][root_cause][seed004]") {
  // 支出预算总表 l.194 合计 prints 公用经费 435,519.18 and l.198 (2010301) prints
  // it too; l.195 (253001), l.196 (201) and l.197 (20103) leave it blank:
  //   l.195  5,068,099.82 - (1,748,780.64 + 2,883,800.00) = 435,519.18
  //   l.196  4,621,133.66 - (1,301,814.48 + 2,883,800.00) = 435,519.18
  //   l.197  the same, and its 公用经费 0 against its 项 435,519.18 (hierarchy.sum)
  const auto& r = seed::report("004_b4f9d2b1ef90862f.txt");
  auto f = findings_at(r, "template.columns", 195);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->last_line == 197);
  CHECK(f[0]->expected == "435519.18");
  CHECK(f[0]->unit == "元");
  for (int line : {194, 196, 197, 198}) CHECK(has(f[0]->related_lines, line));
  CHECK(seed::contains(f[0]->message_zh, "「基本支出/公用经费」栏在第195、196、197行为空"));
  for (int line : {196, 197}) {
    CHECK(findings_at(r, "template.columns", line).empty());
    CHECK(findings_at(r, "hierarchy.sum", line).empty());
  }
  for (int line : {195, 196, 197}) {
    auto c = checks_with(r, "template.columns:t2:" + std::to_string(line) + ":");
    REQUIRE(c.size() == 1);
    CHECK(c[0]->status == "failed");
  }
}

TEST_CASE("a legitimately blank column does not absorb another figure's error", "[rules][root_cause]") {
  // Nothing is printed under 项目支出 anywhere (a department without projects)
  // and 20805's 基本支出 is 97.00 instead of 100.00: 本年支出合计 100.00 =
  // 97.00 + 0 breaks by 3.00, an amount the blank column never prints. The
  // blank column is not blamed; the finding stays on l.8.
  std::string text = three_level_table("", "", "97.00");
  for (const char* from : {"\t70.00\t30.00\n", "\t70.00\t\n"}) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from))
      text.replace(at, std::string(from).size(), "\t100.00\t\n");
  }
  auto r = run(text);
  auto material = material_table_findings(r);
  REQUIRE_FALSE(material.empty());
  bool at8 = false;
  for (const auto* f : material) {
    CHECK_FALSE(seed::contains(f->message_zh, "栏在第"));
    at8 = at8 || f->first_line == 8;
  }
  CHECK(at8);
}

TEST_CASE("one blank cell breaking two relations is one finding", "[rules][root_cause]") {
  // Only 20805 (l.8) leaves 项目支出 blank: 100.00 = 70.00 + 0 breaks by 30.00
  // (template.columns) and its 项目支出 0 against its 项 30.00 (hierarchy.sum).
  // 208 = Σ款 also breaks (30.00 vs 0): a part blank, the same cell.
  auto r = run(three_level_table("30.00", ""));
  auto material = material_table_findings(r);
  REQUIRE(material.size() == 1);
  CHECK(material[0]->first_line == 8);
  CHECK(material[0]->last_line == 8);
  CHECK(seed::contains(material[0]->message_en, "(template.columns)"));
  CHECK(seed::contains(material[0]->message_en, "(hierarchy.sum)"));
}
