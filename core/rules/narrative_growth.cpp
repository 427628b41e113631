// narrative.growth: "比上年增加 A 元，增长 B%". With the current figure C the
// previous one is P = C ∓ A, and B must be A / P; direction words must agree
// (增加 with 下降 is a contradiction; 持平 with a change is one). A rate from a
// zero base ("增长100%" for a new unit) is undefined: an info note.
#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.growth";

// The current figure a change is about: an amount of the same group, else
// the latest value/actual of the same subject and scope in the section.
const Claim* current_of(const ClaimIndex& idx, std::size_t at, bool vs_budget) {
  const auto& claims = idx.claims();
  const Claim& change = claims[at];
  if (vs_budget) {
    if (const Claim* a = idx.amount(change.group, at, "actual")) return a;
    return idx.amount(change.group, at, "value");
  }
  for (std::size_t i : idx.group(change.group)) {
    if (i >= at) break;
    const Claim& c = claims[i];
    if (is_money(c) && (c.relation == "value"sv || c.relation == "actual"sv)) return &c;
  }
  // A budget compared with last year's budget ("预算 0.9 万元，比上年预算数减少").
  if (const Claim* b = idx.amount(change.group, at, "budget")) return b;
  if (change.subject.empty() || change.subject.compare(0, 6, "funds:") == 0) return nullptr;
  return idx.stated_before(at, /*or_actual=*/true);
}

}  // namespace

void run_narrative_growth(RuleContext& ctx) {
  const auto& claims = ctx.report().claims;
  const ClaimIndex& idx = ctx.claim_index();
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& change = claims[i];
    if (change.relation != "change"sv || !is_money(change)) continue;
    bool vs_budget = change.qualifier == "budget"sv;
    // The rate stated with it (same group, after it).
    const Claim* rate = idx.next_in_group(i, "rate");
    std::vector<int> lines{change.line};
    if (rate) lines.push_back(rate->line);
    const std::string id = claim_check_id(kRule, change);

    // Direction words must agree: 增加 … 下降 B%.
    if (rate && rate->direction != 0 && change.direction != 0 && rate->direction != change.direction &&
        !change.value.is_zero() && !rate->value.is_zero()) {
      ctx.check(id + "/direction", kRule, "failed", lines);
      ctx.add_finding(claim_finding(
          kRule, change, Outcome::Failed, "", change.value.to_string(), change.unit,
          "同一变化的金额写作“" + std::string(change.direction > 0 ? "增加" : "减少") + " " + change.text +
              "”，比率却写作“" + (rate->direction > 0 ? "增长" : "下降") + " " + rate->text + "”，方向相反",
          "the amount is stated as " + std::string(change.direction > 0 ? "an increase" : "a decrease") + " of " +
              change.text + " but the rate as " + (rate->direction > 0 ? "a rise" : "a fall") + " of " + rate->text,
          lines));
      continue;
    }
    if (rate && rate->direction < 0 && percent_span(*rate) &&
        percent_span(*rate)->lo > static_cast<Wide>(100) * 1000000) {
      ctx.check(id + "/rate", kRule, "failed", lines);
      ctx.add_finding(claim_finding(kRule, *rate, Outcome::Failed, "100", rate->value.to_string(), "%",
                                    "减少的比例 " + rate->text + " 超过 100%，不可能",
                                    "a decrease of " + rate->text + " is more than 100%, which is impossible", lines));
      continue;
    }
    const Claim* current = current_of(idx, i, vs_budget);
    auto a = money_span(change);
    if (!current || !a) {
      if (rate) ctx.check(id, kRule, "insufficient_data", lines);
      continue;
    }
    lines.push_back(current->line);
    auto c = money_span(*current);
    if (!c) continue;
    // The base: the previous year (P = C - d·A) or the budget of the group.
    std::optional<Span> base;
    const Claim* budget = nullptr;
    if (vs_budget) {
      budget = idx.amount(change.group, i, "budget");
      if (!budget) {
        ctx.check(id, kRule, "insufficient_data", lines);
        continue;
      }
      lines.push_back(budget->line);
      base = money_span(*budget);
      if (!base) continue;
      // The stated change must be actual - budget.
      Span implied = subtract(*c, *base);
      Span stated = change.direction < 0 ? Span{-a->hi, -a->mid, -a->lo} : *a;
      Outcome o = judge_equal(stated, implied);
      ctx.check(id + "/amount", kRule, status_of(o), lines);
      if (o != Outcome::Passed) {
        std::string expected = money_text(implied.mid < 0 ? -implied.mid : implied.mid, change.unit,
                                          shown_decimals(change));
        ctx.add_finding(claim_finding(
            kRule, change, o, expected, change.value.to_string(), change.unit,
            "决算数 " + current->text + " 与预算数 " + budget->text + " 相差 " + expected + change.unit + "，文中写作 " +
                change.text,
            "the outcome " + current->text + " and the budget " + budget->text + " differ by " + expected +
                change.unit + ", but the text says " + change.text,
            lines));
      }
    } else {
      base = change.direction < 0 ? add(*c, *a) : subtract(*c, *a);
    }
    if (!rate) continue;
    auto r = percent_span(*rate);
    if (!r) continue;
    // A zero base: the rate is undefined ("增长100%" for a new item).
    if (base->lo <= 0 && base->hi >= 0) {
      ctx.check(id, kRule, "not_applicable", lines);
      if (!rate->value.is_zero() || !change.value.is_zero()) {
        ctx.add_finding(claim_note(kRule, *rate, rate->value.to_string(), "%",
                                   "上年（或预算）基数为 0，增长率 " + rate->text + " 无法计算，仅作提示",
                                   "the base is 0, so the rate " + rate->text + " is undefined (a note only)", lines));
      }
      continue;
    }
    if (base->hi < 0) {
      ctx.check(id, kRule, "failed", lines);
      ctx.add_finding(claim_finding(
          kRule, change, Outcome::Failed, current->value.to_string(), change.value.to_string(), change.unit,
          "增加额 " + change.text + " 大于当年数 " + current->text + "，上年数将为负",
          "the increase " + change.text + " exceeds the current figure " + current->text +
              ", which would make last year's figure negative",
          lines));
      continue;
    }
    Outcome o = judge_ratio(*r, *a, *base);
    ctx.check(id, kRule, status_of(o), lines);
    if (o == Outcome::Passed) continue;
    std::string expected = ratio_text(*a, *base, rate->value.scale);
    std::string prev = money_text(base->mid, change.unit, shown_decimals(change));
    ctx.add_finding(claim_finding(
        kRule, *rate, o, expected, rate->value.to_string(), "%",
        "当年 " + current->text + "、变动 " + change.text + "，基数为 " + prev + change.unit + "，变动率应为 " +
            expected + "%，文中写作 " + rate->text,
        "with " + current->text + " now and a change of " + change.text + ", the base is " + prev + change.unit +
            " and the rate " + expected + "%, but the text says " + rate->text,
        lines));
  }
  // 持平 / 与上年相同 stated next to a change that is not zero.
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& flat = claims[i];
    if (flat.relation != "change"sv || !flat.unit.empty()) continue;
    for (std::size_t k : idx.group(flat.group)) {
      const Claim& c = claims[k];
      if (c.relation != "change"sv || c.unit.empty() || c.value.is_zero()) continue;
      ctx.check(claim_check_id(kRule, flat), kRule, "failed", {flat.line, c.line});
      ctx.add_finding(claim_finding(kRule, flat, Outcome::Failed, "0", c.value.to_string(), c.unit,
                                    "写作“" + flat.text + "”，同一句却有变动 " + c.text,
                                    "says “" + flat.text + "” (unchanged) next to a change of " + c.text,
                                    {c.line}));
      break;
    }
  }
}

}  // namespace hezhang
