// The 情况说明 as other tools lay it out: contents whose entries carry page
// numbers, markdown list items, and prose wrapped short as text copied from a
// PDF is (numbered paragraphs cut after a few words, figures cut in two). Each
// case is read as the same words on whole lines are.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace {

hezhang::Report run(const std::string& text) {
  hezhang::Options o;
  return hezhang::analyze(text, o);
}

std::vector<std::string> headings(const hezhang::Report& r) {
  std::vector<std::string> out;
  for (const auto& s : r.sections) out.push_back(s.heading);
  return out;
}

// "line:text:relation" of each claim, in order.
std::vector<std::string> claims(const hezhang::Report& r) {
  std::vector<std::string> out;
  for (const auto& c : r.claims) out.push_back(std::to_string(c.line) + ":" + c.text + ":" + c.relation);
  return out;
}

bool has(const std::vector<std::string>& xs, const std::string& x) {
  for (const auto& y : xs)
    if (y == x) return true;
  return false;
}

}  // namespace

TEST_CASE("contents with page numbers end where the body repeats their first heading", "[unit][narrative]") {
  auto r = run(
      "某单位2022年度部门决算\n"
      "目 录\n"
      "第一部分 概况.....\t1\n"
      "一、本部门职责.....\t1\n"
      "第二部分 情况说明.....\t3\n"
      "第一部分 概况\n"                   // 6: the body starts
      "一、本部门职责\n"                  // 7
      "负责全市数据资源管理。\n"          // 8
      "第二部分 情况说明\n"
      "一、收入支出决算总体情况说明\n"
      "2022年度收入总计100.00万元。\n");
  INFO(Catch::Detail::stringify(headings(r)));
  // Before: the body's first two headings were taken for more of the contents.
  CHECK(has(headings(r), "第一部分 概况"));
  CHECK(has(headings(r), "一、本部门职责"));
  CHECK(has(headings(r), "一、收入支出决算总体情况说明"));
  CHECK(has(claims(r), "11:100.00万元:value"));
}

TEST_CASE("contents end at a sentence even when no line of prose is long", "[unit][narrative]") {
  // Prose wrapped at 20 characters, after contents whose first heading the
  // body never repeats.
  auto r = run(
      "某单位2022年度部门决算\n"
      "目录\n"
      "一、部门概况\n"
      "二、收入支出决算总体情况说明\n"
      "2022年度收入总计100.0\n"
      "0万元，支出总计100.00万\n"
      "元。\n");
  INFO(Catch::Detail::stringify(claims(r)));
  // The comma on line 6 ends the contents, and the paragraph is read from
  // line 5, where it starts: both figures, each cut over two lines.
  CHECK(has(claims(r), "5:100.00万元:value"));
  CHECK(has(claims(r), "6:100.00万元:value"));
}

TEST_CASE("a short numbered line with a comma is a paragraph, not a heading", "[unit][narrative]") {
  auto r = run(
      "某单位2022年度部门决算\n\n三、情况说明\n\n"
      "1、因公出国境费支出0.00元，出国团组共0个，0人次。\n"   // 5: under 40 characters
      "（一）财政拨款支出决算总体情况。\n");                   // 6: a heading for all its 。
  INFO(Catch::Detail::stringify(claims(r)));
  INFO(Catch::Detail::stringify(headings(r)));
  CHECK(has(claims(r), "5:0.00元:value"));
  CHECK(has(claims(r), "5:0个:count"));
  CHECK(has(headings(r), "(一)财政拨款支出决算总体情况。"));  // brackets made half-width
  CHECK_FALSE(has(headings(r), "1、因公出国境费支出0.00元，出国团组共0个，0人次。"));
}

TEST_CASE("a numbered line cut inside a figure goes on on the next line", "[unit][narrative]") {
  auto r = run(
      "某单位2022年度部门决算\n\n三、情况说明\n\n"
      "4、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）预算为 14.\n"  // 5
      "18 万元，支出决算为 14.18 万元，完成预算的 100%。\n");                      // 6
  INFO(Catch::Detail::stringify(claims(r)));
  CHECK(has(claims(r), "5:14.18 万元:budget"));
  CHECK(has(claims(r), "6:14.18 万元:actual"));
  CHECK(has(claims(r), "6:100%:completion"));
  // A figure inside a short numbered line, not at its end: still a heading.
  auto whole = run("某单位2022年度部门决算\n\n三、情况说明\n\n1. 第2季度\n正文。\n");
  CHECK(has(headings(whole), "1. 第2季度"));
}

TEST_CASE("markdown list items are prose outside the contents, skipped inside", "[unit][narrative]") {
  auto r = run(
      "某单位2022年度部门决算\n"
      "目 录\n"
      "第一部分 概况\n"
      "- 一、收入支出决算总表\n"                                   // 4: an entry
      "第一部分 概况\n"
      "财政拨款支出23,066,415.36元，主要用于以下方面：\n"            // 6
      "- 一般公共服务支出(类)3,640,931.06元，占比15.78%；\n"         // 7
      "- 其他支出(类)19,425,484.30元，占比84.22%。\n");              // 8
  INFO(Catch::Detail::stringify(claims(r)));
  INFO(Catch::Detail::stringify(headings(r)));
  CHECK(has(claims(r), "7:3,640,931.06元:value"));
  CHECK(has(claims(r), "7:15.78%:share"));
  CHECK(has(claims(r), "8:84.22%:share"));
  CHECK_FALSE(has(headings(r), "一、收入支出决算总表"));
  for (const auto& c : r.claims) CHECK(c.line != 4);
}

TEST_CASE("a class's name marked 款 or 项 is not the class", "[claims]") {
  // A 项 named like its class, its first words left on the line before
  // (wrapped text): "…（款）其他" then "社会保障和就业支出（项）预算为 1.3 万元".
  auto r = run(
      "某单位2022年度部门决算\n\n三、情况说明\n\n"
      "（二）一般公共预算财政拨款支出决算具体情况\n"
      "社会保障和就业支出（项）预算为 1.3 万元，支出决算为 1.3 万元。\n"
      "社会保障和就业支出 109.46 万元。\n");
  std::vector<std::string> subjects;
  for (const auto& c : r.claims) subjects.push_back(std::to_string(c.line) + ":" + c.subject);
  INFO(Catch::Detail::stringify(subjects));
  REQUIRE(r.claims.size() == 3);
  CHECK(r.claims[0].subject != "class:208");
  CHECK(r.claims[1].subject != "class:208");
  CHECK(r.claims[2].subject == "class:208");  // bare, it is the class
}
