// Seed 004: 绍兴市大数据发展管理局 2021 单位预算: budget templates, tables in 元
// with thousands separators, uncoded rows in the 收支预算总表, rows out of code
// order. Every expected value below was read by hand from
// tests/fixtures/004_b4f9d2b1ef90862f.txt (1-based lines; "\t" separates cells).
#include "seed_tests_support.h"

namespace {
const char* const kSeed = "004_b4f9d2b1ef90862f.txt";

int row_position(const hezhang::Table& t, int line, int group = 0) {
  for (size_t i = 0; i < t.rows.size(); ++i)
    if (t.rows[i].line == line && t.rows[i].group == group) return static_cast<int>(i);
  return -1;
}
}  // namespace

TEST_CASE("seed 004: document and table list", "[seed][seed004]") {
  const auto& r = seed::report(kSeed);
  CHECK(r.document.kind == "budget");
  CHECK(r.document.year == 2021);
  CHECK(r.document.unit == "元");
  // Titles l.158, 185, 209, 229, 252, 287, 299, 309 ("2021年市级部门…"); units "单位: 元"
  // l.160, "单位：元" l.189, 233, 256, 291, 301 (same line as 部门名称), 313. No 公开 labels.
  const char* const templates[] = {
      "budget.summary",        "budget.expense_summary",     "budget.fiscal_summary",
      "budget.general_budget", "budget.general_budget_basic", "budget.three_public",
      "budget.gov_fund",       "budget.project_performance"};
  const int first_lines[] = {158, 185, 209, 229, 252, 287, 299, 309};
  REQUIRE(r.tables.size() == 8);
  for (int i = 0; i < 8; ++i) {
    INFO("table #" << i + 1 << " " << r.tables[i].title);
    CHECK(r.tables[i].template_id == templates[i]);
    CHECK(r.tables[i].unit == "元");
    CHECK(r.tables[i].label.empty());
    CHECK(r.tables[i].first_line == first_lines[i]);
  }
  CHECK(r.tables[0].unit_line == 160);
  CHECK(r.tables[6].unit_line == 301);
}

TEST_CASE("seed 004: row counts", "[seed][seed004]") {
  const auto& r = seed::report(kSeed);
  // 收支预算总表: income l.164-171, 176-183 (16); expense l.164-176, 178, 179, 181, 183 (17).
  const auto& t1 = seed::unique_table(r, "budget.summary");
  CHECK(seed::rows_in_group(t1, 0) == 16);
  CHECK(seed::rows_in_group(t1, 1) == 17);
  // 支出预算总表 l.194-207; 一般公共预算支出表 l.238-250; 基本支出表 l.261-285.
  CHECK(seed::unique_table(r, "budget.expense_summary").rows.size() == 14);
  CHECK(seed::unique_table(r, "budget.general_budget").rows.size() == 13);
  CHECK(seed::unique_table(r, "budget.general_budget_basic").rows.size() == 25);
  // 财政拨款收支预算总表: income l.213-220, 227 (9); expense l.213-227 (15).
  const auto& t3 = seed::unique_table(r, "budget.fiscal_summary");
  CHECK(seed::rows_in_group(t3, 0) == 9);
  CHECK(seed::rows_in_group(t3, 1) == 15);
  // 三公 l.296-297.
  CHECK(seed::unique_table(r, "budget.three_public").rows.size() == 2);
}

TEST_CASE("seed 004: 收支预算总表, inferred codes and the two 本年收入合计", "[seed][seed004]") {
  const auto& r = seed::report(kSeed);
  const auto& t = seed::unique_table(r, "budget.summary");
  // l.164 "一、一般公共预算拨款收入\t5,068,099.82\t一般公共服务支出\t4,621,133.66"
  SEED_CELL(t, 164, 0, "amount", "5068099.82", "元");
  SEED_CELL(t, 164, 1, "amount", "4621133.66", "元");
  CHECK(seed::code_at(t, 164, 1) == "201");
  CHECK(seed::row_at(t, 164, 1)->code_inferred);
  CHECK(seed::row_at(t, 164, 1)->level == "类");
  // l.165 "…\t政府办公厅（室）及相关机构事务\t4,621,133.66" → 款 20103 (coded in l.197)
  CHECK(seed::code_at(t, 165, 1) == "20103");
  CHECK(seed::row_at(t, 165, 1)->level == "款");
  // l.166 "…\t其他政府办公厅（室）及相关机构事务支出\t2,883,800.00" printed before
  // l.167 "…\t行政运行\t1,737,333.66": 2010399 before 2010301 (out of code order).
  CHECK(seed::code_at(t, 166, 1) == "2010399");
  CHECK(seed::row_at(t, 166, 1)->code_inferred);
  CHECK(seed::row_at(t, 166, 1)->level == "项");
  SEED_CELL(t, 166, 1, "amount", "2883800.00", "元");
  CHECK(seed::code_at(t, 167, 1) == "2010301");
  SEED_CELL(t, 167, 1, "amount", "1737333.66", "元");
  // l.170 "七、附属单位上缴预算收入\t\t购房补贴\t49,560.00"
  CHECK(seed::code_at(t, 170, 1) == "2210203");
  SEED_CELL(t, 170, 1, "amount", "49560.00", "元");
  // l.172 "\t\t社会保障和就业支出\t202,070.16" (社会保障 after 住房保障: out of order)
  CHECK(seed::code_at(t, 172, 1) == "208");
  SEED_CELL(t, 172, 1, "amount", "202070.16", "元");
  // Income-side names carry no code: l.164 "一、一般公共预算拨款收入".
  CHECK(seed::code_at(t, 164, 0).empty());
  CHECK_FALSE(seed::row_at(t, 164, 0)->code_inferred);
  // l.176 "本年收入合计\t5,068,099.80\t本年支出合计\t5,068,099.82" (.80 vs .82, as printed)
  CHECK(seed::row_at(t, 176, 0)->level == "total");
  SEED_CELL(t, 176, 0, "amount", "5068099.80", "元");
  SEED_CELL(t, 176, 1, "amount", "5068099.82", "元");
  // l.183 "收入总计\t5,068,099.82\t支出合计\t5,068,099.82"
  SEED_CELL(t, 183, 0, "amount", "5068099.82", "元");
  SEED_CELL(t, 183, 1, "amount", "5068099.82", "元");
}

TEST_CASE("seed 004: 支出预算总表 and 财政拨款收支预算总表", "[seed][seed004]") {
  const auto& r = seed::report(kSeed);
  const auto& t2 = seed::unique_table(r, "budget.expense_summary");
  // l.193 "**\t**\t1\t2\t3\t4\t7\t8\t9" (栏次 as printed, 5 and 6 skipped)
  CHECK(t2.columns[seed::column_index(t2, "project")].number == "4");
  CHECK(t2.columns[seed::column_index(t2, "affiliated_subsidy")].number == "7");
  // l.194 "\t合计\t5,068,099.82\t1,748,780.64\t435,519.18\t2,883,800.00\t\t\t"
  SEED_CELL(t2, 194, 0, "total", "5068099.82", "元");
  SEED_CELL(t2, 194, 0, "public_expense", "435519.18", "元");
  // l.195 "253001\t绍兴市大数据发展管理局本级\t5,068,099.82\t1,748,780.64\t\t2,883,800.00" (unit row, no 公用经费)
  CHECK(seed::code_at(t2, 195) == "253001");
  CHECK(seed::row_at(t2, 195)->level == "unit");
  CHECK(seed::value_at(t2, 195, 0, "public_expense") == "<no cell>");
  // l.198 "2010301\t行政运行\t1,737,333.66\t1,301,814.48\t435,519.18"
  SEED_CELL(t2, 198, 0, "personnel", "1301814.48", "元");
  SEED_CELL(t2, 198, 0, "public_expense", "435519.18", "元");

  const auto& t3 = seed::unique_table(r, "budget.fiscal_summary");
  // l.214 "(一) 一般公共预算拨款\t5,068,099.82\t一般公共服务支出\t5,068,099.82"
  CHECK(seed::code_at(t3, 214, 1) == "201");
  SEED_CELL(t3, 214, 1, "amount", "5068099.82", "元");
  // l.215 "(二) 政府性基金预算拨款\t\t政府办公厅(室)及相关机构事务\t4,621,123.66" (…123.66, as printed)
  CHECK(seed::name_at(t3, 215, 1) == "政府办公厅(室)及相关机构事务");
  CHECK(seed::code_at(t3, 215, 1) == "20103");
  CHECK(seed::row_at(t3, 215, 1)->code_inferred);
  SEED_CELL(t3, 215, 1, "amount", "4621123.66", "元");
  // l.227 "收入总计\t5,068,099.82\t支出总计\t5,068,099.82"
  SEED_CELL(t3, 227, 0, "amount", "5068099.82", "元");
}

TEST_CASE("seed 004: 一般公共预算 tables, rows out of code order", "[seed][seed004]") {
  const auto& r = seed::report(kSeed);
  const auto& t4 = seed::unique_table(r, "budget.general_budget");
  // l.245 "2080506\t机关事业单位职业年金缴费支出\t67,356.84…" before l.246 "2080505\t…\t134,713.32…"
  CHECK(seed::code_at(t4, 245) == "2080506");
  CHECK(seed::code_at(t4, 246) == "2080505");
  CHECK(row_position(t4, 245) < row_position(t4, 246));
  SEED_CELL(t4, 245, 0, "total", "67356.84", "元");
  SEED_CELL(t4, 246, 0, "personnel", "134713.32", "元");
  // l.238 "\t合计\t5,068,099.82\t2,184,299.82\t1,748,780.64\t435,519.18\t2,883,800.00"
  SEED_CELL(t4, 238, 0, "basic", "2184299.82", "元");
  SEED_CELL(t4, 238, 0, "project", "2883800.00", "元");

  const auto& t5 = seed::unique_table(r, "budget.general_budget_basic");
  // l.270 "30199\t其他工资福利支出\t336,000.00…", then l.271 "30101\t基本工资\t330,516.00\t330,516.00\t"
  CHECK(seed::code_at(t5, 271) == "30101");
  CHECK(seed::row_at(t5, 271)->level == "econ_item");
  SEED_CELL(t5, 271, 0, "personnel", "330516.00", "元");
  // l.285 "30201\t办公费\t47,600.00\t\t47,600.00"
  SEED_CELL(t5, 285, 0, "public_expense", "47600.00", "元");
  // l.261 "\t合计\t2,184,299.82\t1,748,780.64\t435,519.18"
  SEED_CELL(t5, 261, 0, "public_expense", "435519.18", "元");

  const auto& t6 = seed::unique_table(r, "budget.three_public");
  // l.296 "合计\t9,000.00\t\t\t\t\t9,000.00"
  SEED_CELL(t6, 296, 0, "total", "9000.00", "元");
  SEED_CELL(t6, 296, 0, "reception", "9000.00", "元");
  CHECK(t6.columns[seed::column_index(t6, "reception")].number == "6");

  // l.305 "\t合计\t\t\t" then l.307 "注：…没有政府性基金预算拨款安排的支出，故本表无数据。"
  const auto& t7 = seed::unique_table(r, "budget.gov_fund");
  CHECK(t7.declared_empty);
  CHECK(t7.empty_note_line == 307);
}

// Parser problems once reported to the core owner, fixed since: kept as regressions.
TEST_CASE("seed 004: project performance columns, fiscal summary unit line", "[seed][seed004]") {
  const auto& r = seed::report(kSeed);
  // l.315 header has 15 columns (… 计算符号, 指标值, 计量单位, 指标权重); the data rows
  // are printed one cell short before 总体绩效目标 and end with an empty cell, e.g.
  // l.317 "253001\t…\t78,000.00\t78,000.00\t\t\t保障…开展 。\t效益指标\t经济效益 指标\t预算执行率\t≥\t95\t(%)\t20\t".
  // Each project's weights (20 x 5 = 100) belong under 指标权重, 95 under 指标值.
  const auto& p = seed::unique_table(r, "budget.project_performance");
  SEED_CELL(p, 317, 0, "weight", "20", "元");
  SEED_CELL(p, 317, 0, "target_value", "95", "元");
  // l.318 "\t\t\t\t\t\t\t效益指标\t社会效益 指标\t重点人员管 控、信息研 判数量\t≥\t10000\t人次\t20\t"
  SEED_CELL(p, 318, 0, "weight", "20", "元");
  SEED_CELL(p, 318, 0, "target_value", "10000", "元");
  // 财政拨款收支预算总表 (l.209-227) prints no unit; unit_line must not be l.189 of the
  // previous table.
  const auto& f = seed::unique_table(r, "budget.fiscal_summary");
  CHECK((f.unit_line == 0 || f.unit_line >= f.first_line));
}

TEST_CASE("seed 004: a class figure links to the table of its own scope", "[seed][seed004]") {
  // Both the 收支预算总表 (t1) and the 财政拨款收支预算总表 (t3) hold the
  // classes. l.58 "一般公共服务支出 462.11 万元" speaks of all funds: t1's
  // row (l.164). l.64, in the 财政拨款 overview, "住房保障支出 20.21 万元":
  // t3's row (l.218), not t1's (l.168), though both hold 244 896.00 元.
  const auto& r = seed::report(kSeed);
  const hezhang::Claim* all = nullptr;
  const hezhang::Claim* fiscal = nullptr;
  for (const auto& c : r.claims) {
    if (c.line == 58 && c.subject == "class:201") all = &c;
    if (c.line == 64 && c.subject == "class:221") fiscal = &c;
  }
  REQUIRE(all != nullptr);
  REQUIRE(fiscal != nullptr);
  CHECK(all->scope == "all");
  REQUIRE(all->cell.has_value());
  CHECK(all->cell->table_id == "t1");
  CHECK(all->cell->row_line == 164);
  CHECK(fiscal->scope == "fiscal");
  REQUIRE(fiscal->cell.has_value());
  CHECK(fiscal->cell->table_id == "t3");
  CHECK(fiscal->cell->row_line == 218);
}
