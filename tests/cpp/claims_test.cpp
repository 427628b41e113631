// Claim extraction: each form of figure the 情况说明 uses, from real sentences
// of the seeds and variants (units, separators, full-width digits, 比上年 /
// 比2021年 / 与上年相比), read into subject, relation and value.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace {

hezhang::Report run(const std::string& text) {
  hezhang::Options o;
  return hezhang::analyze(text, o);
}

// The claims of a text whose relation is `relation` (in order).
std::vector<hezhang::Claim> with(const hezhang::Report& r, const std::string& relation) {
  std::vector<hezhang::Claim> out;
  for (const auto& c : r.claims)
    if (c.relation == relation) out.push_back(c);
  return out;
}

std::vector<const hezhang::Finding*> findings_of(const hezhang::Report& r, const std::string& rule) {
  std::vector<const hezhang::Finding*> out;
  for (const auto& f : r.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

const std::string kHead = "某单位2022年度部门决算\n\n三、情况说明\n\n";

}  // namespace

TEST_CASE("claims: amounts with units, separators and full-width digits", "[claims]") {
  auto r = run(kHead + "（一）收入支出决算总体情况说明\n\n"
                       "2022年度收入总计41,943,654.36元、支出总计４１９.４４万元，另有1.2亿元。\n");
  auto values = with(r, "value");
  REQUIRE(values.size() == 3);
  CHECK(values[0].subject == "income_total");
  CHECK(values[0].value.to_string() == "41943654.36");
  CHECK(values[0].unit == "元");
  CHECK(values[0].line == 7);
  CHECK(values[1].subject == "expense_total");
  CHECK(values[1].value.to_string() == "419.44");  // full-width digits normalized
  CHECK(values[1].unit == "万元");
  CHECK(values[2].unit == "亿元");
  CHECK(values[2].subject.empty());  // "另有" names nothing known
  // The year is not a figure.
  for (const auto& c : r.claims) CHECK(c.text.find("2022") == std::string::npos);
}

TEST_CASE("claims: a sentence wrapped over lines gives each figure its own line", "[claims]") {
  auto r = run(kHead + "（一）收入支出决算总体情况说明\n\n"
                       "2022年度收入总计41,943,654.36元、\n支出总计41,943,654.36元。\n");
  auto values = with(r, "value");
  REQUIRE(values.size() == 2);
  CHECK(values[0].line == 7);
  CHECK(values[1].line == 8);
  CHECK(values[1].sentence_line == 7);
}

TEST_CASE("claims: a sentence starting after another on its line, then wrapped", "[claims]") {
  // Line 7 holds a whole sentence and the start of the next, which ends on
  // line 8; line 10 is a sentence of its own. Sentences all on the line they
  // start on keep no list of line starts (Sentence::line says it).
  auto r = run(kHead + "（一）收入支出决算总体情况说明\n\n"
                       "收入总计41,943,654.36元。支出总计41,943,654.36元，\n其中基本支出1,000.00元。\n\n"
                       "年末结转和结余0元。\n");
  auto values = with(r, "value");
  REQUIRE(values.size() == 4);
  CHECK(values[0].line == 7);
  CHECK(values[1].line == 7);
  CHECK(values[1].sentence_line == 7);
  CHECK(values[2].line == 8);
  CHECK(values[2].sentence_line == 7);
  CHECK(values[3].line == 10);
  REQUIRE(!r.sections.empty());
  const auto& sentences = r.sections.back().sentences;
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].line_starts.empty());
  CHECK(sentences[1].line_starts.size() == 2);
  CHECK(sentences[2].line_starts.empty());
}

TEST_CASE("claims: shares name their whole", "[claims]") {
  // Seed 002 line 47 and a variant with 占比.
  auto r = run(kHead + "（二）收入决算情况说明\n\n"
                       "本年收入合计 214.96 万元；包括财政拨款收入 214.96 万元，占收入合计 100.00%；"
                       "上级补助收入 0 万元，占比 0%。\n");
  auto shares = with(r, "share");
  REQUIRE(shares.size() == 2);
  CHECK(shares[0].subject == "fiscal_income");
  CHECK(shares[0].qualifier == "income_year");
  CHECK(shares[0].value.to_string() == "100.00");
  CHECK(shares[1].subject == "superior_subsidy_income");
  CHECK(shares[1].qualifier.empty());  // 占比: the whole is the total it is listed under
  auto values = with(r, "value");
  REQUIRE(values.size() == 3);
  CHECK(values[1].parent == values[0].group);
  CHECK(values[2].parent == values[0].group);
}

TEST_CASE("claims: changes and rates, with every way of naming last year", "[claims]") {
  for (const char* base : {"比上年", "比2021年", "与上年相比，", "较2021年决算"}) {
    INFO(base);
    auto r = run(kHead + "（一）机关运行经费支出情况说明\n\n2022年机关运行经费支出223,755.54元，" + base +
                 "减少1,184.46元，下降0.53%。\n");
    auto change = with(r, "change");
    auto rate = with(r, "rate");
    REQUIRE(change.size() == 1);
    REQUIRE(rate.size() == 1);
    CHECK(change[0].subject == "operating_costs");
    CHECK(change[0].direction == -1);
    CHECK(change[0].qualifier == "previous");
    CHECK(change[0].value.to_string() == "1184.46");
    CHECK(rate[0].direction == -1);
    CHECK(rate[0].group == change[0].group);
  }
}

TEST_CASE("claims: the last change word before a figure gives its direction", "[claims]") {
  // Two change words before one figure: the one nearest the figure counts,
  // whichever of the two comes first in the word list.
  struct Case {
    const char* words;
    int direction;
  };
  for (const Case& c : {Case{"较上年增长的部分压减后，比上年减少", -1}, Case{"较上年减少的部分补足后，比上年增加", 1},
                        Case{"比上年下降了", -1}, Case{"比上年提高", 1}, Case{"比上年节约", -1}}) {
    INFO(c.words);
    auto r = run(kHead + "（一）机关运行经费支出情况说明\n\n2022年机关运行经费支出223,755.54元，" + c.words +
                 "1,184.46元。\n");
    auto change = with(r, "change");
    REQUIRE(change.size() == 1);
    CHECK(change[0].direction == c.direction);
  }
}

TEST_CASE("claims: a sentence that opens with a relation continues the previous subject", "[claims]") {
  // Seed 004 line 118: "…预算 43.55 万元。比上年预算增加 8.22 万元，增长 23.3%".
  auto r = run(kHead + "1. 机关运行经费。\n\n2021 年本级的机关运行经费财政拨款预算 43.55 万元。"
                       "比上年预算增加 8.22 万元，增长 23.3%，主要是人员增加。\n");
  auto change = with(r, "change");
  REQUIRE(change.size() == 1);
  CHECK(change[0].subject == "operating_costs");
  CHECK(findings_of(r, "narrative.growth").empty());  // 8.22 / 35.33 = 23.27% → 23.3
}

TEST_CASE("claims: completion rates, budgets and outcomes", "[claims]") {
  auto r = run(kHead + "（三）一般公共预算财政拨款支出决算具体情况\n\n"
                       "一般公共服务(类)年初预算3754800元，支出决算3640931.06元，完成年初预算的96.97%。\n");
  auto budget = with(r, "budget");
  auto actual = with(r, "actual");
  auto completion = with(r, "completion");
  REQUIRE(budget.size() == 1);
  REQUIRE(actual.size() == 1);
  REQUIRE(completion.size() == 1);
  CHECK(budget[0].subject == "class:201");
  CHECK(budget[0].qualifier == "initial");
  CHECK(completion[0].qualifier == "initial");
  CHECK(completion[0].group == budget[0].group);
  CHECK(findings_of(r, "narrative.completion").empty());  // 3640931.06 / 3754800 = 96.967%
}

TEST_CASE("claims: 持平 and 与上年相同 are changes of zero", "[claims]") {
  auto r = run(kHead + "（八）“三公”经费情况说明\n\n1. 因公出国(境)费用：2021 年预算安排 0.00 万元，与上年预算数持平。"
                       "主要原因：本单位 2021 年无财政专款安排的出国经费预算。\n");
  auto change = with(r, "change");
  REQUIRE(change.size() == 1);
  CHECK(change[0].direction == 0);
  CHECK(change[0].unit.empty());
  CHECK(change[0].text == "持平");
  CHECK(change[0].subject == "abroad");
}

TEST_CASE("claims: every flat phrase is a change of zero, whole", "[claims]") {
  // extract_claims turns a label away unless it has 持平, 相同 or 一致 (every
  // phrase contains one): each phrase must still be found, and as a whole.
  for (const char* phrase : {"持平", "与上年相同", "与上年度相同", "与上年一致", "与上年度一致", "相同", "一致"}) {
    INFO(phrase);
    auto r = run(kHead + "（八）“三公”经费情况说明\n\n公务接待费2021年预算安排 1.00 万元，与上年预算数比较" + phrase + "。\n");
    auto change = with(r, "change");
    REQUIRE(change.size() == 1);
    CHECK(change[0].direction == 0);
    CHECK(change[0].text == phrase);
  }
}

TEST_CASE("claims: 类/款/项 chains and bare class names", "[claims]") {
  auto r = run(kHead + "3. 一般公共预算当年拨款具体使用情况。\n\n"
                       "(1)一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)173.73 万元，主要用于机关运转。\n\n"
                       "按支出功能分类，包括一般公共服务支出 462.11 万元、住房保障支出 24.49 万元。\n");
  auto values = with(r, "value");
  REQUIRE(values.size() == 3);
  CHECK(values[0].subject == "class:201/政府办公厅(室)及相关机构事务/行政运行");
  CHECK(values[1].subject == "class:201");
  CHECK(values[2].subject == "class:221");
}

TEST_CASE("claims: words between a subject and its figure that name something else", "[claims]") {
  // Seed 001 line 417: the 239.2 万元 is one project's funds, not 项目支出.
  auto r = run(kHead + "（三）具体情况\n\n项目支出主要用于网上群众工作年度经费 239.2 万元，主要成效是按时办结。\n");
  auto values = with(r, "value");
  REQUIRE(values.size() == 1);
  CHECK(values[0].subject.empty());
}

TEST_CASE("claims: project funds are subjects of their own, counts are counts", "[claims]") {
  auto r = run(kHead + "(1)预算绩效管理工作开展情况\n\n涵盖一级项目0.00个，二级项目7个，共涉及资金29231739元。\n");
  auto counts = with(r, "count");
  REQUIRE(counts.size() == 2);
  CHECK(counts[1].unit == "个");
  auto values = with(r, "value");
  REQUIRE(values.size() == 1);
  CHECK(values[0].subject == "funds:二级项目");
}

TEST_CASE("claims: the JSON lists every claim with its link or the reason it has none", "[claims][json]") {
  auto r = run(kHead + "（一）收入支出决算总体情况说明\n\n2022年度收入总计41,943,654.36元。\n");
  std::string json = hezhang::to_json(r);
  CHECK(json.find("\"claims\":[{\"line\":7,\"span\":[") != std::string::npos);
  CHECK(json.find("\"subject\":\"income_total\"") != std::string::npos);
  CHECK(json.find("\"link\":\"unlinked\",\"reason\":\"no_tables\"") != std::string::npos);
  CHECK(json.find("\"claims_linked\":0") != std::string::npos);
}

TEST_CASE("sentences end at 。！？ whatever characters come before them", "[claims][sentences]") {
  // Around the ends: ASCII, a 2-byte character (×), 3-byte characters whose
  // lead bytes are E3 (、 is E3 80 81, like 。) and EF (：； are EF BC 9A/9B,
  // like ！ and ？), and a 4-byte one (𠀀); a sentence wrapped over two lines.
  auto r = run(kHead + "（一）总体情况\n\n"
                       "收入1.5万元×2、共3万元。支出：含𠀀；增长！\n"
                       "是否完成？已完成\n"
                       "全年目标。\n");
  std::vector<std::string> texts;
  std::vector<int> lines;
  for (const auto& s : r.sections)
    if (s.heading == "(一)总体情况")  // as normalized
      for (const auto& sentence : s.sentences) texts.push_back(sentence.text), lines.push_back(sentence.line);
  CHECK(texts == std::vector<std::string>{"收入1.5万元×2、共3万元。", "支出：含𠀀；增长！", "是否完成？",
                                          "已完成全年目标。"});
  CHECK(lines == std::vector<int>{7, 7, 8, 8});
}

TEST_CASE("claims: function classes marked （类） name their code, with or without 支出", "[claims]") {
  // A class name with 支出 implied, with it written, with its 款 following,
  // and with a word before it that is not part of any class name.
  auto r = run(kHead + "（一）支出决算情况说明\n\n"
                       "公共安全（类）支出100.00万元，教育支出（类）60.00万元，"
                       "社会保障和就业支出（类）行政事业单位养老支出（款）50.00万元，"
                       "其中：本级公共安全（类）30.00万元。\n");
  std::vector<std::string> subjects;
  for (const auto& c : r.claims) subjects.push_back(c.text + " " + c.subject);
  CHECK(subjects == std::vector<std::string>{"100.00万元 class:204", "60.00万元 class:205",
                                             "50.00万元 class:208/行政事业单位养老支出", "30.00万元 class:204"});
}

TEST_CASE("claims: after a closing bracket the figures go back to the subject before it, wherever it falls",
          "[claims]") {
  // Brackets are looked for eight bytes at a time: words put before the
  // closing bracket move it through every offset of a word.
  for (int pad = 0; pad <= 8; ++pad) {
    std::string words;
    for (int k = 0; k < pad; ++k) words += k % 3 == 2 ? "a" : "资";
    auto r = run(kHead + "（二）支出决算情况说明\n\n基本支出100.00万元（其中人员经费80.00万元，主要是工资" + words +
                 "），比上年增加5.00万元。\n");
    INFO(words);
    auto values = with(r, "value");
    auto change = with(r, "change");
    REQUIRE(values.size() == 2);
    REQUIRE(change.size() == 1);
    CHECK(values[0].subject == "basic");
    CHECK(values[1].group != values[0].group);  // 人员经费, inside the brackets
    CHECK(change[0].group == values[0].group);
    CHECK(change[0].subject == "basic");
  }
}
