// The rounding model across units (docs/rounding.md): a figure printed in
// 万元 with two decimals stands for ±0.005 万元 = ±50 元; compared with a
// figure in 元 (±0.005 元) the two intervals must meet. Consistent,
// rounding-level and material cases, in both directions, for each family
// that compares figures: cross.tables (万元 vs 元), three_public.items
// (元 vs 万元), and the sums within one table in 元 and in 万元.
#include <catch2/catch.hpp>

#include "rules_test_support.h"

using rules_test::checks_with;
using rules_test::findings_at;
using rules_test::run;

namespace {

// 公开01表 in 万元 (l.1-7): 208 社会保障和就业支出 `wan` 万元 on l.6.
// 公开03表 in 元 (l.9-14): 208 `yuan` 元 on l.14.
std::string two_units(const std::string& wan, const std::string& yuan) {
  return "收入支出决算总表\n公开01表\n金额单位：万元\n"                 // 1-3
         "收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"                // 4-5
         "一般公共预算财政拨款收入\t" + wan + "\t社会保障和就业支出\t" + wan + "\n" +  // 6
         "本年收入合计\t" + wan + "\t本年支出合计\t" + wan + "\n\n" +  // 7-8
         "支出决算表\n公开03表\n金额单位：元\n"                        // 9-11
         "项目\t\t本年支出合计\t基本支出\t项目支出\n"                  // 12
         "功能分类科目编码\t科目名称\t\t\t\n"                          // 13
         "208\t社会保障和就业支出\t" + yuan + "\t" + yuan + "\t\n";    // 14
}

std::string cross_status(const hezhang::Report& r) {
  return rules_test::only_status(r, "cross.tables:final.expense_by_function:208");
}

}  // namespace

TEST_CASE("units: 万元 against 元 across tables, consistent when equal after conversion", "[rules][units][cross]") {
  // 12.35 万元 = 123,500.00 元 exactly.
  auto r = run(two_units("12.35", "123,500.00"));
  REQUIRE(r.tables.size() == 2);
  CHECK(r.tables[0].unit == "万元");
  CHECK(r.tables[1].unit == "元");
  CHECK(cross_status(r) == "passed");
  CHECK(findings_at(r, "cross.tables", 14).empty());
}

TEST_CASE("units: a gap within the 万元 interval is rounding, in either direction", "[rules][units][cross][rounding]") {
  // 12.35 万元 stands for [123,450, 123,550] 元; 123,456.78 ± 0.005 meets it.
  // |123,456.78 − 123,500| = 43.22 ≤ 50 + 0.005 → rounding, an info note.
  // The edge: 123,550.00 is 50.00 away (≤ 50.005) → rounding as well.
  for (const char* yuan : {"123,456.78", "123,543.21", "123,550.00", "123,450.00"}) {
    INFO(yuan);
    auto r = run(two_units("12.35", yuan));
    CHECK(cross_status(r) == "rounding");
    auto f = findings_at(r, "cross.tables", 14);
    REQUIRE(f.size() == 1);
    CHECK(f[0]->materiality == "rounding");
    CHECK(f[0]->severity == "info");
    CHECK(f[0]->unit == "元");
    CHECK(f[0]->expected == "123500");  // 12.35 万元 converted exactly (no cent digits it never had)
  }
}

TEST_CASE("units: a gap beyond the 万元 interval is material, in either direction", "[rules][units][cross]") {
  // 123,550.01 − 123,500 = 50.01 > 50.005 (just outside); 123,400.00 is
  // 100.00 below. Both material errors, with the difference in 元.
  struct Case { const char* yuan; const char* difference; };
  for (const Case& k : {Case{"123,550.01", "50.01"}, Case{"123,400.00", "-100.00"}, Case{"124,500.00", "1000.00"}}) {
    INFO(k.yuan);
    auto r = run(two_units("12.35", k.yuan));
    CHECK(cross_status(r) == "failed");
    auto f = findings_at(r, "cross.tables", 14);
    REQUIRE(f.size() == 1);
    CHECK(f[0]->materiality == "material");
    CHECK(f[0]->severity == "error");
    CHECK(f[0]->difference == k.difference);
    CHECK(f[0]->unit == "元");
  }
}

TEST_CASE("units: three_public.items compares 元 with the 万元 ceiling through its interval", "[rules][units][three_public]") {
  // 公开07表 in 万元: 公务接待费 1.50 万元 = [14,950, 15,050] 元.
  // 公开06表 in 元: 30217 公务接待费 on l.13.
  auto report = [](const std::string& yuan) {
    return run(std::string("“三公”经费支出决算表\n公开07表\n金额单位：万元\n"
                           "项目\t合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n"
                           "\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
                           "决算数\t1.50\t0.00\t0.00\t0.00\t0.00\t1.50\n\n") +   // l.6, blank l.7
               "一般公共预算财政拨款基本支出决算表\n公开06表\n金额单位：元\n"   // l.8-10
               "科目编码\t科目名称\t决算数\n"                                   // l.11
               "302\t商品和服务支出\t" + yuan + "\n"                            // l.12
               "30217\t公务接待费\t" + yuan + "\n");                            // l.13
  };
  // Equal (15,000.00), below, or above by less than the interval (15,049.99):
  // within the ceiling.
  for (const char* ok : {"15,000.00", "9,000.00", "15,049.99"}) {
    INFO(ok);
    auto r = report(ok);
    CHECK(findings_at(r, "three_public.items", 13).empty());
    auto c = checks_with(r, "three_public.items:30217");
    REQUIRE(c.size() == 1);
    CHECK(c[0]->status != "failed");
  }
  // 15,100.00 元 is 100 元 above 1.50 万元, beyond ±50.005: material.
  auto over = report("15,100.00");
  auto f = findings_at(over, "three_public.items", 13);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->materiality == "material");
  CHECK(f[0]->expected == "15000");
  CHECK(f[0]->difference == "100.00");
}

TEST_CASE("units: sums inside one table keep that table's precision, 元 and 万元", "[rules][units][rounding]") {
  // 本年支出合计 = 基本支出 + 项目支出 on one row, three figures of two decimals:
  // the bound is 3 × 0.005 = 0.015 in the table's unit. One cent off is
  // rounding (0.01 ≤ 0.015), two cents material (0.02 > 0.015) — whether
  // the cent is a 元 fen or 0.01 万元 (100 元).
  auto table = [](const std::string& unit, const std::string& total) {
    return run("支出决算表\n公开03表\n金额单位：" + unit + "\n"
               "项目\t\t本年支出合计\t基本支出\t项目支出\n"
               "功能分类科目编码\t科目名称\t\t\t\n"
               "208\t社会保障和就业支出\t" + total + "\t60.00\t40.00\n");  // l.6
  };
  for (const char* unit : {"元", "万元"}) {
    INFO(unit);
    auto exact = table(unit, "100.00");
    CHECK(findings_at(exact, "template.columns", 6).empty());
    for (const char* total : {"100.01", "99.99"}) {
      auto r = table(unit, total);  // findings_at points into r: keep it alive
      auto f = findings_at(r, "template.columns", 6);
      REQUIRE(f.size() == 1);
      CHECK(f[0]->materiality == "rounding");
      CHECK(f[0]->unit == unit);
    }
    for (const char* total : {"100.02", "99.98"}) {
      auto r = table(unit, total);  // findings_at points into r: keep it alive
      auto f = findings_at(r, "template.columns", 6);
      REQUIRE(f.size() == 1);
      CHECK(f[0]->materiality == "material");
    }
  }
}
