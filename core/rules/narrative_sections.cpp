// narrative.sections: a 决算 disclosure must explain each part of the accounts
// (收入支出决算总体情况, 收入/支出决算, 财政拨款收支, 一般公共预算财政拨款支出,
// 基本支出, 三公经费, 政府性基金, 国有资本经营, 机关运行经费, 政府采购, 国有资产
// 占用, 预算绩效). Each is listed as present or missing; a missing one is a
// warning. Budget reports follow other rules: not_applicable.
#include "../src/internal.h"
#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.sections";

struct RequiredSection {
  std::string_view topic;
  std::string_view name_zh;
  std::string_view name_en;
  std::string_view keyword;  // words that show the part is explained under another heading
};

const std::vector<RequiredSection>& required_sections() {
  static const std::vector<RequiredSection> kRequired = {
      {"overview", "收入支出决算总体情况", "overview of income and expenditure", "收入总计"},
      {"income", "收入决算情况", "income", "收入合计"},
      {"expense", "支出决算情况", "expenditure", "支出合计"},
      {"fiscal_overview", "财政拨款收入支出决算总体情况", "fiscal appropriations overview", "财政拨款收"},
      {"general_budget_expense", "一般公共预算财政拨款支出决算情况", "general budget expenditure", "一般公共预算财政拨款支出"},
      {"basic_expense", "一般公共预算财政拨款基本支出决算情况", "basic expenditure", "人员经费"},
      {"three_public", "“三公”经费支出决算情况", "“three public” expenses", "三公"},
      {"gov_fund", "政府性基金预算财政拨款支出决算情况", "government funds", "政府性基金"},
      {"state_capital", "国有资本经营预算财政拨款支出决算情况", "state capital operations", "国有资本经营"},
      {"operating_costs", "机关运行经费支出情况", "running costs", "机关运行经费"},
      {"procurement", "政府采购支出情况", "government procurement", "政府采购"},
      {"assets", "国有资产占用情况", "state assets in use", "国有资产"},
      {"performance", "预算绩效情况", "performance evaluation", "绩效"},
  };
  return kRequired;
}

// The line of the section on that part, else of the sentence that explains
// it under another heading; 0 when missing.
int required_section_line(const Report& r, const RequiredSection& req) {
  for (const Section& s : r.sections)
    if (s.topic == req.topic) return s.line;
  for (const Section& s : r.sections)
    for (const Sentence& x : s.sentences)
      if (contains(x.text, req.keyword)) return x.line;
  return 0;
}

}  // namespace

void run_narrative_sections(RuleContext& ctx) {
  const Report& r = ctx.report();
  bool final_accounts = r.document.kind == "final_accounts"sv;
  // Only a report that has explanations (two or more parts recognised) is
  // judged on which it lacks; tables alone or a fragment are not.
  int topical = 0;
  int explanations = 0;  // where the explanations start: a missing part belongs there
  for (const Section& s : r.sections) {
    if (s.topic.empty()) continue;
    ++topical;
    if (!explanations) explanations = s.line;
  }
  bool has_prose = topical >= 2;
  for (const auto& req : required_sections()) {
    std::string id = concat({kRule, "@", req.topic});
    if (!final_accounts || !has_prose) {
      ctx.check(id, kRule, "not_applicable", {});
      continue;
    }
    int line = required_section_line(r, req);
    ctx.check(id, kRule, line ? "passed" : "failed", line ? std::vector<int>{line} : std::vector<int>{});
    if (line) continue;
    Finding f;
    f.rule = kRule;
    f.severity = "warning";
    f.materiality = "material";
    f.first_line = f.last_line = explanations;
    f.message_zh = concat({"决算公开说明中未找到“", req.name_zh, "”部分（部门决算公开应对此作出说明）"});
    f.message_en = concat({"The explanation has no section on ", req.name_en, " (a final-accounts disclosure must explain it)"});
    ctx.add_finding(f);
  }
}

}  // namespace hezhang
