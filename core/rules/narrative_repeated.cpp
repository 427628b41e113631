// narrative.repeated: the same subject stated twice with different values
// (seed 003 gives the funds of its 7 二级项目 as 29231739 元 and 29234839 元).
// Only subjects the engine knows, with the same scope and relation, count as
// "the same"; unknown words never do. A second form: two totals stated equal,
// with the same growth rate, but different increases.
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.repeated";

bool comparable(const Claim& c) {
  if (c.subject.empty() || c.subject.compare(0, 5, "econ:") == 0 || !is_money(c)) return false;
  return c.relation == "value"sv || c.relation == "actual"sv || c.relation == "budget"sv ||
         (c.relation == "change"sv && c.direction != 0);
}

}  // namespace

void run_narrative_repeated(RuleContext& ctx) {
  const auto& claims = ctx.report().claims;
  // Views of the claims' own strings (they outlive the maps): no copies.
  using Key = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view, int>;
  std::map<Key, const Claim*> first;
  for (const Claim& c : claims) {
    if (!comparable(c)) continue;
    // One look-up: the first claim of a key is kept, a later one compared.
    const auto [it, is_first] = first.try_emplace(Key{c.subject, c.scope, c.relation, c.qualifier, c.direction}, &c);
    if (is_first) continue;
    const Claim& a = *it->second;
    if (a.group == c.group) continue;
    auto sa = money_span(a), sc = money_span(c);
    if (!sa || !sc) continue;
    Outcome o = judge_same(*sc, *sa);
    ctx.check(claim_check_id(kRule, c), kRule, status_of(o), {a.line, c.line});
    if (o != Outcome::Failed) continue;
    std::string what_zh = c.relation == "change"sv ? subject_name_zh(c) + "的变动额" : subject_name_zh(c);
    std::string what_en = c.relation == "change"sv ? "the change of " + subject_name_en(c) : subject_name_en(c);
    ctx.add_finding(claim_finding(kRule, c, o, a.value.to_string(), c.value.to_string(), c.unit,
                                  what_zh + "在第 " + std::to_string(a.line) + " 行写作 " + a.text + "，此处写作 " + c.text +
                                      "，前后不一致",
                                  what_en + " is " + a.text + " on line " + std::to_string(a.line) + " but " + c.text +
                                      " here",
                                  {a.line}));
  }

  // Two totals with the same current value and the same rate of change must
  // have changed by the same amount.
  // Keyed by (current figure, rate, unit, direction) as printed.
  using ChangeKey = std::tuple<std::string_view, std::string_view, std::string_view, int>;
  std::map<ChangeKey, std::vector<std::pair<const Claim*, const Claim*>>> same;  // (change, current)
  const ClaimIndex& idx = ctx.claim_index();
  std::set<std::pair<int, std::string>> reported;  // (line, change): said once
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& ch = claims[i];
    if (ch.relation != "change"sv || !is_money(ch) || ch.subject.empty() || ch.qualifier != "previous"sv) continue;
    const Claim* rate = idx.next_in_group(i, "rate");
    const Claim* current = idx.stated_before(i, /*or_actual=*/false);
    if (!rate || !current) continue;
    auto& earlier = same[ChangeKey{current->text, rate->text, ch.unit, ch.direction}];
    for (const auto& e : earlier) {
      const Claim& a = *e.first;
      if (a.subject == ch.subject && a.scope == ch.scope) continue;
      if (a.value.to_string() == ch.value.to_string()) continue;
      if (!reported.insert({ch.line, ch.value.to_string()}).second) break;
      std::vector<int> lines{a.line, ch.line};
      ctx.check(claim_check_id(kRule, ch) + "/change", kRule, "failed", lines);
      Finding f = claim_finding(
          kRule, ch, Outcome::Failed, a.value.to_string(), ch.value.to_string(), ch.unit,
          subject_name_zh(ch) + "与第 " + std::to_string(a.line) + " 行的" + subject_name_zh(a) + "同为 " +
              current->text + "、同样变动 " + rate->text + "，变动额却分别写作 " + ch.text + " 和 " + a.text,
          subject_name_en(ch) + " and " + subject_name_en(a) + " (line " + std::to_string(a.line) +
              ") are both " + current->text + " and both changed by " + rate->text +
              ", yet the changes are stated as " + ch.text + " and " + a.text,
          {a.line});
      f.severity = "warning";
      ctx.add_finding(f);
      break;
    }
    earlier.push_back({&ch, current});
  }
}

}  // namespace hezhang
