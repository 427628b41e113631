// narrative.percent: "占 X%" recomputed from the part and the whole. The whole
// is the one the sentence names ("占收入合计"), else the total the part is
// listed under, else — when the shares of a list add up to 100%, or all but
// one are exactly their amount over the list's sum — the sum of the listed
// parts, else the amount stated just before the list that its shares fit.
// With no such whole the check is insufficient_data.
#include <algorithm>
#include <map>

#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.percent";

// Where each subject's amounts are stated (value/actual), in order. Keyed
// by views of the claims' subjects, which outlive the map.
using AmountsBySubject = std::map<std::string_view, std::vector<std::size_t>>;

AmountsBySubject amounts_by_subject(const std::vector<Claim>& claims) {
  AmountsBySubject out;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& c = claims[i];
    if (!c.subject.empty() && is_money(c) && (c.relation == "value"sv || c.relation == "actual"sv))
      out[c.subject].push_back(i);
  }
  return out;
}

// The latest amount with subject `key` stated before claim `before`: in the
// same section when there is one, else the latest before it.
const Claim* stated_amount(const std::vector<Claim>& claims, const AmountsBySubject& by_subject,
                           std::size_t before, const std::string& key, const std::string& scope) {
  auto it = by_subject.find(key);
  if (it == by_subject.end()) return nullptr;
  const auto& list = it->second;
  const Claim* fallback = nullptr;
  for (auto k = std::lower_bound(list.begin(), list.end(), before); k != list.begin();) {
    const Claim& c = claims[*--k];
    if (scope != c.scope && !(scope == "all"sv || c.scope == "all"sv)) continue;
    if (c.section == claims[before].section) return &c;
    if (!fallback) fallback = &c;
    if (c.section < claims[before].section) break;
  }
  return fallback;
}

}  // namespace

void run_narrative_percent(RuleContext& ctx) {
  const auto& claims = ctx.report().claims;
  const ClaimIndex& idx = ctx.claim_index();
  const AmountsBySubject by_subject = amounts_by_subject(claims);
  // Per sentence: the whole of its list of shares, if one is found, and the
  // claim that states it (nullptr: the sum of the listed items).
  struct ListWhole {
    std::optional<Span> span;
    const Claim* claim = nullptr;
  };
  std::map<std::pair<int, int>, ListWhole> list_wholes;
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const Claim& share = claims[i];
    if (share.relation != "share"sv) continue;
    auto stated = percent_span(share);
    const Claim* part = idx.amount(share.group, i);
    if (!stated || !part) {
      ctx.check(claim_check_id(kRule, share), kRule, "insufficient_data", {share.line});
      continue;
    }
    auto part_span = money_span(*part);
    std::optional<Span> whole_span;
    std::vector<int> lines{share.line, part->line};
    // The whole as a finding names it: the stated amount, or (null) the
    // sum of the listed items. Named only for a finding: most shares pass.
    const Claim* whole = nullptr;
    if (!share.qualifier.empty() && share.qualifier.compare(0, 6, "words:") != 0) {
      if ((whole = stated_amount(claims, by_subject, i, share.qualifier, share.scope))) {
        whole_span = money_span(*whole);
        lines.push_back(whole->line);
      }
    } else if (share.qualifier.empty() && part->parent >= 0) {
      if ((whole = idx.amount(part->parent))) {
        whole_span = money_span(*whole);
        lines.push_back(whole->line);
      }
    } else if (share.qualifier.empty()) {
      // The shares of this sentence's list, and the whole they fit (below).
      auto key = std::make_pair(share.section, share.sentence_line);
      auto cached = list_wholes.find(key);
      if (cached == list_wholes.end()) {
        Span shares, sum;
        bool ok = true;
        std::vector<std::pair<Span, Span>> listed;  // (share, amount) of each item
        std::size_t list_start = i;                 // the first listed amount's claim
        // The sentence's claims are contiguous: walk back to its start.
        std::size_t first = i;
        while (first > 0 && claims[first - 1].section == share.section &&
               claims[first - 1].sentence_line == share.sentence_line)
          --first;
        for (std::size_t k = first; k < claims.size() && claims[k].section == share.section &&
                                    claims[k].sentence_line == share.sentence_line;
             ++k) {
          const Claim& s = claims[k];
          if (s.relation != "share"sv || !s.qualifier.empty()) continue;
          const Claim* p = idx.amount(s.group, k);
          auto ps = percent_span(s);
          auto ms = p ? money_span(*p) : std::nullopt;
          if (!ps || !ms || p->parent != part->parent) { ok = false; break; }
          shares = add(shares, *ps);
          sum = add(sum, *ms);
          if (listed.empty()) list_start = static_cast<std::size_t>(p - claims.data());
          listed.emplace_back(*ps, *ms);
        }
        const std::size_t n = listed.size();
        const Wide hundred = static_cast<Wide>(100) * 1000000;
        // How many shares are not exactly their amount over `whole`.
        auto shares_off = [&](const Span& whole) {
          int off = 0;
          for (const auto& [item_share, item_amount] : listed)
            off += judge_ratio(item_share, item_amount, whole) == Outcome::Passed ? 0 : 1;
          return off;
        };
        ListWhole result;
        if (ok && n >= 2 && shares.lo <= hundred && hundred <= shares.hi) result.span = sum;
        // Shares that miss 100% by one wrong item: when every other share is
        // exactly its amount over the list's sum, that sum is the whole (a
        // larger whole could not give them all) and the odd one is wrong.
        if (ok && n >= 2 && !result.span && sum.mid > 0 && shares_off(sum) == 1) result.span = sum;
        // "…支出 X 元。其中，人员经费 a 元，占比 p%；…": a list that is not
        // the whole of anything stated is a part of the amount stated last
        // before it, when its shares (all, or all but one of two or more)
        // are exactly their amounts over that amount.
        for (std::size_t k = list_start; ok && !result.span && k-- > 0 && claims[k].section == share.section;) {
          const Claim& w = claims[k];
          if (!is_money(w) || (w.relation != "value"sv && w.relation != "actual"sv) || w.parent >= 0) continue;
          auto ws = money_span(w);
          if (ws && ws->mid > 0) {
            const int off = shares_off(*ws);
            if (off == 0 || (off == 1 && n >= 2)) result = {ws, &w};
          }
          break;
        }
        cached = list_wholes.emplace(key, result).first;
      }
      if (cached->second.span) {
        whole_span = cached->second.span;
        if ((whole = cached->second.claim)) lines.push_back(whole->line);
      }
    }
    if (!part_span || !whole_span) {
      ctx.check(claim_check_id(kRule, share), kRule, "insufficient_data", lines);
      continue;
    }
    if (whole_span->mid == 0) {
      ctx.check(claim_check_id(kRule, share), kRule, part_span->mid == 0 ? "not_applicable" : "failed", lines);
      continue;
    }
    Outcome o = judge_ratio(*stated, *part_span, *whole_span);
    bool part_exceeds = part_span->lo > whole_span->hi;
    if (part_exceeds) o = Outcome::Failed;
    ctx.check(claim_check_id(kRule, share), kRule, status_of(o), lines);
    if (o == Outcome::Passed) continue;
    std::string expected = ratio_text(*part_span, *whole_span, share.value.scale);
    const std::string whole_zh = whole ? subject_name_zh(*whole) + " " + whole->text : "所列各项之和";
    const std::string whole_en = whole ? subject_name_en(*whole) + " " + whole->text : "the sum of the listed items";
    std::string zh = "“" + subject_name_zh(*part) + " " + part->text + "”占" + whole_zh + "应为 " + expected +
                     "%，文中写作 " + share.text;
    std::string en = subject_name_en(*part) + " " + part->text + " is " + expected + "% of " + whole_en +
                     ", but the text says " + share.text;
    if (part_exceeds) {
      zh += "；部分大于整体，比例超过 100%";
      en += "; the part is larger than the whole, a share above 100%";
    }
    ctx.add_finding(claim_finding(kRule, share, o, expected, share.value.to_string(), "%", zh, en, lines));
  }
}

}  // namespace hezhang
