// The narrative rule families on small hand-written explanations: consistent
// sentences give nothing, material breaks give an error with the figure the
// other figures imply, rounding-level ones an info note only.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace {

hezhang::Report run(const std::string& body) {
  hezhang::Options o;
  return hezhang::analyze("某单位2022年度部门决算\n\n三、情况说明\n\n" + body, o);
}

std::vector<const hezhang::Finding*> of(const hezhang::Report& r, const std::string& rule) {
  std::vector<const hezhang::Finding*> out;
  for (const auto& f : r.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

std::vector<std::string> statuses(const hezhang::Report& r, const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& c : r.checks)
    if (c.rule == rule) out.push_back(c.status);
  return out;
}

// A minimal 决算 with 公开01表 (万元), for claim-vs-table tests.
std::string with_table(const std::string& prose) {
  return "收入支出决算总表\n公开01表\n单位：万元\n"
         "收入\t\t支出\t\n项目\t金额\t项目\t金额\n"
         "一、财政拨款收入\t100.00\t一、一般公共服务支出\t60.00\n"
         "本年收入合计\t100.00\t二、住房保障支出\t40.00\n"
         "\t\t本年支出合计\t100.00\n"
         "收入总计\t100.00\t支出总计\t100.00\n\n"
         "支出决算表\n公开03表\n单位：万元\n"
         "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
         "\t合计\t100.00\t100.00\t\n"
         "201\t一般公共服务支出\t60.00\t60.00\t\n"
         "221\t住房保障支出\t40.00\t40.00\t\n\n"
         "一、收入支出决算总体情况说明\n\n" +
         prose;
}

}  // namespace

TEST_CASE("narrative.percent: consistent, rounding slip and material break", "[narrative][percent]") {
  // 138.66 / 214.96 = 64.505%: 64.51 is right.
  auto ok = run("（三）支出决算情况说明\n\n本年支出合计 214.96 万元，其中基本支出 138.66 万元，占 64.51%。\n");
  CHECK(of(ok, "narrative.percent").empty());
  CHECK(statuses(ok, "narrative.percent") == std::vector<std::string>{"passed"});
  // 64.52: one unit of the last digit off, a rounding note.
  auto slip = run("（三）支出决算情况说明\n\n本年支出合计 214.96 万元，其中基本支出 138.66 万元，占 64.52%。\n");
  REQUIRE(of(slip, "narrative.percent").size() == 1);
  CHECK(of(slip, "narrative.percent")[0]->materiality == "rounding");
  CHECK(of(slip, "narrative.percent")[0]->severity == "info");
  // 60.51%: material, expected 64.51.
  auto bad = run("（三）支出决算情况说明\n\n本年支出合计 214.96 万元，其中基本支出 138.66 万元，占 60.51%。\n");
  auto f = of(bad, "narrative.percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == "error");
  CHECK(f[0]->expected == "64.51");
  CHECK(f[0]->actual == "60.51");
  CHECK(f[0]->difference == "-4.00");
  CHECK(f[0]->first_line == 7);
  // The finding names the whole it divided by, with its figure.
  CHECK(f[0]->message_zh.find("占本年支出合计 214.96 万元应为 64.51%") != std::string::npos);
  CHECK(f[0]->message_en.find("is 64.51% of expenditure of the year 214.96 万元") != std::string::npos);
}

TEST_CASE("narrative.percent: the whole is the sum of the list when its shares add up to 100%", "[narrative][percent]") {
  // Seed 004 line 60: 174.88 + 43.55 + 288.38 = 506.81; 34.5 + 8.6 + 56.9 = 100.
  auto ok = run("2. 按支出用途分类\n\n包括人员支出 174.88 万元，占 34.5%；日常公用支出 43.55 万元，占 8.6%；"
                "项目支出 288.38 万元，占 56.9%。\n");
  CHECK(of(ok, "narrative.percent").empty());
  CHECK(statuses(ok, "narrative.percent") == std::vector<std::string>{"passed", "passed", "passed"});
  // Without a whole and without shares adding to 100%: not checked, not passed.
  auto none = run("2. 按支出用途分类\n\n包括人员支出 174.88 万元，占 34.5%。\n");
  CHECK(statuses(none, "narrative.percent") == std::vector<std::string>{"insufficient_data"});
  // 194.88 for 174.88: the shares still add up to 100%, the amounts no
  // longer match them; each finding names the sum of the list as its whole.
  auto off = run("2. 按支出用途分类\n\n包括人员支出 194.88 万元，占 34.5%；日常公用支出 43.55 万元，占 8.6%；"
                 "项目支出 288.38 万元，占 56.9%。\n");
  auto f = of(off, "narrative.percent");
  REQUIRE(f.size() == 3);
  CHECK(f[0]->expected == "37.0");  // 194.88 / 526.81 = 36.99%, to the share's one decimal
  CHECK(f[0]->message_zh.find("占所列各项之和应为 37.0%") != std::string::npos);
  CHECK(f[0]->message_en.find("of the sum of the listed items") != std::string::npos);
}

// 44.5% for 34.5%: the shares add up to 110%, but the other two are exactly
// their amount over the list's sum (43.55 / 506.81 = 8.59%, 288.38 / 506.81 =
// 56.90%), so that sum is the whole and the odd share is the wrong one. Two
// wrong shares leave the whole unknown: not checked.
TEST_CASE("narrative.percent: one share off a list that no longer adds up to 100%", "[narrative][percent]") {
  auto one = run("2. 按支出用途分类\n\n包括人员支出 174.88 万元，占 44.5%；日常公用支出 43.55 万元，占 8.6%；"
                 "项目支出 288.38 万元，占 56.9%。\n");
  auto f = of(one, "narrative.percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "44.5");
  CHECK(f[0]->expected == "34.5");  // 174.88 / 506.81 = 34.51%
  CHECK(statuses(one, "narrative.percent") == std::vector<std::string>{"failed", "passed", "passed"});
  auto two = run("2. 按支出用途分类\n\n包括人员支出 174.88 万元，占 44.5%；日常公用支出 43.55 万元，占 9.6%；"
                 "项目支出 288.38 万元，占 56.9%。\n");
  CHECK(of(two, "narrative.percent").empty());
  CHECK(statuses(two, "narrative.percent") ==
        std::vector<std::string>{"insufficient_data", "insufficient_data", "insufficient_data"});
}

// Seed 003 line 464: "财政拨款决算支出23,066,415.36元…。其中，人员经费
// 4,943,278.80元，占比21.43%；日常公用经费648,530.39元，占比2.81%。" The list
// is a part of the amount stated before it (4,943,278.80 / 23,066,415.36 =
// 21.43%, 648,530.39 / 23,066,415.36 = 2.81%), not of its own sum (88%/12%).
TEST_CASE("narrative.percent: a list's whole is the amount stated before it when its shares fit", "[narrative][percent]") {
  auto text = [](const std::string& first_share) {
    return "（一）财政拨款支出决算总体情况\n\n2022年财政拨款决算支出23,066,415.36元。其中，人员经费4,943,278.80元，占比" +
           first_share + "；日常公用经费648,530.39元，占比2.81%。\n";
  };
  auto ok = run(text("21.43%"));
  CHECK(statuses(ok, "narrative.percent") == std::vector<std::string>{"passed", "passed"});
  auto bad = run(text("31.43%"));
  auto f = of(bad, "narrative.percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "21.43");
  CHECK(f[0]->message_zh.find("23,066,415.36元应为 21.43%") != std::string::npos);
  // A single share that does not fit the amount before it: no evidence of
  // what its whole is, not checked.
  auto single = run("（一）财政拨款支出决算总体情况\n\n2022年财政拨款决算支出23,066,415.36元。其中，人员经费"
                    "4,943,278.80元，占比31.43%。\n");
  CHECK(of(single, "narrative.percent").empty());
  CHECK(statuses(single, "narrative.percent") == std::vector<std::string>{"insufficient_data"});
}

// "占本年支出 21.36%" names 本年支出合计 in other words (seed 001 line 388).
TEST_CASE("narrative.percent: 占本年支出 is a share of the year's expenditure", "[narrative][percent]") {
  auto ok = run("（三）支出决算情况说明\n\n2020 年度支出合计 1,802.64 万元。其中：基本支出 385.13 万元，占本年支出 "
                "21.36%；项目支出 1,417.51 万元，占本年支出 78.64%。\n");
  CHECK(statuses(ok, "narrative.percent") == std::vector<std::string>{"passed", "passed"});
  auto bad = run("（三）支出决算情况说明\n\n2020 年度支出合计 1,802.64 万元。其中：基本支出 385.13 万元，占本年支出 "
                 "31.36%；项目支出 1,417.51 万元，占本年支出 78.64%。\n");
  auto f = of(bad, "narrative.percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "21.36");
  CHECK(f[0]->message_zh.find("占本年支出合计 1,802.64 万元应为 21.36%") != std::string::npos);
}

TEST_CASE("narrative.percent: a part larger than its whole", "[narrative][percent]") {
  // Seed 002 line 213.
  auto r = run("2.政府采购支出情况。\n\n2019年度政府采购支出总额7.86万元，其中：政府采购货物支出7.86万元。"
               "授予中小企业合同金额46.96万元，占政府采购支出总额的597.12%。\n");
  auto f = of(r, "narrative.percent");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "597.46");  // 46.96 / 7.86 = 5.9746
  CHECK(f[0]->message_zh.find("部分大于整体") != std::string::npos);
}

TEST_CASE("narrative.growth: rate from the amounts, both directions", "[narrative][growth]") {
  // 8.22 / (43.55 - 8.22) = 23.27%.
  auto up = run("1. 机关运行经费。\n\n机关运行经费支出 43.55 万元，比上年增加 8.22 万元，增长 23.3%。\n");
  CHECK(of(up, "narrative.growth").empty());
  // 1,184.46 / (223,755.54 + 1,184.46) = 0.5266%.
  auto down = run("1. 机关运行经费。\n\n机关运行经费支出223,755.54元，比2021年减少1,184.46元，下降0.53%。\n");
  CHECK(of(down, "narrative.growth").empty());
  auto wrong = run("1. 机关运行经费。\n\n机关运行经费支出223,755.54元，比2021年减少1,184.46元，下降5.30%。\n");
  auto f = of(wrong, "narrative.growth");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "0.53");
  CHECK(f[0]->severity == "error");
}

TEST_CASE("narrative.growth: contradicting directions, zero base, 持平 with a change", "[narrative][growth]") {
  auto dir = run("1. 机关运行经费。\n\n机关运行经费支出 43.55 万元，比上年增加 8.22 万元，下降 23.3%。\n");
  REQUIRE(of(dir, "narrative.growth").size() == 1);
  CHECK(of(dir, "narrative.growth")[0]->message_zh.find("方向相反") != std::string::npos);
  // Seed 002 line 43: a new unit, "增长 100%" from nothing: a note only.
  auto zero = run("（一）收入支出决算总体情况说明\n\n2019 年度收、支总计 214.96 万元，与 2018 年度相比，"
                  "收、支总计各增加 214.96 万元，增长 100%。\n");
  auto z = of(zero, "narrative.growth");
  REQUIRE(z.size() == 1);
  CHECK(z[0]->severity == "info");
  CHECK(z[0]->materiality == "rounding");
  auto flat = run("1. 机关运行经费。\n\n机关运行经费支出 43.55 万元，比上年增加 8.22 万元，与上年持平。\n");
  REQUIRE(of(flat, "narrative.growth").size() == 1);
  CHECK(of(flat, "narrative.growth")[0]->severity == "error");
}

TEST_CASE("narrative.completion: right denominator, zero budget, equal figures", "[narrative][completion]") {
  auto ok = run("（三）具体情况\n\n财政拨款支出年初预算20,807,500元，支出决算23,066,415.36元，完成年初预算的110.86%。\n");
  CHECK(of(ok, "narrative.completion").empty());
  CHECK(statuses(ok, "narrative.completion") == std::vector<std::string>{"passed"});
  // Seed 002 line 71: a rate on a budget of 0.
  auto zero = run("3.具体情况。\n\n一般公共预算财政拨款支出年初预算为 0 万元，支出决算为 214.96 万元,完成年初预算的 214.96%。\n");
  REQUIRE(of(zero, "narrative.completion").size() == 1);
  CHECK(of(zero, "narrative.completion")[0]->severity == "error");
  // Seed 003 line 570: budget equals outcome but "93.16%".
  auto same = run("(2)项目绩效自评结果\n\n项目全年预算数为10万元，执行数为10万元，完成预算的93.16%。\n");
  auto f = of(same, "narrative.completion");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "100.00");
  // 完成全年预算 with only the 年初预算 given: not checked.
  auto other = run("（三）具体情况\n\n财政拨款支出年初预算20,807,500元，支出决算23,066,415.36元，完成全年预算的110.86%。\n");
  CHECK(of(other, "narrative.completion").empty());
  CHECK(statuses(other, "narrative.completion") == std::vector<std::string>{"insufficient_data"});
}

TEST_CASE("narrative.completion: a rate named after a project's funds is the rate of the amounts before it",
          "[narrative][completion]") {
  // Seed 003 line 619 (a performance section): 1887.7 / 6000 = 31.46%. 项目支出
  // names the project's own spending there, not the table's 项目支出.
  const std::string head = "（二）项目绩效自评结果\n\n2022 年政府投资信息化项目专项资金年初预算 6000 万元，实际执行 1887.7 万元，";
  auto ok = run(head + "项目支出率为 31.46%，由于第四季度受疫情影响导致支出率较低。\n");
  CHECK(of(ok, "narrative.completion").empty());
  CHECK(statuses(ok, "narrative.completion") == std::vector<std::string>{"passed"});
  auto bad = run(head + "项目支出率为 41.46%，由于第四季度受疫情影响导致支出率较低。\n");
  auto f = of(bad, "narrative.completion");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "31.46");
  CHECK(f[0]->severity == "error");
  // A rate that names something else is not that rate.
  auto other = run(head + "群众满意度为 91.46%。\n");
  CHECK(statuses(other, "narrative.completion").empty());
}

TEST_CASE("narrative.parts: counts of staff and vehicles by kind add up to their whole", "[narrative][parts]") {
  // Seed 000 lines 94 and 522, as printed (they add up), then with one figure changed.
  const std::string staff = "（一）人员情况\n\n截止 2020 年底，本部门人员编制 87 人，其中行政编制 40 人、事业编制 47 人；"
                            "实有人员 78 人，其中行政 38 人、事业 40 人。单位管理的离退休人员 0 人。\n";
  auto ok = run(staff);
  CHECK(of(ok, "narrative.parts").empty());
  CHECK(statuses(ok, "narrative.parts") == std::vector<std::string>{"passed", "passed"});
  std::string wrong = staff;
  wrong.replace(wrong.find("事业 40 人"), std::string("事业 40 人").size(), "事业 41 人");
  auto bad = run(wrong);
  auto f = of(bad, "narrative.parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "79");
  CHECK(f[0]->actual == "78");
  CHECK(f[0]->severity == "error");
  CHECK(f[0]->message_zh.find("行政 38 人、事业 41 人") != std::string::npos);
  auto cars = run("（二）资产情况\n\n截至 2020 年末，本部门共有车辆 4 辆，其中副部（省）级以上领导用车 0 辆，主要领导干部用车 1 辆，"
                  "机要通信用车 2 辆，其他用车 0 辆。\n");
  REQUIRE(of(cars, "narrative.parts").size() == 1);
  CHECK(of(cars, "narrative.parts")[0]->expected == "3");
}

TEST_CASE("narrative.parts: counts of kinds that may overlap or nest are not summed, but none exceeds its whole",
          "[narrative][parts]") {
  // 党员 and 女性 overlap; 一级项目 holds 二级项目.
  auto overlap = run("（一）人员情况\n\n实有人员 78 人，其中党员 50 人、女性 40 人。\n");
  CHECK(of(overlap, "narrative.parts").empty());
  CHECK(statuses(overlap, "narrative.parts") == std::vector<std::string>{"insufficient_data"});
  auto nested = run("（三）绩效情况\n\n本单位组织对 2 个项目开展了绩效自评，其中，一级项目 1 个，二级项目 2 个。\n");
  CHECK(of(nested, "narrative.parts").empty());
  auto larger = run("（一）人员情况\n\n实有人员 78 人，其中党员 80 人。\n");
  auto f = of(larger, "narrative.parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "80");
  CHECK(f[0]->expected == "78");
  // Ten parts of 10^18 - 1 overflow a 64-bit sum: not summed, never wrapped.
  std::string cars = "（二）资产情况\n\n共有车辆 999999999999999999 辆，其中";
  const char* kinds[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  for (int k = 0; k < 10; ++k) cars += std::string(k ? "、" : "") + "第" + kinds[k] + "类用车 999999999999999999 辆";
  auto huge = run(cars + "。\n");
  CHECK(of(huge, "narrative.parts").empty());
  CHECK(statuses(huge, "narrative.parts") == std::vector<std::string>{"insufficient_data"});
  // A count in another sentence, or after "；", is no part.
  auto apart = run("（一）人员情况\n\n实有人员 78 人，其中行政 38 人、事业 40 人；借调人员 90 人。退休人员 100 人。\n");
  CHECK(of(apart, "narrative.parts").empty());
}

TEST_CASE("narrative.parts: complete lists add up, incomplete ones only may not exceed", "[narrative][parts]") {
  // Seed 004 line 94: 174.88 + 43.55 = 218.43, not 462.11.
  auto bad = run("（六）基本支出情况说明。\n\n2021 年一般公共预算基本支出 462.11 万元，其中：人员经费 174.88 万元，"
                 "主要包括基本工资；公用经费 43.55 万元，主要包括办公费。\n");
  auto f = of(bad, "narrative.parts");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "218.43");
  CHECK(f[0]->actual == "462.11");
  // Seed 002 line 75: 132.95 + 5.72 = 138.67 vs 138.66: rounding only.
  auto round = run("（六）基本支出情况说明\n\n基本支出 138.66 万元，其中：人员经费 132.95 万元；公用经费 5.72 万元。\n");
  REQUIRE(of(round, "narrative.parts").size() == 1);
  CHECK(of(round, "narrative.parts")[0]->severity == "info");
  // 其中 listing only the main part: not checked.
  auto partial = run("（三）支出决算情况说明\n\n本年支出合计 214.96 万元，其中基本支出 138.66 万元。\n");
  CHECK(of(partial, "narrative.parts").empty());
}

TEST_CASE("narrative.repeated: one subject, two values", "[narrative][repeated]") {
  auto r = run("(1)预算绩效管理工作开展情况\n\n二级项目7个，共涉及资金29231739元。\n\n"
               "(2)项目绩效自评结果\n\n二级项目绩效自评个数7个，涉及资金29234839元。\n");
  auto f = of(r, "narrative.repeated");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->first_line == 11);
  CHECK(f[0]->related_lines == std::vector<int>{7});
  auto same = run("(1)预算绩效管理工作开展情况\n\n二级项目7个，共涉及资金29231739元。\n\n"
                  "(2)项目绩效自评结果\n\n二级项目绩效自评个数7个，涉及资金2,923.17万元。\n");
  CHECK(of(same, "narrative.repeated").empty());  // 2,923.17 万元 restates 29231739 元
}

TEST_CASE("narrative.table: text vs table in another unit, and swapped figures", "[narrative][table]") {
  auto ok = run(with_table("2022年度收入总计 1,000,000.00 元。本年收入合计 100.00 万元。\n"));
  CHECK(of(ok, "narrative.table").empty());
  int linked = 0;
  for (const auto& c : ok.claims) linked += c.cell ? 1 : 0;
  CHECK(linked == 2);
  auto bad = run(with_table("2022年度收入总计 1,200,000.00 元。\n"));
  auto f = of(bad, "narrative.table");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "1000000.00");
  REQUIRE(f[0]->related_lines.size() == 1);
  CHECK(f[0]->related_lines[0] == 13);  // 收入总计 of 公开01表
  auto swapped = run(with_table("支出包括一般公共服务支出 40.00 万元、住房保障支出 60.00 万元。\n"));
  auto s = of(swapped, "narrative.table");
  REQUIRE(s.size() == 1);
  CHECK(s[0]->message_zh.find("写反") != std::string::npos);
}

// Seed 001 lines 421-429: "1. 公共安全支出(类)。年初预算为 0.00 万元，支出决算为
// 11.30 万元…": the figures take the subject of the title sentence before
// them. A sentence that says more than a name ("主要用于…") is not a title.
TEST_CASE("narrative.table: a title sentence names the subject of the figures after it", "[narrative][table]") {
  auto linked = [](const hezhang::Report& r) {
    int n = 0;
    for (const auto& c : r.claims) n += c.cell ? 1 : 0;
    return n;
  };
  auto ok = run(with_table("1. 一般公共服务支出(类)。年初预算为 50.00 万元，支出决算为 60.00 万元。\n"));
  CHECK(of(ok, "narrative.table").empty());
  CHECK(linked(ok) == 1);
  auto bad = run(with_table("1. 一般公共服务支出(类)。年初预算为 50.00 万元，支出决算为 70.00 万元。\n"));
  auto f = of(bad, "narrative.table");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->actual == "70.00");
  CHECK(f[0]->expected == "60.00");
  auto prose = run(with_table("主要用于一般公共服务支出。年初预算为 50.00 万元，支出决算为 70.00 万元。\n"));
  CHECK(of(prose, "narrative.table").empty());
  CHECK(linked(prose) == 0);
}

// A part explained in a sentence under another heading counts as present: the
// check passes at that sentence's line. The others are missing, each with its
// own message.
TEST_CASE("narrative.sections: a part named in a sentence elsewhere is present", "[narrative][sections]") {
  auto r = run("（一）收入支出决算总体情况说明\n\n收入总计 1 万元。\n\n（二）收入决算情况说明\n\n"
               "收入合计 1 万元。\n本年政府采购支出 0 万元。\n");
  // run() puts four lines first (title, blank, 三、heading, blank): the
  // 政府采购 sentence is line 12.
  const hezhang::CheckEntry* procurement = nullptr;
  const hezhang::CheckEntry* assets = nullptr;
  for (const auto& c : r.checks) {
    if (c.id == "narrative.sections@procurement") procurement = &c;
    if (c.id == "narrative.sections@assets") assets = &c;
  }
  REQUIRE(procurement != nullptr);
  CHECK(procurement->status == "passed");
  CHECK(procurement->lines == std::vector<int>{12});
  REQUIRE(assets != nullptr);
  CHECK(assets->status == "failed");
  int assets_findings = 0;
  for (const auto* f : of(r, "narrative.sections")) {
    CHECK(f->message_zh.find("政府采购") == std::string::npos);
    if (f->message_zh == "决算公开说明中未找到“国有资产占用情况”部分（部门决算公开应对此作出说明）") {
      ++assets_findings;
      CHECK(f->message_en == "The explanation has no section on state assets in use (a final-accounts disclosure must explain it)");
    }
  }
  CHECK(assets_findings == 1);
}

TEST_CASE("narrative.sections: a 决算 explanation missing a required part", "[narrative][sections]") {
  auto r = run("（一）收入支出决算总体情况说明\n\n收入总计 1 万元。\n\n（二）收入决算情况说明\n\n收入合计 1 万元。\n");
  auto f = of(r, "narrative.sections");
  CHECK(f.size() >= 10);
  for (const auto* x : f) CHECK(x->severity == "warning");
  bool overview_missing = false;
  for (const auto* x : f) overview_missing = overview_missing || x->message_zh.find("“收入支出决算总体情况”") != std::string::npos;
  CHECK_FALSE(overview_missing);
}

namespace {

// A minimal 公开10表 (元) after two lines of prose (lines 5-6): procurement
// 150.00 = 100.00 goods + 50.00 services (lines 12-15), 机关运行经费 by kind
// of unit (lines 17-18).
std::string with_info_table(const std::string& prose, const std::string& second_unit_kind = "") {
  return prose +
         "\n部门决算公开相关信息统计表\n公开10表\n金额单位：元\n"  // 8-10
         "项目\t行次\t金额\n"                                      // 11
         "合计\t1\t150.00\n货物\t2\t100.00\n工程\t3\t\n服务\t4\t50.00\n"  // 12-15
         "二、机关运行经费\t\t\n"                                 // 16
         "(一) 行政单位\t5\t80.00\n"                              // 17
         "(二) 参照公务员法管理事业单位\t6\t" + second_unit_kind + "\n";  // 18
}

}  // namespace

// 政府采购 and 机关运行经费 in the text are read against 公开10表: each kind
// of procurement against its row; 机关运行经费 against 行政单位 while the
// 参公事业单位 row holds nothing (with both, no one cell holds the total, so
// the claim stays unlinked rather than compared with a part).
TEST_CASE("narrative.table: procurement and running costs against 公开10表", "[narrative][table]") {
  auto text = [](const std::string& costs, const std::string& goods) {
    return "机关运行经费支出" + costs + "元。政府采购支出总额150.00元，其中：政府\n采购货物支出" + goods +
           "元、政府采购工程支出0.00元、政府采购服务支出50.00元。\n";
  };
  auto ok = run(with_info_table(text("80.00", "100.00")));
  CHECK(of(ok, "narrative.table").empty());
  int linked = 0;
  for (const auto& c : ok.claims) linked += c.cell ? 1 : 0;
  CHECK(linked == 4);  // 工程 is blank in the table: its 0.00 has no cell
  auto bad = run(with_info_table(text("90.00", "110.00")));
  auto f = of(bad, "narrative.table");
  REQUIRE(f.size() == 2);
  CHECK(f[0]->first_line == 5);
  CHECK(f[0]->expected == "80.00");
  CHECK(f[0]->related_lines == std::vector<int>{17});
  CHECK(f[1]->first_line == 6);
  CHECK(f[1]->expected == "100.00");
  // The wrong part also breaks line 5's own sum (110 + 0 + 50 != 150): one
  // finding says both, each sentence ending with its full stop.
  CHECK(f[1]->related_lines == std::vector<int>{5, 13});
  CHECK(f[1]->message_zh.find("100.00元。由此第5行") != std::string::npos);
  CHECK(f[1]->message_en.find("(line 13). This also breaks line 5") != std::string::npos);
  CHECK(of(bad, "narrative.parts").empty());
  auto both = run(with_info_table("机关运行经费支出90.00元。\n\n", "10.00"));
  CHECK(of(both, "narrative.table").empty());
  REQUIRE(both.claims.size() == 1);
  CHECK(both.claims[0].subject == "operating_costs");
  CHECK(both.claims[0].reason == "table_not_found");
}

// An economic item's basic figure: where the table splits 其中：基本支出 from
// the total, a blank basic cell means none of it is basic, so a basic-spending
// sentence is not compared with the row's total (which holds project money).
TEST_CASE("narrative.table: economic items against the basic column of 公开06表", "[narrative][table]") {
  // The sentence (line 7) sits under a 一般公共预算 basic-spending heading.
  auto report = [](const std::string& sentence) {
    return run("（六）一般公共预算财政拨款基本支出决算情况说明\n\n" + sentence +
               "\n\n一般公共预算财政拨款支出决算明细表\n公开06表\n金额单位：元\n"  // 9-11
               "人员经费\t\t\t\t公用经费\t\t\t\n"                                  // 12
               "科目编码\t科目名称\t金额\t其中：基本支出\t科目编码\t科目名称\t金额\t其中：基本支出\n"  // 13
               "301\t工资福利支出\t100.00\t100.00\t302\t商品和服务支出\t90.00\t30.00\n"  // 14
               "30101\t基本工资\t100.00\t100.00\t30201\t办公费\t30.00\t30.00\n"        // 15
               "\t\t\t\t30205\t水费\t60.00\t\n");                                      // 16
  };
  auto good = report("人员经费包括基本工资100.00元；公用经费包括办公费30.00元。");
  CHECK(of(good, "narrative.table").empty());
  int linked = 0;
  for (const auto& c : good.claims) linked += c.cell ? 1 : 0;
  CHECK(linked == 2);
  auto bad = report("人员经费包括基本工资100.00元；公用经费包括办公费40.00元。");
  auto f = of(bad, "narrative.table");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->first_line == 7);
  CHECK(f[0]->expected == "30.00");
  CHECK(f[0]->related_lines == std::vector<int>{15});
  // 水费 60.00 is all project money (basic blank): not compared, not linked.
  auto water = report("公用经费包括水费60.00元。");
  CHECK(of(water, "narrative.table").empty());
  bool seen = false;
  for (const auto& c : water.claims)
    if (c.subject == "econ:30205") {
      seen = true;
      CHECK(c.reason == "table_not_found");
    }
  CHECK(seen);
}

TEST_CASE("narrative.table: an economic item named by its standard name where the table prints another",
          "[narrative][table]") {
  // Seed 000: 公开06表 prints 30109 职业年金经费, the text says 职业年金缴费.
  auto report = [](const std::string& sentence) {
    return run("（六）一般公共预算财政拨款基本支出决算情况说明\n\n" + sentence +
               "\n\n一般公共预算财政拨款基本支出决算表\n公开06表\n金额单位：万元\n"  // 9-11
               "科目编码\t科目名称\t人员经费\t公用经费\n"                         // 12
               "301\t工资福利支出\t126.23\t\n"                                  // 13
               "30108\t机关事业单位基本养老保险缴费\t86.58\t\n"                 // 14
               "30109\t职业年金经费\t39.65\t\n");                               // 15
  };
  auto good = report("人员经费主要包括机关事业单位基本养老保险缴费 86.58 万元，职业年金缴费 39.65 万元。");
  CHECK(of(good, "narrative.table").empty());
  const hezhang::Claim* pension = nullptr;
  for (const auto& c : good.claims)
    if (c.text == "39.65 万元") pension = &c;
  REQUIRE(pension != nullptr);
  CHECK(pension->subject == "econ:30109");
  REQUIRE(pension->cell);
  CHECK(pension->cell->row_line == 15);
  auto bad = report("人员经费主要包括机关事业单位基本养老保险缴费 86.58 万元，职业年金缴费 39.56 万元。");
  auto f = of(bad, "narrative.table");
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "39.65");
  CHECK(f[0]->related_lines == std::vector<int>{15});
}
