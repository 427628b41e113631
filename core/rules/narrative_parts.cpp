// narrative.parts: amounts listed as the parts of a whole ("本年支出合计 X，
// 其中基本支出 A，项目支出 B…") must add up to it, and no part may exceed its
// whole. The sum is checked only when the list is complete — every part the
// templates define for that whole is named, or, for a list of 类, their
// shares add up to 100% — because reports often list only the main parts.
#include <map>
#include <set>

#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.parts";

}  // namespace

void run_narrative_parts(RuleContext& ctx) {
  const auto& claims = ctx.report().claims;
  const ClaimIndex& idx = ctx.claim_index();
  // Parts by the group of their whole, in order; one amount per part group.
  std::map<int, std::vector<const Claim*>> parts;
  std::map<int, bool> seen;
  std::set<std::pair<int, std::string>> listed;  // (whole, subject)
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (c.parent < 0 || seen[c.group] || !is_money(c) || !is_amount_relation(c)) continue;
    seen[c.group] = true;
    // A part restated ("人员经费 X，主要包括人员经费 X") counts once.
    if (listed.insert({c.parent, c.subject}).second) parts[c.parent].push_back(&c);
  }
  for (const auto& kv : parts) {
    const Claim* whole = idx.amount(kv.first);
    if (!whole) continue;
    auto w = money_span(*whole);
    if (!w) continue;
    std::vector<int> lines{whole->line};
    Span sum;
    bool readable = true;
    // A part larger than its whole.
    for (const Claim* p : kv.second) {
      lines.push_back(p->line);
      auto ps = money_span(*p);
      if (!ps) { readable = false; continue; }
      sum = add(sum, *ps);
      if (ps->lo > w->hi) {
        ctx.check(claim_check_id(kRule, *p) + "/within", kRule, "failed", {p->line, whole->line});
        ctx.add_finding(claim_finding(
            kRule, *p, Outcome::Failed, whole->value.to_string(), p->value.to_string(), p->unit,
            subject_name_zh(*p) + " " + p->text + " 大于其所属的" + subject_name_zh(*whole) + " " + whole->text,
            subject_name_en(*p) + " " + p->text + " is larger than " + subject_name_en(*whole) + " " + whole->text +
                " it is part of",
            {whole->line}));
      }
    }
    if (!readable || kv.second.size() < 2) continue;
    // Complete list?
    bool complete = false;
    if (const auto* defined = components_of(whole->subject)) {
      std::size_t named = 0;
      for (const auto& key : *defined)
        for (const Claim* p : kv.second)
          if (p->subject == key) { ++named; break; }
      complete = named == defined->size();
    } else {
      // 类 lists: complete when their stated shares add up to 100%.
      Span shares;
      std::size_t with_share = 0;
      for (const Claim* p : kv.second)
        for (std::size_t k : idx.group(p->group))
          if (claims[k].relation == "share"sv)
            if (auto ps = percent_span(claims[k])) {
              shares = add(shares, *ps);
              ++with_share;
              break;
            }
      const Wide hundred = static_cast<Wide>(100) * 1000000;
      complete = with_share == kv.second.size() && shares.lo <= hundred && hundred <= shares.hi;
    }
    const std::string id = claim_check_id(kRule, *whole);
    Outcome o = judge_equal(*w, sum);
    // An incomplete list is only wrong when its parts exceed the whole.
    if (!complete) {
      if (sum.lo > w->hi) o = Outcome::Failed;
      else {
        ctx.check(id, kRule, "insufficient_data", lines);
        continue;
      }
    }
    ctx.check(id, kRule, status_of(o), lines);
    if (o == Outcome::Passed) continue;
    std::string total = money_text(sum.mid, whole->unit, shown_decimals(*whole));
    std::string names_zh, names_en;
    for (const Claim* p : kv.second) {
      names_zh += (names_zh.empty() ? "" : "、") + subject_name_zh(*p) + " " + p->text;
      names_en += (names_en.empty() ? "" : ", ") + subject_name_en(*p) + " " + p->text;
    }
    ctx.add_finding(claim_finding(
        kRule, *whole, o, total, whole->value.to_string(), whole->unit,
        subject_name_zh(*whole) + " 写作 " + whole->text + "，但所列各项（" + names_zh + "）合计 " + total + whole->unit,
        subject_name_en(*whole) + " is stated as " + whole->text + " but its listed parts (" + names_en +
            ") add up to " + total + " " + whole->unit,
        lines));
  }
}

}  // namespace hezhang
