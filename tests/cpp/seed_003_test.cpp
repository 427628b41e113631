// Seed 003: 阳泉市大数据应用局 2022 部门决算, tables in 元 with 行次 like "32.00",
// 公开02表's government-fund income under 上级补助收入, four groups in 公开06表,
// 公开10表. Every expected value below was read by hand from
// tests/fixtures/003_7723f8960340c19d.txt (1-based lines; "\t" separates cells).
#include "seed_tests_support.h"

namespace {
const char* const kSeed = "003_7723f8960340c19d.txt";
}

TEST_CASE("seed 003: document and table list", "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  CHECK(r.document.kind == "final_accounts");
  CHECK(r.document.year == 2022);
  CHECK(r.document.unit == "元");

  // 公开01..10表 (l.49-418; "金额单位：元" / "单位：元" at 59, 108, 154, 200, 249, 291,
  // 336, 355, 375, 394), then four 阳泉市项目支出绩效自评表 (l.651, 715, 779, 843; their
  // amounts are "（万元）": unit checked in the regression case below).
  const char* const labels[] = {"公开01表", "公开02表", "公开03表", "公开04表", "公开05表",
                                "公开06表", "公开07表", "公开08表", "公开09表", "公开10表"};
  const char* const templates[] = {
      "final.summary",        "final.income",       "final.expense",
      "final.fiscal_summary", "final.general_budget", "final.general_budget_detail",
      "final.three_public",   "final.gov_fund",     "final.state_capital",
      "final.info_stats"};
  REQUIRE(r.tables.size() == 14);
  for (int i = 0; i < 10; ++i) {
    INFO("table #" << i + 1 << " " << r.tables[i].title);
    CHECK(r.tables[i].template_id == templates[i]);
    CHECK(r.tables[i].label == labels[i]);
    CHECK(r.tables[i].unit == "元");
  }
  for (int i = 10; i < 14; ++i) {
    INFO("table #" << i + 1);
    CHECK(r.tables[i].template_id == "performance.self_evaluation");
  }
  // l.101-102 "公开02  " / "表": the label is split over two lines.
  CHECK(r.tables[1].unit_line == 108);
  CHECK(r.tables[7].unit_line == 355);
}

TEST_CASE("seed 003: row counts", "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  // 公开01表: income l.64-71, 91-93, 95 (12); expense l.64-87, 89-93, 95 (30).
  const auto& t1 = seed::unique_table(r, "final.summary");
  CHECK(seed::rows_in_group(t1, 0) == 12);
  CHECK(seed::rows_in_group(t1, 1) == 30);
  // 公开02表 l.113-142 without blank 136; 公开03表 l.159-188 without blank 184.
  CHECK(seed::unique_table(r, "final.income").rows.size() == 29);
  CHECK(seed::unique_table(r, "final.expense").rows.size() == 29);
  // 公开04表: income l.205-207, 232-237 (9); expense l.205-227, 229-233, 237 (29).
  const auto& t4 = seed::unique_table(r, "final.fiscal_summary");
  CHECK(seed::rows_in_group(t4, 0) == 9);
  CHECK(seed::rows_in_group(t4, 1) == 29);
  // 公开06表: 人员经费 l.295-309, 311-322, 324 (28); 公用经费 l.295-309, 311-324 (29);
  // third group l.295-309, 311-323 (28); fourth l.295-309, 311-321 (26).
  const auto& t6 = seed::unique_table(r, "final.general_budget_detail");
  CHECK(seed::rows_in_group(t6, 0) == 28);
  CHECK(seed::rows_in_group(t6, 1) == 29);
  CHECK(seed::rows_in_group(t6, 2) == 28);
  CHECK(seed::rows_in_group(t6, 3) == 26);
  // 公开08表 l.360-363.
  CHECK(seed::unique_table(r, "final.gov_fund").rows.size() == 4);
}

TEST_CASE("seed 003: 公开01表 行次 like 32.00", "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  const auto& t = seed::unique_table(r, "final.summary");
  // l.64 "一、一般公共预算财政拨款收入\t1.00\t23066415.36\t一、一般公共服务支出\t32.00\t3640931.06"
  CHECK(seed::row_at(t, 64, 0)->row_number == "1");
  SEED_CELL(t, 64, 0, "amount", "23066415.36", "元");
  CHECK(seed::row_at(t, 64, 1)->row_number == "32");
  SEED_CELL(t, 64, 1, "amount", "3640931.06", "元");
  // l.65 "二、政府性基金预算财政拨款收入\t2.00\t18877239.00\t二、外交支出\t33.00\t"
  SEED_CELL(t, 65, 0, "amount", "18877239.00", "元");
  // l.74 "\t11.00\t\t十一、城乡社区支出\t42.00\t18877239.00"
  CHECK(seed::row_at(t, 74, 1)->row_number == "42");
  SEED_CELL(t, 74, 1, "amount", "18877239.00", "元");
  // l.86 "\t23.00\t\t二十三、其他支出\t54.00\t9203670.00"
  SEED_CELL(t, 86, 1, "amount", "9203670.00", "元");
  // l.91 "<b>本年收入合计</b>\t27\t41943654.36\t<b>本年支出合计</b>\t58.00\t41943654.36"
  CHECK(seed::row_at(t, 91, 0)->row_number == "27");
  CHECK(seed::row_at(t, 91, 1)->row_number == "58");
  SEED_CELL(t, 91, 0, "amount", "41943654.36", "元");
  // l.95 "<b>总计</b>\t31.00\t41943654.36\t<b>总计</b>\t62.00\t41943654.36"
  CHECK(seed::row_at(t, 95, 0)->row_number == "31");
  CHECK(seed::row_at(t, 95, 1)->row_number == "62");
  SEED_CELL(t, 95, 1, "amount", "41943654.36", "元");
  // l.63 "栏次\t\t1\t栏次\t\t2"
  CHECK(t.columns[seed::column_index(t, "amount", 1)].number == "2");
}

TEST_CASE("seed 003: 公开02表 to 公开05表 cells", "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  const auto& t2 = seed::unique_table(r, "final.income");
  // l.110 "项目\t\t本年收入合计\t财政拨款收入\t上级补助收入\t…"; l.112 "栏次\t\t1\t2\t3\t…"
  CHECK(t2.columns[seed::column_index(t2, "superior_subsidy_income")].number == "3");
  // l.113 "合计\t\t41943654.36\t23066415.36\t18877239.00\t\t\t\t"
  SEED_CELL(t2, 113, 0, "income_total", "41943654.36", "元");
  SEED_CELL(t2, 113, 0, "fiscal_income", "23066415.36", "元");
  SEED_CELL(t2, 113, 0, "superior_subsidy_income", "18877239.00", "元");
  // l.133 "212\t城乡社区支出\t18877239.00\t\t18877239.00\t\t\t\t": fund income printed
  // under 上级补助收入, nothing under 财政拨款收入.
  CHECK(seed::code_at(t2, 133) == "212");
  SEED_CELL(t2, 133, 0, "superior_subsidy_income", "18877239.00", "元");
  CHECK(seed::value_at(t2, 133, 0, "fiscal_income") == "<no cell>");
  // l.135 "2120899\t其他国有土地使用权出让收入安排的支出\t18877239.00\t\t18877239.00"
  SEED_CELL(t2, 135, 0, "superior_subsidy_income", "18877239.00", "元");
  // l.127 "2080505\t机关事业单位基本养老保险缴费支出\t352800.33\t352800.33"
  SEED_CELL(t2, 127, 0, "fiscal_income", "352800.33", "元");

  const auto& t3 = seed::unique_table(r, "final.expense");
  // l.159 "合计\t\t41943654.36\t5591809.19\t36351845.17\t\t\t"
  SEED_CELL(t3, 159, 0, "basic", "5591809.19", "元");
  SEED_CELL(t3, 159, 0, "project", "36351845.17", "元");
  // l.183 "22102\t住房改革支出\t394461.00\t394461.00", l.184 blank, l.185 "2210201\t住房公积金\t394461.00\t394461.00"
  SEED_CELL(t3, 185, 0, "expense_total", "394461.00", "元");
  CHECK(seed::code_at(t3, 185) == "2210201");

  const auto& t4 = seed::unique_table(r, "final.fiscal_summary");
  // l.215 "\t11\t\t十一、城乡社区支出\t43\t18877239.00\t\t18877239.00\t"
  SEED_CELL(t4, 215, 1, "total", "18877239.00", "元");
  SEED_CELL(t4, 215, 1, "gov_fund", "18877239.00", "元");
  // l.232 "<b>本年收入合计</b>\t27\t41943654.36\t<b>本年支出合计</b>\t59\t41943654.36\t23066415.36\t18877239.00\t"
  SEED_CELL(t4, 232, 1, "general_budget", "23066415.36", "元");
  SEED_CELL(t4, 232, 1, "gov_fund", "18877239.00", "元");

  const auto& t5 = seed::unique_table(r, "final.general_budget");
  // l.253 "栏次\t\t1.00\t2.00\t3.00" is the 栏次 line (numbers 1-3), not a data row;
  // rows l.254-279 (26).
  CHECK(seed::row_at(t5, 253) == nullptr);
  CHECK(t5.rows.size() == 26);
  CHECK(t5.columns[seed::column_index(t5, "expense")].number == "1");
  CHECK(t5.columns[seed::column_index(t5, "basic")].number == "2");
  CHECK(t5.columns[seed::column_index(t5, "project")].number == "3");
  // l.254 "合计\t\t23066415.36\t5591809.19\t17474606.17"
  SEED_CELL(t5, 254, 0, "expense", "23066415.36", "元");
  SEED_CELL(t5, 254, 0, "project", "17474606.17", "元");
  // l.258 "2010504\t信息事务\t3595506.66\t2947807.18\t647699.48"
  SEED_CELL(t5, 258, 0, "basic", "2947807.18", "元");
}

TEST_CASE("seed 003: 公开06表 four groups and 公用经费合计", "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  const auto& t = seed::unique_table(r, "final.general_budget_detail");
  // l.294: "科目编码\t科目名称\t金额\t其中：基本支出" four times.
  CHECK(seed::column_index(t, "amount", 0) == 2);
  CHECK(seed::column_index(t, "amount", 1) == 6);
  CHECK(seed::column_index(t, "amount", 2) == 10);
  CHECK(seed::column_index(t, "amount", 3) == 14);
  // l.295 "301\t工资福利支出\t4662904.90\t4637904.90\t302\t商品和服务支出\t8894466.56\t648530.39\t307\t…\t31011\t地上附着物和青苗补偿\t\t"
  SEED_CELL(t, 295, 0, "amount", "4662904.90", "元");
  SEED_CELL(t, 295, 0, "basic", "4637904.90", "元");
  SEED_CELL(t, 295, 1, "amount", "8894466.56", "元");
  SEED_CELL(t, 295, 1, "basic", "648530.39", "元");
  CHECK(seed::code_at(t, 295, 3) == "31011");
  // l.306 "30113\t住房公积金\t394461.00\t394461.00\t30212\t因公出国（境）费用\t\t\t30907\t信息网络及软件购置更新\t9203670.00\t\t…"
  SEED_CELL(t, 306, 2, "amount", "9203670.00", "元");
  // l.308 "…\t30214\t租赁费\t7223236.69\t\t…" (nothing under 其中：基本支出)
  SEED_CELL(t, 308, 1, "amount", "7223236.69", "元");
  CHECK(seed::value_at(t, 308, 1, "basic") == "<no cell>");
  // l.312 "…\t313\t对社会保障基金补助\t\t——": a dash placeholder, no value
  CHECK(seed::value_at(t, 312, 3, "basic") == "<no value: ——>");
  // l.324 "<b>人员经费合计</b>\t\t4968278.80\t4943278.80\t<b>公用经费合计</b>\t\t…\t18098136.56\t648530.39":
  // the two right-most figures belong to 公用经费合计 (group 2).
  CHECK(seed::name_at(t, 324, 0) == "人员经费合计");
  SEED_CELL(t, 324, 0, "amount", "4968278.80", "元");
  SEED_CELL(t, 324, 0, "basic", "4943278.80", "元");
  CHECK(seed::name_at(t, 324, 1) == "公用经费合计");
  CHECK(seed::row_at(t, 324, 1)->level == "total");
  SEED_CELL(t, 324, 1, "amount", "18098136.56", "元");
  SEED_CELL(t, 324, 1, "basic", "648530.39", "元");
}

TEST_CASE("seed 003: 公开07-10表", "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  // 公开07表: header only, l.345 "说明：本表无数据"
  const auto& t7 = seed::unique_table(r, "final.three_public");
  CHECK(t7.declared_empty);
  CHECK(t7.empty_note_line == 345);
  CHECK(t7.rows.empty());
  CHECK(t7.columns.size() == 12);
  // 公开08表 l.360 "合计\t\t\t18877239.00\t18877239.00\t\t18877239.00\t"
  const auto& t8 = seed::unique_table(r, "final.gov_fund");
  CHECK_FALSE(t8.declared_empty);
  SEED_CELL(t8, 360, 0, "income", "18877239.00", "元");
  SEED_CELL(t8, 363, 0, "project", "18877239.00", "元");
  // 公开09表 l.384 "说明：本表无数据"
  const auto& t9 = seed::unique_table(r, "final.state_capital");
  CHECK(t9.declared_empty);
  CHECK(t9.empty_note_line == 384);
  // 公开10表 l.398 "合计\t1\t28217872.16", l.400 "工程\t3\t19850.16",
  // l.404 "(一) 行政单位\t5\t223755.54", l.416 "(二) 单价100万元(含)以上设备(不含车辆)\t17\t"
  const auto& t10 = seed::unique_table(r, "final.info_stats");
  CHECK(seed::row_at(t10, 398)->row_number == "1");
  SEED_CELL(t10, 398, 0, "amount", "28217872.16", "元");
  CHECK(seed::name_at(t10, 400) == "工程");
  SEED_CELL(t10, 400, 0, "amount", "19850.16", "元");
  CHECK(seed::name_at(t10, 404) == "行政单位");
  CHECK(seed::row_at(t10, 404)->row_number == "5");
  SEED_CELL(t10, 404, 0, "amount", "223755.54", "元");
  CHECK(seed::row_at(t10, 416)->row_number == "17");
}

// Parser problems once reported to the core owner, fixed since: kept as regressions.
TEST_CASE("seed 003: sub-header of 公开10表, 万元 in 自评表",
          "[seed][seed003]") {
  const auto& r = seed::report(kSeed);
  // l.403 "项目\t\t统计数" is a sub-header of 公开10表, not a row with amount "统计数".
  CHECK(seed::row_at(seed::unique_table(r, "final.info_stats"), 403) == nullptr);
  // The four 自评表 print amounts as "项目预算金额 (万元)" (l.661, 725, 791, 855), not 元
  // taken from 公开10表's l.394; the first title is l.651 (l.649 is "附件1").
  CHECK(r.tables[10].first_line == 651);
  for (int i = 10; i < 14; ++i) {
    INFO("table #" << i + 1 << " lines " << r.tables[i].first_line << "-" << r.tables[i].last_line);
    CHECK(r.tables[i].unit == "万元");
    CHECK((r.tables[i].unit_line == 0 || r.tables[i].unit_line >= r.tables[i].first_line));
  }
}
