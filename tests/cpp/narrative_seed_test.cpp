// The narrative findings of the five seeds, each verified by hand against
// the report's own text (the arithmetic is written next to each check), and
// the consistent sentences that must give nothing.
#include <map>
#include <string>
#include <vector>

#include "seed_tests_support.h"

namespace {

const char* k000 = "000_9c8107d782db8362.txt";
const char* k001 = "001_f4a815153176995a.txt";
const char* k002 = "002_dc4432bf91a26f7a.txt";
const char* k003 = "003_7723f8960340c19d.txt";
const char* k004 = "004_b4f9d2b1ef90862f.txt";

std::vector<const hezhang::Finding*> at(const hezhang::Report& r, const std::string& rule, int line) {
  std::vector<const hezhang::Finding*> out;
  for (const auto& f : r.findings)
    if (f.rule == rule && f.first_line == line) out.push_back(&f);
  return out;
}

int material_narrative(const hezhang::Report& r) {
  int n = 0;
  for (const auto& f : r.findings)
    if (f.rule.compare(0, 10, "narrative.") == 0 && f.severity == "error") ++n;
  return n;
}

}  // namespace

TEST_CASE("seed 002 (no tables): the narrative is checked against itself", "[narrative][seed002]") {
  const auto& r = seed::report(k002);
  // Line 71: 年初预算 0 万元, 决算 214.96 万元, "完成年初预算的 214.96%": no rate
  // exists on a budget of 0 (the figure is the amount written as a percent).
  REQUIRE(seed::contains(seed::source_line(k002, 71), "完成年初预算的 214.96%"));
  auto c = at(r, "narrative.completion", 71);
  REQUIRE(c.size() == 1);
  CHECK(c[0]->severity == "error");
  // Line 213: 授予中小企业 46.96 万元 of a 政府采购 total of 7.86 万元:
  // 46.96 / 7.86 = 597.46%, and a part larger than its whole.
  auto p = at(r, "narrative.percent", 213);
  REQUIRE(p.size() == 1);
  CHECK(p[0]->expected == "597.46");
  CHECK(p[0]->actual == "597.12");
  // Line 75: 人员经费 132.95 + 公用经费 5.72 = 138.67 vs 基本支出 138.66: within
  // the ±0.015 of three figures rounded to 0.01: a note, not an error.
  auto b = at(r, "narrative.parts", 75);
  REQUIRE(b.size() == 1);
  CHECK(b[0]->severity == "info");
  // Line 67: the 类 list adds to 214.95 vs 214.96, and its shares to 100%: a note.
  auto l = at(r, "narrative.parts", 67);
  REQUIRE(l.size() == 1);
  CHECK(l[0]->materiality == "rounding");
  // Line 43: "增加 214.96 万元，增长 100%" for a new unit: an undefined rate, a note.
  auto g = at(r, "narrative.growth", 43);
  REQUIRE(g.size() == 1);
  CHECK(g[0]->severity == "info");
  // Nothing else is material; no claim is linked (no standard tables).
  CHECK(material_narrative(r) == 2);
  REQUIRE(r.claims.size() > 100);
  for (const auto& claim : r.claims) CHECK_FALSE(claim.cell.has_value());
  // Lines 47 and 51: every share is right (138.66 / 214.96 = 64.51%, …).
  CHECK(at(r, "narrative.percent", 47).empty());
  CHECK(at(r, "narrative.percent", 51).empty());
}

TEST_CASE("seed 003: 收入合计, project funds, completion and the two increases", "[narrative][seed003]") {
  const auto& r = seed::report(k003);
  // Line 428: 收入合计 41,943,654.36 元 lists all six income kinds, which add up
  // to 23,066,415.36 元 (财政拨款收入; the others 0.00).
  auto parts = at(r, "narrative.parts", 428);
  REQUIRE(parts.size() == 1);
  CHECK(parts[0]->expected == "23066415.36");
  CHECK(parts[0]->actual == "41943654.36");
  // Lines 552 / 562: the funds of the 7 二级项目: 29231739 元 and 29234839 元.
  auto rep = at(r, "narrative.repeated", 562);
  REQUIRE(rep.size() == 1);
  CHECK(rep[0]->related_lines == std::vector<int>{552});
  // Line 570: 预算 10 万元, 执行 10 万元, "完成预算的93.16%" (10/10 = 100%).
  auto comp = at(r, "narrative.completion", 570);
  REQUIRE(comp.size() == 1);
  CHECK(comp[0]->expected == "100.00");
  // Lines 424 / 458: 收入总计 and 财政拨款收入总计 are both 41,943,654.36 and both
  // grew 89.43%, but by 19,801,676.60 and 19,801,677.20: a warning.
  auto twice = at(r, "narrative.repeated", 458);
  REQUIRE(twice.size() == 1);
  CHECK(twice[0]->severity == "warning");
  // Line 484: every 类 completion rate and growth rate is right
  // (3640931.06/3754800 = 96.97%; 16503879.1/20144810.16 = 81.93%; …).
  // Lines 484–486 hold seven 类 with a budget and six with a rate from a
  // non-zero base (two from zero: 城乡社区, 其他): all checked, none failed.
  std::map<std::string, int> statuses;
  for (const auto& c : r.checks)
    if ((c.rule == "narrative.completion" || c.rule == "narrative.growth") && !c.lines.empty() &&
        (c.lines.front() == 484 || c.lines.front() == 486))
      ++statuses[c.rule + "/" + c.status];
  CHECK(statuses["narrative.completion/passed"] == 7);
  CHECK(statuses["narrative.growth/passed"] == 6);
  CHECK(statuses["narrative.growth/not_applicable"] == 2);
  CHECK(statuses["narrative.completion/failed"] == 0);
  CHECK(statuses["narrative.growth/failed"] == 0);
  for (const auto* f : at(r, "narrative.completion", 484)) CHECK(f->severity != "error");
  for (const auto* f : at(r, "narrative.growth", 484)) CHECK(f->severity != "error");
  // Line 536: 1,184.46 / 224,940.00 = 0.53%: right.
  CHECK(at(r, "narrative.growth", 536).empty());
}

TEST_CASE("seed 004: swapped classes and the 基本支出 that is the 一般公共服务 figure", "[narrative][seed004]") {
  const auto& r = seed::report(k004);
  // Line 64 gives 住房保障 20.21 and 社会保障和就业 24.49 万元; the tables (and
  // lines 58 and 74) give 244,896.00 and 202,070.16 元: one swapped finding.
  auto sw = at(r, "narrative.table", 64);
  REQUIRE(sw.size() == 1);
  CHECK(seed::contains(sw[0]->message_zh, "写反"));
  // Line 94: 基本支出 462.11 万元; 一般公共预算支出表 gives 2,184,299.82 元 and the
  // sentence's own parts 174.88 + 43.55 = 218.43 万元.
  auto basic = at(r, "narrative.table", 94);
  REQUIRE(basic.size() == 1);
  CHECK(basic[0]->expected == "218.43");
  // Lines 58, 70, 74, 78–90 restate table figures in 万元: nothing reported.
  for (int line : {48, 52, 56, 58, 70, 74, 78, 84, 86, 88, 90}) {
    INFO(line);
    CHECK(at(r, "narrative.table", line).empty());
  }
  // Line 64's 一般公共服务支出 462.11 agrees with three tables; 财政拨款收支预算总表
  // prints 5,068,099.82 on that row (a table error): the claim is ambiguous, not blamed.
  bool ambiguous = false;
  for (const auto& c : r.claims) ambiguous = ambiguous || (c.line == 64 && c.link == "ambiguous");
  CHECK(ambiguous);
}

TEST_CASE("seeds 000 and 001: completion on a zero budget; consistent prose stays quiet", "[narrative][seed000][seed001]") {
  // 001 lines 423/425: 年初预算 0.00 万元, 决算 11.30 / 643.29 万元, "完成年初预算的 0%".
  const auto& r1 = seed::report(k001);
  CHECK(at(r1, "narrative.completion", 423).size() == 1);
  CHECK(at(r1, "narrative.completion", 425).size() == 1);
  // 001 line 417: "项目支出主要用于网上群众工作年度经费 239.2 万元" is one project.
  CHECK(at(r1, "narrative.table", 417).empty());
  // 000 line 392: "2020 年收入合计 19740.74 万元" while 公开01表 本年收入合计 is
  // 19734.86 (the text adds 5.88 of 年初结转结余 into 收入合计).
  const auto& r0 = seed::report(k000);
  auto f = at(r0, "narrative.table", 392);
  REQUIRE(f.size() == 1);
  CHECK(f[0]->expected == "19734.86");
  // 000 lines 463–488: the 三公 figures match 公开07表's 决算数 row.
  for (int line : {470, 474, 488}) {
    INFO(line);
    CHECK(at(r0, "narrative.table", line).empty());
  }
  // Line 463 lists 公用经费's items: 公务用车运行维护费 6.14 matches, and so do
  // they all but one. The text has 水费 0.15 and 邮电费 2.52; 公开06表 has no
  // 水费 row and prints 30207 邮电费 as 0.15 (line 334), and its 302 row is
  // 2.47 more than its items (hierarchy.sum, line 331): the text and the table
  // disagree on 邮电费.
  auto postal = at(r0, "narrative.table", 463);
  REQUIRE(postal.size() == 1);
  CHECK(postal[0]->actual == "2.52");
  CHECK(postal[0]->expected == "0.15");
  CHECK(postal[0]->related_lines == std::vector<int>{334});
  CHECK(at(r0, "hierarchy.sum", 331).size() == 1);
  // Lines 496/500: 培训费 预算 8 / 决算 3.44 and 会议费 0.24 / 0.24 万元 are
  // 公开07表's 会议费 and 培训费 columns. Line 463's 培训费 0.59 is a 公用经费
  // item (basic spending only), not the 3.44 of all spending: it is not
  // compared with 公开07表.
  int meeting_training = 0;
  for (const auto& c : r0.claims) {
    if (c.subject != "meeting" && c.subject != "training") continue;
    if (c.line == 463) CHECK_FALSE(c.cell.has_value());
    if ((c.line != 496 && c.line != 500) || (c.relation != "budget" && c.relation != "actual")) continue;
    ++meeting_training;
    REQUIRE(c.cell);
    CHECK(c.cell->row_line == (c.relation == "budget" ? 366 : 367));
  }
  CHECK(meeting_training == 4);
  CHECK(at(r0, "narrative.table", 496).empty());
  CHECK(at(r0, "narrative.table", 500).empty());
}

// 公用经费 and 人员经费 and their economic items, as the 基本支出 paragraphs
// list them, are read against the basic-expenditure table: its 基本支出
// column where it has one (003 公开06表), else the item's own figure (000,
// whose items print only under 人员经费 or 公用经费), in the row's own column
// group (tables printed as side-by-side groups).
TEST_CASE("seeds 000, 001, 003: economic items and 人员/公用经费 are linked to the basic table", "[narrative][seed000][seed003]") {
  const auto& r3 = seed::report(k003);
  int econ = 0, econ_linked = 0;
  for (const auto& c : r3.claims) {
    if (c.line != 492 && c.line != 496) continue;
    if (c.subject.rfind("econ:", 0) != 0 && c.subject != "personnel" && c.subject != "public_expense") continue;
    ++econ;
    econ_linked += c.cell ? 1 : 0;
    if (c.subject == "econ:30102") {
      // 津贴补贴 1,474,140.63: the 基本支出 column, not the row's 1,499,140.63 in all.
      REQUIRE(c.cell);
      CHECK(c.cell->value == "1474140.63");
    }
    if (c.subject == "public_expense") {
      // 公用经费合计 sits in the second column group, basic 648,530.39 (18,098,136.56 in all).
      REQUIRE(c.cell);
      CHECK(c.cell->value == "648530.39");
    }
  }
  CHECK(econ >= 25);
  CHECK(econ_linked == econ);
  for (int line : {464, 466, 492, 496}) {
    INFO(line);
    CHECK(at(r3, "narrative.table", line).empty());
  }
  // 001 表6: 人员经费合计 and 公用经费合计 in two column groups, 378.99 and 6.14.
  const auto& r1 = seed::report(k001);
  int totals = 0;
  for (const auto& c : r1.claims)
    if ((c.subject == "personnel" || c.subject == "public_expense") && c.relation == "value") {
      ++totals;
      REQUIRE(c.cell);
      CHECK(c.cell->value == (c.subject == "personnel" ? "378.99" : "6.14"));
    }
  CHECK(totals == 2);
}

TEST_CASE("claims are linked where the tables hold them (README counts)", "[narrative][claims]") {
  struct Expect {
    const char* file;
    int min_linked;
  };
  for (const Expect& e : {Expect{k000, 50}, Expect{k001, 24}, Expect{k003, 50}, Expect{k004, 24}}) {
    INFO(e.file);
    const auto& r = seed::report(e.file);
    int linked = 0;
    for (const auto& c : r.claims) {
      linked += c.cell ? 1 : 0;
      if (!c.cell) CHECK_FALSE(c.reason.empty());  // every unlinked claim says why
    }
    CHECK(linked >= e.min_linked);
  }
}
