// tables.declared_empty against the rest of the report: a table declared
// empty (by its own note, or by the index of tables) while other tables show
// amounts of that kind.
#include <catch2/catch.hpp>

#include "rules_test_support.h"
#include "seed_tests_support.h"

using rules_test::checks_with;
using rules_test::findings_at;
using rules_test::material_table_findings;
using rules_test::run;

namespace {

// 公开04表 (lines 1-8): 政府性基金 income `fund_in` (l.7, group 0); 212 城乡社区支出
// spent `fund_out` from 政府性基金 (l.7, group 1), 国有资本经营 `capital_out`
// on 223 (also l.7 is taken by 212: 223 is on l.8).
std::string fiscal_summary(const std::string& fund_in, const std::string& fund_out,
                           const std::string& capital_in = "", const std::string& capital_out = "") {
  return "财政拨款收入支出决算总表\n公开04表\n金额单位：万元\n"                              // 1-3
         "收入\t\t支出\t\t\t\t\n"                                                              // 4
         "项目\t金额\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款\n"  // 5
         "一般公共预算财政拨款\t10.00\t一般公共服务支出\t10.00\t10.00\t\t\n"                   // 6
         "政府性基金预算财政拨款\t" + fund_in + "\t城乡社区支出\t" + fund_out + "\t\t" + fund_out + "\t\n" +  // 7
         "国有资本经营预算财政拨款\t" + capital_in + "\t国有资本经营预算支出\t" + capital_out + "\t\t\t" +
         capital_out + "\n\n";                                                                  // 8-9
}

// 公开08表 declared empty (lines 10-16; the note on l.16).
const char* kEmptyGovFund =
    "政府性基金预算财政拨款收入支出决算表\n公开08表\n金额单位：万元\n"
    "项目\t\t年初结转和结余\t本年收入\t本年支出\t年末结转和结余\n"
    "功能分类科目编码\t科目名称\t\t\t\t\n"
    "合计\t\t\t\t\t\n"
    "说明：本部门本年度无政府性基金预算财政拨款收入、支出及结转和结余情况。\n";

// 公开09表 declared empty (lines 10-16; the note on l.16).
const char* kEmptyStateCapital =
    "国有资本经营预算财政拨款支出决算表\n公开09表\n金额单位：万元\n"
    "项目\t\t本年支出\t\t\n"
    "功能分类科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
    "合计\t\t\t\t\n"
    "说明：本部门本年度无国有资本经营预算财政拨款支出情况。\n";

// A 决算 report's 公开01表 and 公开03表 (10.00 of general spending), then
// fiscal_summary with nothing of 政府性基金 or 国有资本经营: no 07-09表.
std::string final_tables_01_03_04() {
  return "收入支出决算总表\n公开01表\n金额单位：万元\n收入\t\t支出\t\n项目\t决算数\t项目\t决算数\n"
         "一般公共预算财政拨款收入\t10.00\t一般公共服务支出\t10.00\n本年收入合计\t10.00\t本年支出合计\t10.00\n\n"
         "支出决算表\n公开03表\n金额单位：万元\n项目\t\t本年支出合计\t基本支出\t项目支出\n"
         "功能分类科目编码\t科目名称\t\t\t\n201\t一般公共服务支出\t10.00\t10.00\t\n\n" +
         fiscal_summary("", "");
}

}  // namespace

TEST_CASE("declared_empty: 08表 empty while 04表 shows government-fund money", "[rules][declared_empty]") {
  // 04表 l.7: 政府性基金预算财政拨款 income 5.00 and 212 spent 5.00 from it;
  // 08表 l.16 says there is none: one error at the declaration, the amounts related.
  auto r = run(fiscal_summary("5.00", "5.00") + kEmptyGovFund);
  REQUIRE(r.tables.size() == 2);
  REQUIRE(r.tables[1].declared_empty);
  auto f = findings_at(r, "tables.declared_empty", 16);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == "error");
  CHECK(f[0]->materiality == "material");
  CHECK(f[0]->actual == "5.00");
  CHECK(f[0]->expected == "0");
  CHECK(f[0]->unit == "万元");
  CHECK(f[0]->related_lines == std::vector<int>{7, 10});
  CHECK(seed::contains(f[0]->message_zh, "公开04表第7行「政府性基金预算财政拨款」5.00 万元"));
  auto c = checks_with(r, "tables.declared_empty:elsewhere:gov_fund:16");
  REQUIRE(c.size() == 1);
  CHECK(c[0]->status == "failed");
}

TEST_CASE("declared_empty: nothing of that kind elsewhere passes", "[rules][declared_empty]") {
  // 04表 prints no 政府性基金 figure, or prints 0.00: nothing contradicts 08表.
  for (const char* zero : {"", "0.00"}) {
    INFO("figure '" << zero << "'");
    auto r = run(fiscal_summary(zero, zero) + kEmptyGovFund);
    CHECK(findings_at(r, "tables.declared_empty", 16).empty());
    auto c = checks_with(r, "tables.declared_empty:elsewhere:gov_fund:16");
    REQUIRE(c.size() == 1);
    CHECK(c[0]->status == "passed");
  }
}

TEST_CASE("declared_empty: with no table to compare, the check says so", "[rules][declared_empty]") {
  // 08表 alone: no 01表/04表 to hold such amounts — insufficient_data, not passed.
  auto r = run(std::string(kEmptyGovFund));
  auto c = checks_with(r, "tables.declared_empty:elsewhere:gov_fund:7");
  REQUIRE(c.size() == 1);
  CHECK(c[0]->status == "insufficient_data");
  CHECK(material_table_findings(r).empty());
}

TEST_CASE("declared_empty: 09表 empty against state-capital spending is an error, against income a warning",
          "[rules][declared_empty]") {
  // 09表 shows expenditure only. 223 国有资本经营预算支出 3.00 (04表 l.8) is
  // such expenditure: an error. An income of 3.00 with nothing spent may all
  // be carried over: a warning.
  auto spent = run(fiscal_summary("", "", "3.00", "3.00") + kEmptyStateCapital);
  auto f = findings_at(spent, "tables.declared_empty", 16);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == "error");
  CHECK(f[0]->related_lines == std::vector<int>{8, 10});
  auto income = run(fiscal_summary("", "", "3.00", "") + kEmptyStateCapital);
  auto g = findings_at(income, "tables.declared_empty", 16);
  REQUIRE(g.size() == 1);
  CHECK(g[0]->severity == "warning");
  CHECK(seed::contains(g[0]->message_en, "such income or balances"));
}

TEST_CASE("declared_empty: the index of tables declares 08表 empty while 04表 shows the fund", "[rules][declared_empty]") {
  // The index (l.1-4) marks 表 8 是 (empty) and no 08表 is printed; 04表 (from
  // l.6) shows 5.00 of 政府性基金 on its l.7 (line 12 of the report).
  std::string index =
      "部门决算表目录\n序号\t内容\t是否空表\t表格为空的理由\n"
      "表 1\t收入支出决算总表\t\t\n"
      "表 8\t政府性基金预算财政拨款收入支出决算表\t是\t不涉及\n\n";  // l.4, then blank l.5
  auto r = run(index + fiscal_summary("5.00", "5.00"));
  INFO(r.document.kind);
  REQUIRE(r.document.kind == "final_accounts");
  auto f = findings_at(r, "tables.declared_empty", 4);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->related_lines == std::vector<int>{12});
  CHECK(seed::contains(f[0]->message_zh, "部门决算表目录第4行声明无政府性基金预算财政拨款数据"));
}

TEST_CASE("declared_empty: the seeds' declared-empty tables agree with their other tables", "[rules][declared_empty]") {
  // 000: index l.108/109 (08/09 不涉及); 001: 表7 l.333, 表8 l.348, 表9 l.364;
  // 003: 公开07表 l.345, 公开09表 l.384; 004: 政府性基金支出预算表 l.307. None of
  // their 01/04 表 or budget summaries print a government-fund, state-capital
  // or 30212/31013 amount: every check passes, no finding. (Ledger order:
  // 政府性基金, 国有资本经营, 三公.)
  struct Case { const char* file; std::vector<int> lines; };
  for (const Case& k : {Case{"000_9c8107d782db8362.txt", {108, 109}}, Case{"001_f4a815153176995a.txt", {348, 364, 333}},
                        Case{"003_7723f8960340c19d.txt", {384, 345}}, Case{"004_b4f9d2b1ef90862f.txt", {307}}}) {
    const auto& r = seed::report(k.file);
    auto c = checks_with(r, "tables.declared_empty:elsewhere:");
    REQUIRE(c.size() == k.lines.size());
    for (std::size_t i = 0; i < c.size(); ++i) {
      INFO(k.file << " " << c[i]->id);
      CHECK(c[i]->status == "passed");
      CHECK(c[i]->lines.front() == k.lines[i]);
    }
    for (const auto& f : r.findings) CHECK(f.rule != "tables.declared_empty");
  }
}

TEST_CASE("declared_empty: 三公 declared empty while basic expenditure pays 因公出国（境）费用", "[rules][declared_empty]") {
  // 公开07表 (l.1-6) says there were no 三公 expenses; 公开06表 l.12 pays
  // 30212 因公出国（境）费用 2.00 out of basic expenditure. (30217 and 30231 are
  // three_public.items', which compares them with a declared-empty table as zero.)
  const std::string three =
      "“三公”经费支出决算表\n公开07表\n金额单位：万元\n"
      "项目\t合计\t因公出国(境)费\t公务用车购置及运行费\t\t\t公务接待费\n"
      "\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
      "说明：本部门本年度无“三公”经费支出预决算情况。\n\n";  // l.6, blank l.7
  auto basic = [](const std::string& amount) {
    return "一般公共预算财政拨款基本支出决算表\n公开06表\n金额单位：万元\n"  // l.8-10
           "科目编码\t科目名称\t决算数\n"                                      // l.11
           "302\t商品和服务支出\t" + amount + "\n"                             // l.12
           "30212\t因公出国（境）费用\t" + amount + "\n";                      // l.13
  };
  auto r = run(three + basic("2.00"));
  REQUIRE(r.tables.size() == 2);
  REQUIRE(r.tables[0].declared_empty);
  auto f = findings_at(r, "tables.declared_empty", 6);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->severity == "error");
  CHECK(f[0]->related_lines == std::vector<int>{1, 13});
  CHECK(f[0]->actual == "2.00");
  auto none = run(three + basic("0.00"));
  CHECK(findings_at(none, "tables.declared_empty", 6).empty());
}

TEST_CASE("declared_empty: a required 决算 table missing, with and without an explanation", "[rules][declared_empty]") {
  // A 决算 report printing 01表, 03表 and 04表 but no 08表. Without a word about
  // it, 公开08表 missing is a warning; a sentence saying the department has no
  // 政府性基金 (and published an empty table) explains it: not_applicable, and
  // that sentence is then checked against 04表 like any declaration.
  const std::string tables = final_tables_01_03_04();
  auto required8 = [](const hezhang::Report& r) {
    return rules_test::only_status(r, "tables.declared_empty:required:8");
  };
  auto silent = run(tables);
  REQUIRE(silent.document.kind == "final_accounts");
  CHECK(required8(silent) == "failed");
  bool warned = false;
  for (const auto& f : silent.findings)
    warned = warned || (f.rule == "tables.declared_empty" && f.severity == "warning" &&
                        seed::contains(f.message_zh, "公开08表）未找到"));
  CHECK(warned);

  // A sentence about last year explains nothing about this year's tables
  // (seed 002 l.85: "上一年度无政府性基金预算财政拨款支出情况").
  auto last_year = run(tables + "\n八、政府性基金预算财政拨款支出情况\n上一年度无政府性基金预算财政拨款支出情况。\n");
  CHECK(required8(last_year) == "failed");

  auto explained = run(tables + "\n八、政府性基金预算财政拨款收入支出决算情况说明\n本部门无政府性基金决算收支，并已公开空表。\n");
  CHECK(required8(explained) == "not_applicable");
  for (const auto& f : explained.findings) CHECK_FALSE(seed::contains(f.message_zh, "公开08表）未找到"));
  auto elsewhere = checks_with(explained, "tables.declared_empty:elsewhere:gov_fund:");
  REQUIRE(elsewhere.size() == 1);
  CHECK(elsewhere[0]->status == "passed");
  // The same explanation while 04表 shows 5.00 of 政府性基金: contradicted.
  auto contradicted = run(tables.substr(0, tables.size() - fiscal_summary("", "").size()) +
                          fiscal_summary("5.00", "5.00") +
                          "\n八、政府性基金预算财政拨款收入支出决算情况说明\n本部门无政府性基金决算收支，并已公开空表。\n");
  auto bad = checks_with(contradicted, "tables.declared_empty:elsewhere:gov_fund:");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0]->status == "failed");
}

TEST_CASE("declared_empty: which sentences explain a missing table", "[rules][declared_empty]") {
  // A 决算 report with 01表, 03表 and 04表 (nothing of 政府性基金, 国有资本经营 or
  // 三公 in them) and no 07-09表: each sentence below is the whole explanation.
  // A sentence explains table N when "本部门/本单位/我部门/我单位/本年度" is
  // followed by "无/没有/不涉及" then the kind, quoted or not, spaces ignored,
  // or when it names the kind and an empty table; else table N stays missing.
  const std::string tables = final_tables_01_03_04();
  auto status = [&](const std::string& sentence, int number) {
    const auto r = run(tables + "\n二、情况说明\n" + sentence + "\n");
    REQUIRE(r.document.kind == "final_accounts");
    return rules_test::only_status(r, "tables.declared_empty:required:" + std::to_string(number));
  };
  CHECK(status("本单位没有“三公”经费支出。", 7) == "not_applicable");
  CHECK(status("我部门不涉及国有资本经营预算财政拨款支出。", 9) == "not_applicable");
  CHECK(status("本部门 无 政府性基金 收支。", 8) == "not_applicable");
  CHECK(status("本年度无政府性基金预算财政拨款收入。", 8) == "not_applicable");
  CHECK(status("政府性基金预算财政拨款收支表为空表。", 8) == "not_applicable");
  // Not an explanation: no one says it is theirs, another kind, or a "有".
  CHECK(status("无政府性基金预算财政拨款收入。", 8) == "failed");
  CHECK(status("本部门无“三公”经费支出。", 8) == "failed");
  CHECK(status("本部门有政府性基金预算财政拨款收入，详见下表。", 8) == "failed");
  // The kind named twice: the second place is the one that says none.
  CHECK(status("政府性基金预算由财政统筹，本部门无政府性基金收支。", 8) == "not_applicable");
  // Last year's: explains nothing about this year's tables, empty or not.
  CHECK(status("本单位上一年度无政府性基金预算财政拨款收入。", 8) == "failed");
  CHECK(status("上年政府性基金预算财政拨款收支表为空表。", 8) == "failed");
}
