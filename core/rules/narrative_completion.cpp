// narrative.completion: "完成(年初)预算的 X%" = actual / budget with the right
// budget: 完成年初预算 needs the 年初预算, 完成全年/调整预算 the adjusted one;
// when the sentence does not give that budget, the check is insufficient_data.
// A rate stated on a budget of 0 is a finding (0 of 0 is only a note).
#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.completion";

}  // namespace

void run_narrative_completion(RuleContext& ctx) {
  const auto& claims = ctx.report().claims;
  const ClaimIndex& idx = ctx.claim_index();
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& rate = claims[i];
    if (rate.relation != "completion"sv) continue;
    const std::string id = claim_check_id(kRule, rate);
    const Claim* budget = idx.amount(rate.group, i, "budget");
    const Claim* actual = idx.amount(rate.group, i, "actual");
    if (!actual) actual = idx.amount(rate.group, i, "value");
    std::vector<int> lines{rate.line};
    if (budget) lines.push_back(budget->line);
    if (actual) lines.push_back(actual->line);
    // The wrong budget for the rate named: not checked, not passed.
    bool other_budget = budget && !rate.qualifier.empty() && !budget->qualifier.empty() &&
                        rate.qualifier != budget->qualifier;
    auto r = percent_span(rate);
    auto b = budget ? money_span(*budget) : std::nullopt;
    auto a = actual ? money_span(*actual) : std::nullopt;
    if (!budget || !actual || other_budget || !r || !b || !a) {
      ctx.check(id, kRule, "insufficient_data", lines);
      continue;
    }
    if (b->mid == 0) {
      bool nothing = a->mid == 0;
      ctx.check(id, kRule, nothing ? "not_applicable" : "failed", lines);
      if (nothing)
        ctx.add_finding(claim_note(kRule, rate, rate.value.to_string(), "%",
                                   "预算数与决算数均为 0，完成率 " + rate.text + " 无从计算，仅作提示",
                                   "budget and outcome are both 0, so the rate " + rate.text +
                                       " is undefined (a note only)",
                                   lines));
      else
        ctx.add_finding(claim_finding(kRule, rate, Outcome::Failed, "", rate.value.to_string(), "%",
                                      "预算数为 0（" + budget->text + "），执行数 " + actual->text +
                                          "，完成预算的比例无法计算，文中却写作 " + rate.text,
                                      "the budget is 0 (" + budget->text + ") and the outcome " + actual->text +
                                          ", so no completion rate exists, but the text says " + rate.text,
                                      lines));
      continue;
    }
    Outcome o = judge_ratio(*r, *a, *b);
    ctx.check(id, kRule, status_of(o), lines);
    if (o == Outcome::Passed) continue;
    std::string expected = ratio_text(*a, *b, rate.value.scale);
    std::string same_zh = budget->value.to_string() == actual->value.to_string() && budget->unit == actual->unit
                              ? "（预算数与执行数相同，应为 100%）"
                              : "";
    std::string same_en = same_zh.empty() ? "" : " (budget and outcome are equal: it is 100%)";
    ctx.add_finding(claim_finding(
        kRule, rate, o, expected, rate.value.to_string(), "%",
        "执行数 " + actual->text + " ÷ 预算数 " + budget->text + " = " + expected + "%，文中写作完成预算的 " + rate.text +
            same_zh,
        "outcome " + actual->text + " ÷ budget " + budget->text + " = " + expected + "%, but the text says " +
            rate.text + same_en,
        lines));
  }
}

}  // namespace hezhang
