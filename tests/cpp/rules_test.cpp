// Reconciliation rules on small hand-written reports and on the seeds'
// known errors. Each test states the arithmetic it relies on.
#include <catch2/catch.hpp>

#include <algorithm>

#include "hezhang/hezhang.h"
#include "rules_test_support.h"
#include "seed_tests_support.h"

namespace {

using rules_test::findings_at;
using rules_test::run;

// A 支出决算表 in 万元 whose 款 row is `kuan` and whose 项 rows are 60.00 + 40.00.
std::string expense_table(const std::string& kuan, const std::string& class_total = "100.00") {
  return "支出决算表\n"            // 1
         "公开03表\n"              // 2
         "金额单位：万元\n"        // 3
         "项目\t\t本年支出合计\t基本支出\t项目支出\n"  // 4
         "功能分类科目编码\t科目名称\t\t\t\n"          // 5
         "合计\t\t" + class_total + "\t" + class_total + "\t\n"  // 6
         "208\t社会保障和就业支出\t" + class_total + "\t" + class_total + "\t\n"  // 7
         "20805\t行政事业单位养老支出\t" + kuan + "\t" + kuan + "\t\n"  // 8
         "2080505\t机关事业单位基本养老保险缴费支出\t60.00\t60.00\t\n"  // 9
         "2080506\t机关事业单位职业年金缴费支出\t40.00\t40.00\t\n"      // 10
         "\n注：本表反映部门本年度各项支出情况。\n";
}

}  // namespace

TEST_CASE("hierarchy.sum passes a consistent table", "[rules][hierarchy]") {
  auto r = run(expense_table("100.00"));
  REQUIRE(r.tables.size() == 1);
  CHECK(r.findings.empty());
  int passed = 0;
  for (const auto& c : r.checks) passed += c.rule == "hierarchy.sum" && c.status == "passed";
  CHECK(passed >= 3);  // 合计=Σ类, 类=Σ款, 款=Σ项
}

TEST_CASE("hierarchy.sum reports a wrong 款 once, at its line", "[rules][hierarchy]") {
  // 20805 printed 90.00 while its 项 sum to 60.00 + 40.00 = 100.00 and its
  // 类 208 is 100.00: the 款 is the odd figure; the 类's own check is folded in.
  auto r = run(expense_table("90.00"));
  auto at8 = findings_at(r, "hierarchy.sum", 8);
  REQUIRE(at8.size() == 1);
  CHECK(at8[0]->actual == "90.00");
  CHECK(at8[0]->expected == "100.00");
  CHECK(at8[0]->difference == "-10.00");
  CHECK(at8[0]->materiality == "material");
  CHECK(at8[0]->severity == "error");
  CHECK(findings_at(r, "hierarchy.sum", 7).empty());
}

TEST_CASE("hierarchy.sum treats a one-cent gap of two-decimal figures as rounding", "[rules][rounding]") {
  // 100.01 vs 60.00 + 40.00: |0.01| <= 0.005 * 3 half-units -> rounding, info.
  auto r = run(expense_table("100.01", "100.01"));
  auto at8 = findings_at(r, "hierarchy.sum", 8);
  REQUIRE(at8.size() == 1);
  CHECK(at8[0]->materiality == "rounding");
  CHECK(at8[0]->severity == "info");
}

TEST_CASE("hierarchy.sum finds a gap in either direction", "[rules][hierarchy]") {
  auto low = run(expense_table("99.00", "99.00"));
  auto high = run(expense_table("101.00", "101.00"));
  REQUIRE(findings_at(low, "hierarchy.sum", 8).size() == 1);
  REQUIRE(findings_at(high, "hierarchy.sum", 8).size() == 1);
  CHECK(findings_at(low, "hierarchy.sum", 8)[0]->difference == "-1.00");
  CHECK(findings_at(high, "hierarchy.sum", 8)[0]->difference == "1.00");
}

TEST_CASE("seed 000: 22102 住房改革支出 70.33 against its 项 123.09", "[rules][seed000]") {
  // 公开05表 line 304: "22102 住房改革支出 70.33 123.09 123.09"; its only 项
  // 2210201 (line 305) is 123.09 and the 类 221 (line 303) is 123.09.
  const auto& r = seed::report("000_9c8107d782db8362.txt");
  auto f = findings_at(r, "hierarchy.sum", 304);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "70.33");
  CHECK(f[0]->expected == "123.09");
  CHECK(f[0]->difference == "-52.76");
  CHECK(f[0]->unit == "万元");
  CHECK(findings_at(r, "hierarchy.sum", 303).empty());
}

TEST_CASE("seed 000: 公开04表 资源勘探信息等支出 19408.54 vs 19480.54", "[rules][seed000]") {
  // 公开04表 line 249 prints 19408.54; 公开05表 line 293 (215) prints 19480.54,
  // and 公开04表's own 本年支出合计 breaks by the same 72 万元.
  const auto& r = seed::report("000_9c8107d782db8362.txt");
  auto f = findings_at(r, "cross.tables", 249);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "19408.54");
  CHECK(f[0]->expected == "19480.54");
  CHECK(f[0]->difference == "-72.00");
  CHECK(findings_at(r, "cross.tables", 293).empty());
}

TEST_CASE("seed 004: 本年收入合计 5,068,099.80 vs 5,068,099.82", "[rules][seed004]") {
  // 收支预算总表 line 176 prints 5,068,099.80; its only income line (164) is
  // 5,068,099.82: two fen apart, beyond the 0.015 元 rounding interval.
  const auto& r = seed::report("004_b4f9d2b1ef90862f.txt");
  auto f = findings_at(r, "template.rows", 176);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "5068099.80");
  CHECK(f[0]->expected == "5068099.82");
  CHECK(f[0]->materiality == "material");
}

TEST_CASE("seed 004: 财政拨款收支预算总表 20103 4,621,123.66 vs 4,621,133.66", "[rules][seed004]") {
  // Line 215 prints 4,621,123.66; 收支预算总表 (165), 支出预算总表 (197) and
  // 一般公共预算支出表 (240) print 4,621,133.66; its 项 (216, 217) sum to it too.
  const auto& r = seed::report("004_b4f9d2b1ef90862f.txt");
  bool found = false;
  for (const auto& f : r.findings)
    if (f.first_line == 215 && f.actual == "4621123.66" && f.materiality == "material") found = true;
  CHECK(found);
}

TEST_CASE("every check in the ledger has a known status", "[rules][ledger]") {
  for (const char* name : {"000_9c8107d782db8362.txt", "001_f4a815153176995a.txt",
                           "003_7723f8960340c19d.txt", "004_b4f9d2b1ef90862f.txt"}) {
    const auto& r = seed::report(name);
    REQUIRE_FALSE(r.checks.empty());
    for (const auto& c : r.checks) {
      INFO(c.id);
      CHECK((c.status == "passed" || c.status == "failed" || c.status == "rounding" ||
             c.status == "not_applicable" || c.status == "insufficient_data" || c.status == "ambiguous"));
    }
  }
}

TEST_CASE("names.consistent: seed 001 20604 技术与研究开发 vs 技术与开发", "[rules][names][seed001]") {
  // 表2 line 142 "20604 技术与研究开发"; 表3 line 178 and 表5 line 262 "20604 技术与开发".
  const auto& r = seed::report("001_f4a815153176995a.txt");
  auto f = findings_at(r, "names.consistent", 142);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == "warning");
  CHECK(f[0]->related_lines == std::vector<int>{178, 262});
  CHECK(findings_at(r, "names.consistent", 178).empty());
}

TEST_CASE("names.consistent: no majority lists every spelling once", "[rules][names][seed000]") {
  // 208 is "社会 and 保障就业支出" (02表 l.162), "社会保障就业支出" (03表 l.199),
  // "社会保障和就业支出" (05表 l.283): one warning, no guess.
  const auto& r = seed::report("000_9c8107d782db8362.txt");
  auto f = findings_at(r, "names.consistent", 162);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->related_lines == std::vector<int>{199, 283});
  CHECK(findings_at(r, "names.consistent", 199).empty());
}

TEST_CASE("three_public.items: reception in basic expenditure above the 三公 table", "[rules][three_public]") {
  const std::string three =
      "“三公”经费支出决算表\n公开07表\n金额单位：万元\n"
      "项目\t合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n"
      "\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
      "决算数\t1.00\t0.00\t0.00\t0.00\t0.00\t1.00\n\n";  // lines 1-6
  const std::string basic =
      "一般公共预算财政拨款基本支出决算表\n公开06表\n金额单位：万元\n"
      "科目编码\t科目名称\t决算数\n"
      "302\t商品和服务支出\t3.00\n"
      "30217\t公务接待费\t3.00\n";  // 30217 on line 13 (line 7 is blank)
  auto r = run(three + basic);
  auto f = findings_at(r, "three_public.items", 13);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "3.00");
  CHECK(f[0]->expected == "1.00");
  // Within the ceiling: nothing.
  auto ok = run(three + "一般公共预算财政拨款基本支出决算表\n公开06表\n金额单位：万元\n"
                        "科目编码\t科目名称\t决算数\n302\t商品和服务支出\t0.50\n30217\t公务接待费\t0.50\n");
  CHECK(findings_at(ok, "three_public.items", 13).empty());
}

TEST_CASE("cross.income_columns: seed 003 puts the government-fund income under 上级补助收入", "[rules][seed003]") {
  // 公开01表 l.64-65: 一般公共预算 23066415.36 + 政府性基金 18877239.00 = 41943654.36
  // of 财政拨款; l.67 上级补助收入 is blank. 公开02表 合计 (l.113) prints
  // 财政拨款收入 23066415.36 and 上级补助收入 18877239.00.
  const auto& r = seed::report("003_7723f8960340c19d.txt");
  auto f = findings_at(r, "cross.income_columns", 113);
  REQUIRE(f.size() == 2);
  std::vector<std::string> actuals{f[0]->actual, f[1]->actual};
  std::sort(actuals.begin(), actuals.end());
  CHECK(actuals == std::vector<std::string>{"18877239.00", "23066415.36"});
}

TEST_CASE("performance.targets: weights must add up to 100", "[rules][performance]") {
  std::string table =
      "2021年市级部门预算项目绩效目标表\n单位：元\n"
      "单位编码\t单位名称(项目名称)\t资金安排\t总体绩效目标\t一级指标\t二级指标\t三级指标\t计算符号\t指标值\t计量单位\t指标权重\n"
      "\t\t总计\t\t\t\t\t\t\t\t\n"
      "253001\t项目甲\t1,000.00\t目标\t产出指标\t数量指标\t次数\t≥\t4\t次\t50\n"
      "\t\t\t\t效益指标\t社会效益指标\t人数\t≥\t10\t人\tWEIGHT\n";
  auto make = [&](const std::string& w) {
    std::string t = table;
    t.replace(t.find("WEIGHT"), 6, w);
    return run(t);
  };
  auto ok = make("50");
  auto bad = make("40");  // 50 + 40 = 90
  CHECK(findings_at(ok, "performance.targets", 5).empty());
  auto f = findings_at(bad, "performance.targets", 5);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "90");
}

namespace {

// A clean 支出决算表 written in four layouts. Figures: 合计 100.00 = 208 60.00
// + 221 40.00; each 类 = its 款 = its 项; 本年支出合计 = 基本支出 + 项目支出.
const char* kCleanRows[][5] = {
    {"合计", "", "100.00", "70.00", "30.00"},
    {"208", "社会保障和就业支出", "60.00", "40.00", "20.00"},
    {"20805", "行政事业单位养老支出", "60.00", "40.00", "20.00"},
    {"2080505", "机关事业单位基本养老保险缴费支出", "60.00", "40.00", "20.00"},
    {"221", "住房保障支出", "40.00", "30.00", "10.00"},
    {"22102", "住房改革支出", "40.00", "30.00", "10.00"},
    {"2210201", "住房公积金", "40.00", "30.00", "10.00"},
};

std::string clean_report(const std::string& layout, int perturb_row = -1, int perturb_col = -1) {
  std::string out = "支出决算表\n公开03表\n金额单位：万元\n";  // lines 1-3
  auto row = [&](std::vector<std::string> cells) {
    if (layout == "tab") {
      for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "\t" : "") + cells[i];
    } else if (layout == "pipe") {
      out += "|";
      for (auto& c : cells) out += " " + c + " |";
    } else if (layout == "csv") {
      for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    } else {
      out += "<tr>";
      for (auto& c : cells) out += "<td>" + c + "</td>";
      out += "</tr>";
    }
    out += "\n";
  };
  row({"项目", "", "本年支出合计", "基本支出", "项目支出"});       // line 4
  row({"功能分类科目编码", "科目名称", "", "", ""});                // line 5
  for (int r = 0; r < 7; ++r) {                                      // lines 6-12
    std::vector<std::string> cells(kCleanRows[r], kCleanRows[r] + 5);
    if (r == perturb_row) cells[static_cast<std::size_t>(perturb_col)] = "77.77";  // far from every clean figure
    row(cells);
  }
  return out;
}

int material(const hezhang::Report& r) {
  int n = 0;
  for (const auto& f : r.findings) n += f.materiality == "material";
  return n;
}

}  // namespace

TEST_CASE("a clean report gives no material finding in any layout", "[rules][clean]") {
  for (const char* layout : {"tab", "pipe", "html", "csv"}) {
    INFO(layout);
    auto r = run(clean_report(layout));
    REQUIRE(r.tables.size() == 1);
    CHECK(r.tables[0].rows.size() == 7);
    CHECK(material(r) == 0);
    int passed = 0;
    for (const auto& c : r.checks) passed += c.status == "passed";
    CHECK(passed >= 10);
  }
}

TEST_CASE("every single-cell perturbation of a clean report is found at its line", "[rules][perturb]") {
  for (const char* layout : {"tab", "pipe", "html", "csv"}) {
    for (int row = 0; row < 7; ++row) {
      for (int col = 2; col < 5; ++col) {
        INFO(layout << " row " << row << " col " << col);
        auto r = run(clean_report(layout, row, col));
        int line = 6 + row;
        bool at_line = false;
        for (const auto& f : r.findings)
          if (f.materiality == "material" && f.first_line == line) at_line = true;
        CHECK(at_line);
      }
    }
  }
}

TEST_CASE("cross.tables compares 02表 with 03表 only when nothing was carried over", "[rules][cross]") {
  auto count = [](const hezhang::Report& r, const std::string& scope, const std::string& status) {
    int n = 0;
    for (const auto& c : r.checks)
      n += c.id.rfind("cross.tables:" + scope + ":", 0) == 0 && (status.empty() || c.status == status);
    return n;
  };
  // Seed 001 表1: 使用非财政拨款结余, 年初/年末结转和结余 all blank (l.116-117):
  // income and expenditure by function agree code by code (e.g. 210: 29.88 in both).
  const auto& clean = seed::report("001_f4a815153176995a.txt");
  CHECK(count(clean, "final.income_vs_expense_by_function", "") > 0);
  CHECK(count(clean, "final.income_vs_expense_by_function", "passed") ==
        count(clean, "final.income_vs_expense_by_function", ""));
  // Seed 000 公开01表 l.146: 年初结转和结余 5.88 — 02表 and 03表 may differ.
  const auto& carried = seed::report("000_9c8107d782db8362.txt");
  CHECK(count(carried, "final.income_vs_expense_by_function", "") == 0);
}

TEST_CASE("one root cause, one finding: consequences are folded into the cause", "[rules][root_cause]") {
  auto has_line = [](const hezhang::Finding& f, int line) {
    return std::find(f.related_lines.begin(), f.related_lines.end(), line) != f.related_lines.end();
  };
  // Seed 000: 公开04表 l.249 prints 19408.54 (others 19480.54, −72.00); its
  // 本年支出合计 (l.263) then breaks against the classes by 72.01 — the same cause.
  const auto& r0 = seed::report("000_9c8107d782db8362.txt");
  auto cause0 = findings_at(r0, "cross.tables", 249);
  REQUIRE(cause0.size() == 1);
  CHECK(has_line(*cause0[0], 263));
  CHECK(findings_at(r0, "template.rows", 263).empty());
  // Seed 004: 本年收入合计 (l.176) 5,068,099.80 is two fen short; 收入总计
  // (l.183) = 本年收入合计 + carry-overs then breaks by the same 0.02.
  const auto& r4 = seed::report("004_b4f9d2b1ef90862f.txt");
  auto cause4 = findings_at(r4, "template.rows", 176);
  REQUIRE(cause4.size() == 1);
  CHECK(has_line(*cause4[0], 183));
  CHECK(findings_at(r4, "template.rows", 183).empty());
  // Distinct causes stay apart: the blank 公用经费 column of 支出预算总表
  // (l.195-197) is its own finding, not folded into l.176.
  CHECK_FALSE(has_line(*cause4[0], 195));
  CHECK(findings_at(r4, "template.columns", 195).size() == 1);
}

namespace {

// A 公开10表 in 元: procurement 合计 `total` over 货物 100.00, 工程 (blank),
// 服务 50.00; 机关运行经费 by kind of unit.
std::string info_table(const std::string& total) {
  return "部门决算公开相关信息统计表\n"      // 1
         "公开10表\n"                        // 2
         "金额单位：元\n"                    // 3
         "一、政府采购情况\t\t\n"            // 4
         "项目\t行次\t采购金额\n"            // 5
         "合计\t1\t" + total + "\n"          // 6
         "货物\t2\t100.00\n"                 // 7
         "工程\t3\t\n"                       // 8
         "服务\t4\t50.00\n"                  // 9
         "二、机关运行经费\t\t\n"            // 10
         "(一) 行政单位\t5\t80.00\n"         // 11
         "(二) 参照公务员法管理事业单位\t6\t\n";  // 12
}

}  // namespace

// The 2022 template of 公开10表 fixes 政府采购合计 = 货物 + 工程 + 服务; the
// first 合计 row is that total (the 机关运行经费 and 车辆 parts have their own).
TEST_CASE("template.rows: 公开10表 procurement total is goods + works + services", "[rules][template]") {
  auto ok = run(info_table("150.00"));
  CHECK(rules_test::only_status(ok, "template.rows:t1:procurement:6") == "passed");
  CHECK(rules_test::material_table_findings(ok).empty());
  auto bad = run(info_table("160.00"));
  CHECK(rules_test::only_status(bad, "template.rows:t1:procurement:6") == "failed");
  auto f = findings_at(bad, "template.rows", 6);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "150.00");
  CHECK(f[0]->actual == "160.00");
  CHECK(f[0]->materiality == "material");
  CHECK(f[0]->related_lines == std::vector<int>{7, 8, 9});
  auto slip = run(info_table("150.01"));
  auto s = findings_at(slip, "template.rows", 6);
  REQUIRE(s.size() == 1);
  CHECK(s[0]->materiality == "rounding");
}
