// The `ambiguous` status: where two readings of the tables disagree the
// engine refuses to guess — the ledger says `ambiguous` with the lines, and
// no material finding comes from the guess.
#include <catch2/catch.hpp>

#include "rules_test_support.h"

using rules_test::checks_with;
using rules_test::material_table_findings;
using rules_test::only_status;
using rules_test::run;

namespace {

const char* kHead =
    "支出决算表\n公开03表\n金额单位：万元\n"          // 1-3
    "项目\t\t本年支出合计\t基本支出\t项目支出\n"      // 4
    "功能分类科目编码\t科目名称\t\t\t\n"              // 5
    "合计\t\t100.00\t70.00\t30.00\n"                  // 6
    "208\t社会保障和就业支出\t100.00\t70.00\t30.00\n";  // 7

std::string statuses(const hezhang::Report& r, const std::string& prefix) {
  std::string out;
  for (const auto* c : checks_with(r, prefix)) out += c->id + "=" + c->status + " ";
  return out;
}

int count_status(const hezhang::Report& r, const std::string& prefix, const std::string& status) {
  int n = 0;
  for (const auto* c : checks_with(r, prefix)) n += c->status == status;
  return n;
}

}  // namespace

TEST_CASE("ambiguous: the same code twice in one table with different figures", "[rules][ambiguous]") {
  // 20805 is printed on l.8 (100.00 = 70.00 + 30.00) and again on l.10
  // (90.00 = 60.00 + 30.00); its 项 2080505 (l.9) is 100.00. Taking either
  // row would be a guess: 20805 = Σ项 and 208 = Σ款 are ambiguous, nothing
  // material is reported from them.
  std::string text = std::string(kHead) +
                     "20805\t行政事业单位养老支出\t100.00\t70.00\t30.00\n"                 // 8
                     "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t70.00\t30.00\n"  // 9
                     "20805\t行政事业单位养老支出\t90.00\t60.00\t30.00\n";               // 10
  auto r = run(text);
  INFO(statuses(r, "hierarchy.sum:"));
  CHECK(material_table_findings(r).empty());
  auto kuan = checks_with(r, "hierarchy.sum:t1:8:");
  REQUIRE(kuan.size() == 1);
  CHECK(kuan[0]->status == "ambiguous");
  CHECK(kuan[0]->lines == std::vector<int>{8, 9});
  auto cls = checks_with(r, "hierarchy.sum:t1:7:");
  REQUIRE(cls.size() == 1);
  CHECK(cls[0]->status == "ambiguous");
  // The same row printed twice with the same figures is a repeat, not a doubt.
  std::string repeated = std::string(kHead) +
                         "20805\t行政事业单位养老支出\t100.00\t70.00\t30.00\n"
                         "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t70.00\t30.00\n"
                         "20805\t行政事业单位养老支出\t100.00\t70.00\t30.00\n";
  auto same = run(repeated);
  CHECK(count_status(same, "hierarchy.sum:", "ambiguous") == 0);
  CHECK(count_status(same, "hierarchy.sum:t1:8:", "passed") == 1);
}

TEST_CASE("ambiguous: a row printed short with fewer figures than columns", "[rules][ambiguous]") {
  // l.8 stops after two figures (its line has 4 cells for 5 columns): 100.00
  // and 70.00 may be 本年支出合计 and 基本支出 with 项目支出 blank (as read:
  // 100.00 ≠ 70.00 + 0) or any other placement. The break is not reported;
  // template.columns and the sums using l.8 say `ambiguous`.
  std::string text = std::string(kHead) +
                     "20805\t行政事业单位养老支出\t100.00\t70.00\n"                        // 8
                     "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t70.00\t30.00\n";  // 9
  auto r = run(text);
  INFO(statuses(r, ""));
  REQUIRE(r.tables.size() == 1);
  CHECK(material_table_findings(r).empty());
  auto row = checks_with(r, "template.columns:t1:8:");
  REQUIRE(row.size() == 1);
  CHECK(row[0]->status == "ambiguous");
  CHECK(row[0]->lines == std::vector<int>{8});
  CHECK(only_status(r, "hierarchy.sum:t1:8:") == "ambiguous");
  // 208 = Σ款 holds under the reading taken (100.00 = 100.00, 70.00 = 70.00):
  // not failed, nothing reported.
  CHECK(only_status(r, "hierarchy.sum:t1:7:") == "passed");
  // Rows printed in full stay checked as usual.
  CHECK(only_status(r, "template.columns:t1:9:") == "passed");
}

TEST_CASE("ambiguous: a short row whose reading holds, or a full row, is not ambiguous", "[rules][ambiguous]") {
  // l.8 "100.00 100.00" printed short: read left-aligned, 100.00 = 100.00 + 0
  // holds, so the reading is confirmed and the check passes.
  std::string holds = std::string("支出决算表\n公开03表\n金额单位：万元\n"
                                  "项目\t\t本年支出合计\t基本支出\t项目支出\n"
                                  "功能分类科目编码\t科目名称\t\t\t\n"
                                  "合计\t\t100.00\t100.00\t\n"
                                  "208\t社会保障和就业支出\t100.00\t100.00\t\n"
                                  "20805\t行政事业单位养老支出\t100.00\t100.00\n");
  auto r = run(holds);
  CHECK(count_status(r, "", "ambiguous") == 0);
  CHECK(only_status(r, "template.columns:t1:8:") == "passed");
  // A material break on a row printed in full is still an error.
  std::string broken = std::string(kHead) +
                       "20805\t行政事业单位养老支出\t100.00\t60.00\t30.00\n"
                       "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t70.00\t30.00\n";
  auto b = run(broken);
  CHECK(count_status(b, "", "ambiguous") == 0);
  CHECK_FALSE(material_table_findings(b).empty());
}

TEST_CASE("ambiguous: cross.tables will not pick between two figures of one table", "[rules][ambiguous][cross]") {
  // 公开01表 l.6 gives 208 社会保障和就业支出 100.00; 公开03表 prints 208 twice,
  // 100.00 (l.15) and 90.00 (l.17). Which 03表 row 01表 should match is a
  // guess: the cross-table check is ambiguous, no finding.
  std::string summary =
      "收入支出决算总表\n公开01表\n金额单位：万元\n"                                    // 1-3
      "收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"                                   // 4-5
      "一般公共预算财政拨款收入\t100.00\t社会保障和就业支出\t100.00\n"                  // 6
      "本年收入合计\t100.00\t本年支出合计\t100.00\n\n";                                 // 7-8
  std::string expense =
      "支出决算表\n公开03表\n金额单位：万元\n"                                          // 9-11
      "项目\t\t本年支出合计\t基本支出\t项目支出\n功能分类科目编码\t科目名称\t\t\t\n"  // 12-13
      "合计\t\t100.00\t70.00\t30.00\n"                                                  // 14
      "208\t社会保障和就业支出\t100.00\t70.00\t30.00\n"                                 // 15
      "20805\t行政事业单位养老支出\t100.00\t70.00\t30.00\n"                             // 16
      "208\t社会保障和就业支出\t90.00\t60.00\t30.00\n";                                 // 17
  auto r = run(summary + expense);
  REQUIRE(r.tables.size() == 2);
  auto c = checks_with(r, "cross.tables:final.expense_by_function:208");
  INFO(statuses(r, "cross.tables:"));
  REQUIRE(c.size() == 1);
  CHECK(c[0]->status == "ambiguous");
  CHECK(c[0]->lines == std::vector<int>{6, 15, 17});
  for (const auto* f : material_table_findings(r)) CHECK(f->rule != "cross.tables");
}
