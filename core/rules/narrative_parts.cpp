// narrative.parts: amounts listed as the parts of a whole ("本年支出合计 X，
// 其中基本支出 A，项目支出 B…") must add up to it, and no part may exceed its
// whole. The sum is checked only when the list is complete — every part the
// templates define for that whole is named, or, for a list of 类, their
// shares add up to 100% — because reports often list only the main parts.
// Counts too ("实有人员 78 人，其中行政 38 人、事业 40 人"): no part may exceed
// its whole, and the parts add up to it where they are kinds that exclude
// each other and cover the whole (staff by 行政/事业/工勤, 编制 by kind, the
// vehicles' 用车 categories); other lists may overlap (党员, 女性) or nest
// (一级项目 holds 二级项目), and are not summed.
#include <algorithm>
#include <map>
#include <set>

#include "../src/internal.h"
#include "narrative.h"

namespace hezhang {

namespace {

const char* kRule = "narrative.parts";

// Byte offsets of code points in a sentence, read forward only: the places
// a list's figures need are in order, so the sentence is walked once.
class CodePointCursor {
 public:
  explicit CodePointCursor(std::string_view text) : text_(text) {}
  // The byte offset of code point k (text.size() past the end); k never less
  // than the last one asked for.
  std::size_t at(int k) {
    while (point_ < k && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && (static_cast<unsigned char>(text_[byte_]) & 0xC0) == 0x80) ++byte_;
      ++point_;
    }
    return byte_;
  }
  std::string_view range(int from, int to) {
    const std::size_t b = at(from);
    return text_.substr(b, at(to) - b);
  }

 private:
  std::string_view text_;
  std::size_t byte_ = 0;
  int point_ = 0;
};

// The words a count's part is named by, without what leads into it.
std::string_view part_words(const Claim& c) {
  std::string_view w = c.subject_text;
  for (std::string_view lead : {"其中"sv, ":"sv, "："sv})
    if (starts_with(w, lead)) w.remove_prefix(lead.size());
  return w;
}

// Whether counted parts are kinds that exclude each other and together make
// up their whole: staff by kind (行政, 事业编制, 工勤人员…), or vehicles by
// the categories of the asset report (…用车).
bool exclusive_kinds(const std::vector<const Claim*>& parts) {
  const auto all = [&](auto test) {
    return std::all_of(parts.begin(), parts.end(), [&](const Claim* p) { return test(part_words(*p)); });
  };
  if (all([](std::string_view w) { return ends_with(w, "用车"); })) return true;
  static constexpr std::string_view kKinds[] = {"行政", "事业", "工勤", "参公", "参照公务员法管理", "机关"};
  return all([](std::string_view w) {
    for (std::string_view k : kKinds)
      if (starts_with(w, k)) {
        const std::string_view rest = w.substr(k.size());
        return rest.empty() || rest == "编制"sv || rest == "人员"sv || rest == "编制人员"sv || rest == "人数"sv;
      }
    return false;
  });
}

// How a list's figures are named in messages: amounts by their subject,
// counts by the words before them (the same in either language).
struct Naming {
  std::string (*zh)(const Claim&);
  std::string (*en)(const Claim&);
};
std::string count_words(const Claim& c) { return std::string(part_words(c)); }
constexpr Naming kBySubject{subject_name_zh, subject_name_en};
constexpr Naming kByWords{count_words, count_words};

// A part larger than the whole it is listed in: always wrong.
void add_part_above_whole(RuleContext& ctx, const Claim& part, const Claim& whole, const Naming& name) {
  ctx.check(claim_check_id(kRule, part) + "/within", kRule, "failed", {part.line, whole.line});
  ctx.add_finding(claim_finding(
      kRule, part, Outcome::Failed, whole.value.to_string(), part.value.to_string(), part.unit,
      name.zh(part) + " " + part.text + " 大于其所属的" + name.zh(whole) + " " + whole.text,
      name.en(part) + " " + part.text + " is larger than " + name.en(whole) + " " + whole.text + " it is part of",
      {whole.line}));
}

// Listed parts that add up to `total`, not to their whole.
void add_parts_sum(RuleContext& ctx, const Claim& whole, const std::vector<const Claim*>& parts, Outcome outcome,
                   const std::string& total, const Naming& name, std::vector<int> lines) {
  std::string names_zh, names_en;
  for (const Claim* p : parts) {
    names_zh += (names_zh.empty() ? "" : "、") + name.zh(*p) + " " + p->text;
    names_en += (names_en.empty() ? "" : ", ") + name.en(*p) + " " + p->text;
  }
  ctx.add_finding(claim_finding(
      kRule, whole, outcome, total, whole.value.to_string(), whole.unit,
      name.zh(whole) + " 写作 " + whole.text + "，但所列各项（" + names_zh + "）合计 " + total + whole.unit,
      name.en(whole) + " is stated as " + whole.text + " but its listed parts (" + names_en + ") add up to " + total +
          " " + whole.unit,
      std::move(lines)));
}

// Count lists: a count, then "其中" and counts in the same unit, up to the
// next "；" or the sentence's end.
void check_count_lists(RuleContext& ctx) {
  const Report& report = ctx.report();
  const auto& claims = report.claims;
  // Several sentences may start on one line: the one whose figure is there.
  const auto sentence_of = [&](const Claim& c) -> const Sentence* {
    if (c.section < 0 || static_cast<std::size_t>(c.section) >= report.sections.size()) return nullptr;
    for (const Sentence& s : report.sections[static_cast<std::size_t>(c.section)].sentences)
      if (s.line == c.sentence_line && CodePointCursor(s.text).range(c.begin, c.end) == c.text) return &s;
    return nullptr;
  };
  for (std::size_t w = 0; w < claims.size(); ++w) {
    const Claim& whole = claims[w];
    if (whole.relation != "count"sv || w + 1 >= claims.size()) continue;
    // A list needs a count in its unit next, in the same sentence: most
    // counts have none, and their sentence is not looked for.
    const Claim& next = claims[w + 1];
    if (next.relation != "count"sv || next.unit != whole.unit || next.section != whole.section ||
        next.sentence_line != whole.sentence_line || next.begin < whole.end)
      continue;
    const Sentence* sentence = sentence_of(whole);
    if (!sentence) continue;
    CodePointCursor cursor(sentence->text);
    const Claim* previous = &whole;
    std::vector<const Claim*> parts;
    for (std::size_t k = w + 1; k < claims.size(); ++k) {
      const Claim& c = claims[k];
      // The same sentence: figures in order, from the same start.
      if (c.section != whole.section || c.sentence_line != whole.sentence_line || c.begin < previous->end) break;
      const std::string_view between = cursor.range(previous->end, c.begin);
      if (contains(between, "；") || contains(between, ";") || contains(between, "。")) break;
      if (parts.empty() != contains(between, "其中")) break;  // "其中" opens the list, and only it
      if (c.relation != "count"sv || c.unit != whole.unit) break;
      parts.push_back(&c);
      previous = &c;
    }
    if (parts.empty()) continue;
    std::vector<int> lines{whole.line};
    std::optional<Decimal> sum = Decimal{};
    for (const Claim* p : parts) {
      lines.push_back(p->line);
      if (sum) sum = add(*sum, p->value);  // nullopt on overflow: not summed
      if (compare(p->value, whole.value) > 0) add_part_above_whole(ctx, *p, whole, kByWords);
    }
    // Parts that add up pass whatever they are; other sums are judged only
    // for kinds that exclude each other and cover the whole.
    const std::string id = claim_check_id(kRule, whole);
    const bool equal = sum && compare(*sum, whole.value) == 0;
    if (!sum || parts.size() < 2 || (!equal && !exclusive_kinds(parts))) {
      ctx.check(id, kRule, "insufficient_data", lines);
      continue;
    }
    ctx.check(id, kRule, equal ? "passed" : "failed", lines);
    if (!equal) add_parts_sum(ctx, whole, parts, Outcome::Failed, sum->to_string(), kByWords, std::move(lines));
  }
}

}  // namespace

void run_narrative_parts(RuleContext& ctx) {
  check_count_lists(ctx);
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
      if (ps->lo > w->hi) add_part_above_whole(ctx, *p, *whole, kBySubject);
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
    add_parts_sum(ctx, *whole, kv.second, o, money_text(sum.mid, whole->unit, shown_decimals(*whole)), kBySubject,
                  std::move(lines));
  }
}

}  // namespace hezhang
