// Claim extraction: every figure of every sentence, with the subject and the
// relation the words before it give ("基本支出 138.66 万元，占 64.51%",
// "比上年增加 8.22 万元，增长 23.3%", "完成年初预算的 110.86%").
//
// One pass (next_prose_number, the figure pattern by hand) finds the figures
// of a sentence; the words between one figure and the next (the "label")
// name the next figure's subject and relation.
// Unknown words never become a subject: a figure whose subject is not known
// stays a claim with subject "" and is never checked against a table.
#include "claims.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <utility>

#include "internal.h"
#include "templates.h"

namespace hezhang {

namespace {

// Views, not C strings: the words are searched for and compared in every
// sentence, and a C string's length is a strlen call each time (in
// WebAssembly always).
struct SubjectWord {
  std::string_view text;
  std::string_view key;
  std::string_view scope;  // scope the words imply, or "" (from the context)
};

// Longest and latest match wins, so "财政拨款收入总计" beats "收入总计".
const std::vector<SubjectWord>& subject_words() {
  static const std::vector<SubjectWord> kWords = {
      {"收入总计", "income_total", ""},
      {"收、支总计", "income_total", ""},
      {"收支总计", "income_total", ""},
      {"收支总预算", "income_total", ""},
      {"支出总计", "expense_total", ""},
      {"本年收入合计", "income_year", ""},
      {"收入合计", "income_year", ""},
      {"本年收入", "income_year", ""},
      {"收入预算", "income_year", ""},
      {"本年支出合计", "expense_year", ""},
      {"支出合计", "expense_year", ""},
      {"本年支出", "expense_year", ""},
      {"支出预算", "expense_year", ""},
      {"财政拨款收入总计", "fiscal_total", "fiscal"},
      {"财政拨款支出总计", "fiscal_total", "fiscal"},
      {"财政拨款收、支总计", "fiscal_total", "fiscal"},
      {"财政拨款收支总计", "fiscal_total", "fiscal"},
      {"财政拨款收支总预算", "fiscal_total", "fiscal"},
      {"财政拨款收入", "fiscal_income", "all"},
      {"财政拨款支出", "fiscal_expense", "fiscal"},
      {"财政拨款决算支出", "fiscal_expense", "fiscal"},
      {"一般公共预算财政拨款收入", "general_budget_income", "general_budget"},
      {"一般公共预算拨款收入", "general_budget_income", "general_budget"},
      {"一般公共预算", "general_budget_income", "general_budget"},
      {"一般公共预算财政拨款支出", "general_budget_expense", "general_budget"},
      {"一般公共预算当年拨款", "general_budget_expense", "general_budget"},
      {"一般公共预算支出", "general_budget_expense", "general_budget"},
      {"政府性基金预算", "gov_fund_income", "gov_fund"},
      {"政府性基金预算财政拨款收入", "gov_fund_income", "gov_fund"},
      {"政府性基金预算财政拨款支出", "gov_fund_expense", "gov_fund"},
      {"政府性基金预算财政拨款收入总计", "gov_fund_total", "gov_fund"},
      {"政府性基金预算财政拨款支出总计", "gov_fund_total", "gov_fund"},
      {"政府性基金预算财政拨款收支总计", "gov_fund_total", "gov_fund"},
      {"上级补助收入", "superior_subsidy_income", ""},
      {"事业收入", "business_income", ""},
      {"经营收入", "operating_income", ""},
      {"附属单位上缴收入", "affiliated_income", ""},
      {"其他收入", "other_income", ""},
      {"基本支出", "basic", ""},
      {"项目支出", "project", ""},
      {"上缴上级支出", "remit_superior", ""},
      {"经营支出", "operating_expense", ""},
      {"对附属单位补助支出", "affiliated_subsidy", ""},
      {"人员经费", "personnel", ""},
      {"人员支出", "personnel", ""},
      {"公用经费", "public_expense", ""},
      {"日常公用经费", "public_expense", ""},
      {"日常公用支出", "public_expense", ""},
      {"年初结转和结余", "opening_balance", ""},
      {"三公经费", "three_public", "general_budget"},
      {"三公”经费", "three_public", "general_budget"},
      {"三公\"经费", "three_public", "general_budget"},
      {"因公出国", "abroad", "general_budget"},
      {"公务用车购置及运行维护费", "vehicle", "general_budget"},
      {"公务用车购置及运行费", "vehicle", "general_budget"},
      {"公务用车购置费", "vehicle_purchase", "general_budget"},
      {"公务用车购置支出", "vehicle_purchase", "general_budget"},
      {"公务用车运行维护费", "vehicle_operation", "general_budget"},
      {"公务用车运行费", "vehicle_operation", "general_budget"},
      {"公务接待费", "reception", "general_budget"},
      {"会议费", "meeting", ""},
      {"培训费", "training", ""},
      {"机关运行经费", "operating_costs", ""},
      {"政府采购支出总额", "procurement_total", ""},
      {"政府采购预算总额", "procurement_total", ""},
      {"政府采购总额", "procurement_total", ""},
      {"政府采购货物", "procurement_goods", ""},
      {"政府采购工程", "procurement_works", ""},
      {"政府采购服务", "procurement_services", ""},
      {"授予中小企业合同金额", "procurement_sme", ""},
      {"中小企业合同金额", "procurement_sme", ""},
      {"授予小微企业合同金额", "procurement_micro", ""},
      {"小微企业合同金额", "procurement_micro", ""},
  };
  return kWords;
}

struct SubjectName {
  std::string_view key, zh, en;  // views, not char pointers: no strlen per comparison
};

const std::vector<SubjectName>& subject_names() {
  static const std::vector<SubjectName> kNames = {
      {"income_total", "收入总计", "total income"},
      {"expense_total", "支出总计", "total expenditure"},
      {"income_year", "本年收入合计", "income of the year"},
      {"expense_year", "本年支出合计", "expenditure of the year"},
      {"fiscal_total", "财政拨款收支总计", "fiscal appropriation total"},
      {"fiscal_income", "财政拨款收入", "fiscal appropriation income"},
      {"fiscal_expense", "财政拨款支出", "fiscal appropriation expenditure"},
      {"general_budget_income", "一般公共预算财政拨款收入", "general budget appropriation"},
      {"general_budget_expense", "一般公共预算财政拨款支出", "general budget expenditure"},
      {"gov_fund_income", "政府性基金预算财政拨款收入", "government fund appropriation"},
      {"gov_fund_expense", "政府性基金预算财政拨款支出", "government fund expenditure"},
      {"gov_fund_total", "政府性基金预算财政拨款收支总计", "government fund total"},
      {"superior_subsidy_income", "上级补助收入", "subsidies from higher levels"},
      {"business_income", "事业收入", "operating revenue of public institutions"},
      {"operating_income", "经营收入", "business income"},
      {"affiliated_income", "附属单位上缴收入", "income from affiliated units"},
      {"other_income", "其他收入", "other income"},
      {"basic", "基本支出", "basic expenditure"},
      {"project", "项目支出", "project expenditure"},
      {"remit_superior", "上缴上级支出", "payments to higher levels"},
      {"operating_expense", "经营支出", "business expenditure"},
      {"affiliated_subsidy", "对附属单位补助支出", "subsidies to affiliated units"},
      {"personnel", "人员经费", "personnel costs"},
      {"public_expense", "公用经费", "public (office) costs"},
      {"opening_balance", "年初结转和结余", "balance carried over"},
      {"three_public", "“三公”经费", "“three public” expenses"},
      {"abroad", "因公出国（境）费", "official travel abroad"},
      {"vehicle", "公务用车购置及运行维护费", "official vehicles"},
      {"vehicle_purchase", "公务用车购置费", "vehicle purchase"},
      {"vehicle_operation", "公务用车运行维护费", "vehicle operation"},
      {"reception", "公务接待费", "official reception"},
      {"meeting", "会议费", "meetings"},
      {"training", "培训费", "training"},
      {"operating_costs", "机关运行经费", "running costs of the organ"},
      {"procurement_total", "政府采购支出总额", "government procurement total"},
      {"procurement_goods", "政府采购货物支出", "procurement of goods"},
      {"procurement_works", "政府采购工程支出", "procurement of works"},
      {"procurement_services", "政府采购服务支出", "procurement of services"},
      {"procurement_sme", "授予中小企业合同金额", "contracts awarded to SMEs"},
      {"procurement_micro", "授予小微企业合同金额", "contracts awarded to micro enterprises"},
  };
  return kNames;
}

const SubjectName* find_name(const std::string& key) {
  for (const auto& n : subject_names())
    if (key == n.key) return &n;
  return nullptr;
}

// ---- the national function classification's 类 ---------------------------

// The code of the class `name` (spaces ignored) names, "支出" implied; "" when none.
std::string_view class_code_of(std::string_view name, std::string& buffer) {
  name = without_spaces(name, buffer);
  if (name.size() < 6) return {};
  const bool spending = ends_with(name, "支出");
  for (const auto& [class_name, code] : national_classes())
    if (spending ? name == class_name
                 : class_name.size() == name.size() + 6 && starts_with(class_name, name) &&
                       ends_with(class_name, "支出"))
      return code;
  return {};
}

// ---- words ----------------------------------------------------------------

// Direction of the last change word in `s`: +1 增加/增长, -1 减少/下降, 0 none.
// One pass from the end, not a search per word: this runs for every figure.
int change_direction(std::string_view s) {
  static const std::pair<std::string_view, int> kWords[] = {
      {"增加", 1}, {"增长", 1}, {"上升", 1}, {"提高", 1}, {"增幅", 1},
      {"减少", -1}, {"下降", -1}, {"降低", -1}, {"节约", -1}, {"减幅", -1}};
  // Every word is two characters of three bytes: the last word starts at
  // most six bytes before the end, and only at a character's first byte.
  for (std::size_t i = s.size() < 6 ? 0 : s.size() - 5; i-- > 0;) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    for (const auto& [word, dir] : kWords)
      if (word_at(s, i, word)) return dir;
  }
  return 0;
}

bool completion_words(std::string_view s) {
  return (contains(s, "完成") && contains(s, "预算")) || contains(s, "执行率") || contains(s, "支出率") ||
         contains(s, "完成进度") || contains(s, "执行进度") || contains(s, "预算完成率");
}

std::string completion_flavor(std::string_view s) {
  if (contains(s, "年初")) return "initial";
  if (contains(s, "全年") || contains(s, "调整")) return "adjusted";
  return "";
}

// Words looked up by their first character, so one pass over a label finds
// where each word last occurs (one std::string_view::rfind per word per label
// was a third of the whole analysis). The characters are kept in a small
// open-addressed table: a multiply and a shift per character of a label,
// where std::unordered_map divided by its bucket count.
class WordIndex {
 public:
  struct Occurrence {
    std::size_t id, begin, end;
  };

  void add(std::string_view word, std::size_t id) {
    if (word.empty()) return;
    const std::uint32_t c = first_char(word);
    if ((slots_.size() + 1) / 2 <= distinct_ + 1) grow();
    Slot& slot = find_slot(c);
    if (slot.ch == 0) slot.ch = c, ++distinct_;
    words_.push_back({word, id, slot.head});
    slot.head = static_cast<int>(words_.size() - 1);
  }

  // Every word found in text, once, at its last occurrence, in id order.
  void last_occurrences(std::string_view text, std::vector<Occurrence>& found) const {
    found.clear();
    if (words_.empty()) return;
    for (std::size_t i = 0, next = 0; i < text.size(); i = next) {
      // A character at a time (text is valid UTF-8): its length from its lead byte.
      const std::uint32_t c = char_at(text, i, next);
      const Slot& slot = find_slot(c);
      for (int w = slot.head; w >= 0; w = words_[static_cast<std::size_t>(w)].next) {
        const Word& word = words_[static_cast<std::size_t>(w)];
        // The first character matched: starts_with tests the word's last
        // byte, which tells most words that share it apart, before a memcmp.
        if (starts_with(text.substr(i), word.text)) found.push_back({word.id, i, i + word.text.size()});
      }
    }
    // Found in text order: sorted by id, then place (the order a stable sort
    // by id gives, without its buffer: an allocation per label), the last of
    // each id's run is its last occurrence.
    std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
      return a.id != b.id ? a.id < b.id : a.begin < b.begin;
    });
    std::size_t kept = 0;
    for (std::size_t k = 0; k < found.size(); ++k)
      if (k + 1 == found.size() || found[k + 1].id != found[k].id) found[kept++] = found[k];
    found.resize(kept);
  }

 private:
  struct Word {
    std::string_view text;  // the caller keeps the words alive
    std::size_t id;
    int next;  // the next word with the same first character, or -1
  };
  struct Slot {
    std::uint32_t ch = 0;  // 0: empty (no character packs to 0 here)
    int head = -1;
  };

  // The UTF-8 character at text[i], packed into an integer; next is set to
  // the byte after it.
  static std::uint32_t char_at(std::string_view text, std::size_t i, std::size_t& next) {
    const unsigned char lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xE0 && lead < 0xF0 && i + 3 <= text.size()) {  // most of a label: no loop
      next = i + 3;
      return std::uint32_t{lead} << 16 | std::uint32_t{static_cast<unsigned char>(text[i + 1])} << 8 |
             static_cast<unsigned char>(text[i + 2]);
    }
    next = std::min(text.size(), i + (lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4));
    std::uint32_t c = lead;
    for (std::size_t k = i + 1; k < next; ++k) c = c << 8 | static_cast<unsigned char>(text[k]);
    return c;
  }
  static std::uint32_t first_char(std::string_view word) {
    std::size_t next;
    return char_at(word, 0, next);
  }
  // The slot holding c, or the empty one where it would go (the table is
  // never more than half full, so a probe ends).
  const Slot& find_slot(std::uint32_t c) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t h = (c * 2654435761u) >> 7 & mask;; h = (h + 1) & mask)
      if (slots_[h].ch == c || slots_[h].ch == 0) return slots_[h];
  }
  Slot& find_slot(std::uint32_t c) { return const_cast<Slot&>(std::as_const(*this).find_slot(c)); }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot());
    for (const Slot& s : old)
      if (s.ch != 0) find_slot(s.ch) = s;
  }

  std::vector<Word> words_;
  std::vector<Slot> slots_;
  std::size_t distinct_ = 0;
};

// Where a subject is named in a label: the key, its words and their end.
struct SubjectMatch {
  std::string key, text, scope;
  std::size_t begin = std::string::npos, end = 0;
};

bool better(const SubjectMatch& m, std::size_t begin, std::size_t end) {
  if (m.begin == std::string::npos) return true;
  if (end != m.end) return end > m.end;
  return begin < m.begin;  // longer
}

// Function classes written "社会保障和就业支出（类）行政事业单位养老支出（款）
// 机关事业单位基本养老保险缴费支出（项）" (bare class names are in
// ItemWords' index).
void match_classes(std::string_view label, SubjectMatch& best) {
  // Both marks hold 类, which few labels do: one forward search (eight bytes
  // at a time) turns the others away before two backward ones.
  if (find_text(label, "类") == std::string_view::npos) return;
  static constexpr std::string_view kMarks[] = {"(类)", "（类）"};
  for (std::string_view mark : kMarks) {
    std::size_t p = rfind_text(label, mark);
    if (p == std::string_view::npos) continue;
    // The name runs back to the previous delimiter.
    std::size_t start = p;
    while (start > 0) {
      std::size_t prev = start;
      // step back one UTF-8 character
      do { --prev; } while (prev > 0 && (static_cast<unsigned char>(label[prev]) & 0xC0) == 0x80);
      std::string_view ch = label.substr(prev, start - prev);
      if (ch == "，"sv || ch == "、"sv || ch == "；"sv || ch == "："sv || ch == "。"sv || ch == ","sv || ch == ";"sv ||
          ch == ":"sv || ch == "）"sv || ch == ")"sv || ch == "（"sv || ch == "("sv || ch == " "sv)
        break;
      start = prev;
    }
    std::string name(label.substr(start, p - start));
    // Drop words that lead into the name ("主要用于", "其中", "包括").
    for (std::string_view lead : {"主要用于以下方面:"sv, "主要用于以下方面："sv, "其中"sv, "包括"sv, "用于"sv})
      if (starts_with(name, lead)) name = name.substr(lead.size());
    std::string buffer;
    std::string_view code = class_code_of(name, buffer);
    if (code.empty()) {
      // "2022年度…财政拨款支出…一般公共服务" rarely; names with a prefix.
      for (const auto& [class_name, class_code] : national_classes()) {
        std::string_view bare = class_name;
        if (bare.size() > 6) bare.remove_suffix(6);
        if (!bare.empty() && ends_with(name, bare)) {
          code = class_code;
          break;
        }
      }
    }
    if (code.empty()) continue;
    std::size_t end = p + mark.size();
    std::string key = "class:";
    key += code;
    std::string text(label.substr(start, end - start));
    // 款 and 项 that follow belong to the same chain: keep their names.
    std::string_view rest = label.substr(end);
    // Each level's mark, half- and full-width.
    static constexpr std::string_view kLevelMarks[][2] = {{"(款)", "（款）"}, {"(项)", "（项）"}};
    for (const auto& [m1, m2] : kLevelMarks) {
      std::size_t q = std::string_view::npos;
      std::size_t a = find_text(rest, m1), b = find_text(rest, m2);
      std::size_t mlen = 0;
      if (a != std::string_view::npos) { q = a; mlen = m1.size(); }
      if (b != std::string_view::npos && (q == std::string_view::npos || b < q)) { q = b; mlen = m2.size(); }
      if (q == std::string_view::npos) break;
      std::string part = without_spaces(rest.substr(0, q));
      if (part.empty() || contains(part, "，") || contains(part, "；")) break;
      key += "/" + part;
      end += q + mlen;
      text = std::string(label.substr(start, end - start));
      rest = label.substr(end);
    }
    if (better(best, start, end)) best = {key, text, "", start, end};
  }
}

// Economic items named in the report's own tables (基本工资, 办公费…), in
// `items` order (longest first), indexed with the subject words and the bare
// 类 names ("一般公共服务支出 462.11 万元") so a label is read once: ids below
// subject_words().size() are subject words, then classes, then from
// items_base the items.
struct ItemWords {
  std::vector<std::pair<std::string, std::string>> items;  // (name, code); not changed once indexed
  WordIndex index;
  std::size_t items_base = 0;

  void build_index() {
    std::size_t id = 0;
    for (const auto& w : subject_words()) index.add(w.text, id++);
    for (const auto& kv : national_classes()) index.add(kv.first, id++);
    items_base = id;
    for (const auto& item : items) index.add(item.first, id++);
  }
};

// `found` is the caller's scratch vector, kept between labels.
SubjectMatch match_subject(std::string_view label, const ItemWords& items, std::vector<WordIndex::Occurrence>& found) {
  const auto& words = subject_words();
  const auto& classes = national_classes();
  items.index.last_occurrences(label, found);
  // The word or class `id` found at [begin, end), with its strings: made
  // only for the one a search settles on, not for every better one it meets.
  const auto named = [&](std::size_t id, std::size_t begin, std::size_t end) -> SubjectMatch {
    if (id < words.size())
      return {std::string(words[id].key), std::string(words[id].text), std::string(words[id].scope), begin, end};
    const auto& [name, code] = classes[id - words.size()];
    return {std::string("class:").append(code), std::string(name), "", begin, end};
  };
  // The best word or class by place.
  SubjectMatch best;
  std::size_t best_id = 0;
  // A class's name marked 款 or 项 ("其他社会保障和就业支出（项）", or its
  // tail on a line of its own when the text was wrapped) names a row below
  // the class, never the class.
  const auto marked_lower = [&](std::size_t end) {
    const std::string_view after = label.substr(end);
    return starts_with(after, "（款）") || starts_with(after, "（项）") || starts_with(after, "(款)") ||
           starts_with(after, "(项)");
  };
  for (const auto& [id, p, end] : found) {
    if (id >= items.items_base) break;  // the items follow
    if (!better(best, p, end)) continue;
    if (id >= words.size() && marked_lower(end)) continue;
    best.begin = p, best.end = end, best_id = id;
  }
  if (best.begin != std::string::npos) best = named(best_id, best.begin, best.end);
  match_classes(label, best);
  // Spending in general ("…一般公共预算财政拨款支出") qualifies a specific
  // subject named before it in the same words ("“三公”经费一般公共预算财政
  // 拨款支出预算为"): the specific one is the subject.
  static constexpr std::string_view kGeneric[] = {"general_budget_expense", "fiscal_expense", "gov_fund_expense",
                                                  "expense_year",           "general_budget_income", "gov_fund_income"};
  auto generic = [&](std::string_view key) {
    for (std::string_view g : kGeneric)
      if (key == g) return true;
    return false;
  };
  // Totals are never the specific subject ("财政拨款收入…支出"): which
  // words may be, decided once rather than per label.
  static const std::vector<bool> kMaySpecify = [&] {
    std::vector<bool> may;
    for (const SubjectWord& w : words) {
      std::string_view k = w.key;
      may.push_back(!(generic(k) || starts_with(k, "income_") || starts_with(k, "expense_") ||
                      starts_with(k, "fiscal_") || starts_with(k, "gov_fund_")));
    }
    return may;
  }();
  if (best.begin != std::string::npos && generic(best.key)) {
    SubjectMatch specific;  // place only, as above
    std::size_t specific_id = 0;
    for (const auto& [id, p, end] : found) {
      if (id >= words.size()) break;  // classes follow the words
      if (!kMaySpecify[id]) continue;
      // Only words before the generic ones, with no clause break between.
      if (p >= best.begin) continue;
      std::string_view between = label.substr(std::min(end, best.begin), best.begin > end ? best.begin - end : 0);
      if (contains(between, "，") || contains(between, "；") || contains(between, "。") || contains(between, "、")) continue;
      if (better(specific, p, end)) specific.begin = p, specific.end = end, specific_id = id;
    }
    if (specific.begin != std::string::npos) best = named(specific_id, specific.begin, specific.end);
  }
  // An item only when nothing more specific ends there (公务接待费 is an item
  // too); among items the latest end, then the first in `items` order.
  const WordIndex::Occurrence* chosen = nullptr;
  for (const WordIndex::Occurrence& o : found)
    if (o.id >= items.items_base && (best.begin == std::string::npos || o.end > best.end) &&
        (chosen == nullptr || o.end > chosen->end))
      chosen = &o;
  if (chosen != nullptr) {
    const auto& item = items.items[chosen->id - items.items_base];
    best = {"econ:" + item.second, item.first, "", chosen->begin, chosen->end};
  }
  return best;
}

// Scope from the words before and in the subject: 一般公共预算 / 政府性基金 /
// 财政拨款; "" when they say nothing.
std::string scope_of_words(std::string_view words) {
  if (contains(words, "一般公共预算")) return "general_budget";
  if (contains(words, "政府性基金")) return "gov_fund";
  if (contains(words, "国有资本经营") || contains(words, "国有资金经营")) return "state_capital";
  if (contains(words, "社会保险基金")) return "social_insurance";
  if (contains(words, "财政拨款")) return "fiscal";
  return "";
}

std::string scope_of_topic(const std::string& topic) {
  if (topic == "general_budget_expense"sv || topic == "basic_expense"sv || topic == "three_public"sv)
    return "general_budget";
  if (topic == "fiscal_overview"sv) return "fiscal";
  if (topic == "gov_fund"sv) return "gov_fund";
  if (topic == "state_capital"sv) return "state_capital";
  return "all";
}

// Units a number can carry, money first.
bool money_unit(const std::string& u) { return u == "元"sv || u == "万元"sv || u == "亿元"sv; }

// A figure found in a sentence.
struct Figure {
  std::size_t begin = 0, end = 0;  // bytes in the sentence
  Decimal value;
  std::string unit;
};

std::vector<Figure> find_figures(const std::string& s) {
  std::vector<Figure> out;
  std::string last_money;
  ProseNumber token;
  for (std::size_t from = 0; next_prose_number(s, from, token); from = token.match_end) {
    const std::string_view num = std::string_view(s).substr(token.begin, token.end - token.begin);
    std::size_t b = token.begin;
    std::size_t e = token.unit_end > token.unit_begin ? token.unit_end : token.end;
    std::string u = s.substr(token.unit_begin, token.unit_end - token.unit_begin);
    // Part of a longer token ("A4", "2022-03", "〔2023〕4号") is not a figure.
    if (b > 0) {
      char prev = s[b - 1];
      if (std::isalnum(static_cast<unsigned char>(prev)) || prev == '.' || prev == '-' || prev == '/') continue;
    }
    // Separators dropped; most figures have none, and are read as they stand.
    std::string digits;
    if (num.find(',') != std::string_view::npos)
      for (char c : num)
        if (c != ',') digits += c;
    auto v = Decimal::parse(digits.empty() ? num : std::string_view(digits));
    if (!v) continue;
    if (u.empty()) {
      // A bare number is a figure only inside a list of money amounts
      // ("绩效工资274,608.00、") where the unit was dropped.
      bool moneyish = contains(num, ".") || contains(num, ",");
      std::string_view after = std::string_view(s).substr(e);
      bool list_end = after.empty() || starts_with(after, "、") || starts_with(after, "，") ||
                      starts_with(after, "；") || starts_with(after, "。") || starts_with(after, ",");
      if (!(moneyish && list_end && !last_money.empty())) continue;
      u = last_money;
    }
    if (u == "台(套)"sv || u == "台（套）"sv) u = "台（套）";
    if (money_unit(u)) last_money = u;
    out.push_back({b, e, *v, u});
  }
  return out;
}

// Code points and lines of byte offsets that only move forward in one
// sentence: each byte is looked at once (a 100 000-figure line stays linear).
class SentenceCursor {
 public:
  explicit SentenceCursor(const Sentence& s) : s_(s), line_(s.line) {}
  int code_point(std::size_t byte) {
    byte = std::min(byte, s_.text.size());
    if (byte > byte_) {
      cps_ += static_cast<int>(count_code_points(s_.text.data() + byte_, byte - byte_));
      byte_ = byte;
    }
    return cps_;
  }
  int line(std::size_t byte) {
    while (mark_ < s_.line_starts.size() && static_cast<std::size_t>(s_.line_starts[mark_].first) <= byte)
      line_ = s_.line_starts[mark_++].second;
    return line_;
  }

 private:
  const Sentence& s_;
  std::size_t byte_ = 0, mark_ = 0;
  int cps_ = 0, line_;
};

// How far back a part looks for its whole, and a 涉及资金 for its count: lists
// are short; a bound keeps a pathological sentence linear.
constexpr std::size_t kLookBack = 64;

// The words between 占 and the figure: the whole a share is of.
std::string whole_words(std::string_view after_zhan) {
  std::string w = without_spaces(after_zhan);
  for (std::string_view tail : {"的"sv, "比"sv})
    if (ends_with(w, tail)) w.resize(w.size() - tail.size());
  if (starts_with(w, "比")) w = w.substr(3);
  return w;
}

// Whether the words between a subject and its figure only say how the figure
// relates to it (为/共/支出决算/年初预算/比上年增加…), not another subject.
bool relation_words_only(std::string_view words) {
  std::string buffer;
  const std::string_view w = without_spaces(words, buffer);
  // Tried in this order at each position (word_at tests the first byte alone
  // first: most positions start none of them).
  static constexpr std::string_view kWords[] = {
      "比上年", "比上年度", "与上年相比", "较上年", "同比", "年初预算数", "年初预算",
      "全年预算数", "全年预算", "调整预算", "预算数", "预算安排", "预算", "决算数",
      "支出决算", "决算", "执行数", "实际执行", "实际支出", "执行", "支出", "合计",
      "总额", "金额", "增加", "增长", "减少", "下降", "降低", "节约", "上升", "完成",
      "为", "是", "共", "计", "约", "达", "各", "的", "了", "数", "费用", "年度",
      "年", "度", "较", "比", "与", "相比", "其中", "分别", "安排", "当年", "本年", "全年",
      "拨款", "财政拨款", "资金", "一般公共预算", "政府性基金预算", "国有资本经营预算", "(含", "（含", "占", "年初", "元", "万"};
  // Drop digits, punctuation and the words above; what is left is a name
  // when it has more than three characters.
  int left = 0;
  for (std::size_t i = 0; i < w.size();) {
    bool skipped = false;
    for (std::string_view k : kWords)
      if (word_at(w, i, k)) { i += k.size(); skipped = true; break; }
    if (skipped) continue;
    unsigned char ch = static_cast<unsigned char>(w[i]);
    std::size_t len = ch < 0x80 ? 1 : (ch >> 5) == 0x6 ? 2 : (ch >> 4) == 0xE ? 3 : 4;
    if (ch >= 0x80) {
      std::string_view one = w.substr(i, len);
      bool punct = one == "，"sv || one == "、"sv || one == "；"sv || one == "："sv || one == "（"sv || one == "）"sv ||
                   one == "“"sv || one == "”"sv;
      if (!punct && ++left > 3) return false;
    }
    i += len;
  }
  return true;
}

// The text after the last clause break (，、；：,;:).
// One backward scan (not a rfind per delimiter): the last break found ends
// last, since an ASCII break cannot sit inside a 3-byte one.
std::string_view last_clause(std::string_view label) {
  for (std::size_t i = label.size(); i-- > 0;) {
    const char c = label[i];
    if (c == ',' || c == ';' || c == ':') return label.substr(i + 1);
    if (word_at(label, i, "，") || word_at(label, i, "、") || word_at(label, i, "；") || word_at(label, i, "："))
      return label.substr(i + 3);  // each is 3 bytes
  }
  return label;
}

// Whether the clause before a figure says how the figure relates to the
// subject before it (预算/决算/增加/占/完成…) rather than naming a new one.
bool opens_with_relation(std::string_view clause, std::string_view label) {
  std::string buffer, label_buffer;
  const std::string_view c = without_spaces(clause, buffer);
  // Same clause as the subject (no break since the last figure): their
  // sizes without spaces are equal.
  if (c.size() == without_spaces(label, label_buffer).size() && !contains(label, "，") && !contains(label, "、") &&
      !contains(label, "；"))
    return true;
  if (c.empty()) return true;
  static constexpr std::string_view kRelations[] = {
      "比",   "较",   "与",   "同比", "增加", "增长", "减少", "下降", "降低",     "占",       "完成",
      "预算", "年初预算", "全年预算", "调整预算", "决算", "支出决算", "执行", "实际", "支出", "为",
      "共",   "合计", "累计", "其中", "各"};
  for (std::string_view w : kRelations)
    if (starts_with(c, w)) return true;
  return false;
}

// A clause that only names a rate: "项目支出率为", "预算执行率达": short,
// ending in 率 and the verb after it.
bool is_rate_clause(std::string_view clause) {
  std::string buffer;
  std::string_view c = without_spaces(clause, buffer);
  for (std::string_view lead : {"，"sv, "、"sv, "；"sv})
    if (starts_with(c, lead)) c.remove_prefix(lead.size());
  for (std::string_view verb : {"为"sv, "达"sv, "是"sv, ":"sv, "："sv})
    if (ends_with(c, verb)) {
      c.remove_suffix(verb.size());
      break;
    }
  return ends_with(c, "率") && code_points(c) <= 8;
}

bool sentence_continues(std::string_view label) {
  // A sentence that opens with a relation continues the previous one's
  // subject ("。较2021年决算减少…", "。比上年预算增加…", "。其中，…").
  static constexpr std::string_view kOpenings[] = {"较",   "比",   "与上年", "与20",     "同比",     "增加",
                                                   "增长", "减少", "下降",   "完成",     "决算数较", "决算数比",
                                                   "其中", "包括", "；",     ";"};
  for (std::string_view w : kOpenings)
    if (starts_with(label, w)) return true;
  return false;
}

// The subject a title sentence names when it names nothing else: an
// enumerator ("1.", "（一）", "2、"), the subject, a final 。 or ：. Anything
// more ("主要用于一般公共服务支出。") is not a title.
SubjectMatch title_subject(std::string_view title, const ItemWords& items,
                           std::vector<WordIndex::Occurrence>& found) {
  constexpr std::size_t kMaxTitleBytes = 240;  // 80 characters: a 类/款/项 path
  SubjectMatch none;
  if (title.size() > kMaxTitleBytes) return none;
  SubjectMatch m = match_subject(title, items, found);
  if (m.begin == std::string::npos) return none;
  std::string_view rest = trimmed(title.substr(m.end));
  for (std::string_view end : {"。"sv, "："sv, ":"sv, "．"sv})
    if (ends_with(rest, end)) rest.remove_suffix(end.size());
  if (!trimmed(rest).empty()) return none;
  // Before the subject: only an enumerator.
  static constexpr std::string_view kEnumerator[] = {"（", "）", "(", ")", "、", ".", "．", " ", "一", "二", "三", "四",
                                                    "五", "六", "七", "八", "九", "十"};
  std::string_view lead = title.substr(0, m.begin);
  while (!lead.empty()) {
    if (lead.front() >= '0' && lead.front() <= '9') { lead.remove_prefix(1); continue; }
    bool known = false;
    for (std::string_view e : kEnumerator)
      if (starts_with(lead, e)) { lead.remove_prefix(e.size()); known = true; break; }
    if (!known) return none;
  }
  return m;
}

}  // namespace

std::vector<Claim> extract_claims(const std::vector<Section>& sections,
                                  const std::vector<Table>& tables) {
  // Economic items the report's tables name, longest first ("办公费").
  ItemWords items;
  std::vector<WordIndex::Occurrence> occurrences;  // match_subject's scratch
  {
    std::map<std::string, std::string> seen;
    for (const auto& t : tables)
      for (const auto& r : t.rows)
        if ((r.level == "econ_item"sv || r.level == "econ_class"sv) && !r.code.empty()) {
          std::string n = without_spaces(r.name);
          if (code_points(n) >= 2) seen.try_emplace(std::move(n), r.code);
          // Its standard name too, where the table prints another.
          if (std::string_view standard = standard_economic_name(r.code); !standard.empty())
            seen.try_emplace(std::string(standard), r.code);
        }
    for (const auto& kv : seen) items.items.push_back(kv);
    // Reports name a few dozen items; a bound keeps label matching linear.
    if (items.items.size() > 400) items.items.resize(400);
    std::sort(items.items.begin(), items.items.end(), [](const auto& a, const auto& b) {
      return a.first.size() != b.first.size() ? a.first.size() > b.first.size() : a.first < b.first;
    });
    items.build_index();
  }

  std::vector<Claim> claims;
  // One to three claims per sentence in reports: room for two each (at most
  // 4 096, a few MB) saves most of the moves of a growing vector of large
  // claims.
  {
    std::size_t sentences = 0;
    for (const Section& sec : sections) sentences += sec.sentences.size();
    claims.reserve(std::min<std::size_t>(2 * sentences, 4096));
  }
  std::vector<int> serial;  // sentence number of each claim (lines repeat)
  serial.reserve(claims.capacity());
  std::vector<std::size_t> group_head;  // first claim of each group
  // Per sentence, kept here so that each sentence reuses their room.
  std::vector<int> current;          // group per bracket depth
  std::vector<int> sentence_groups;
  int next_group = 0, next_sentence = 0;
  std::vector<std::string> topics(8);  // topic in force at each heading depth
  for (std::size_t si = 0; si < sections.size(); ++si) {
    const Section& sec = sections[si];
    // A sub-heading without a topic ("(一)总体情况") is about its parent's.
    std::size_t depth = static_cast<std::size_t>(std::min(std::max(sec.depth, 0), 7));
    std::string topic = sec.topic;
    if (topic.empty())
      for (std::size_t d = depth; d-- > 0 && topic.empty();) topic = topics[d];
    topics[depth] = topic;
    for (std::size_t d = depth + 1; d < topics.size(); ++d) topics[d].clear();
    std::string topic_scope = scope_of_topic(topic);
    int carried = -1;  // the last group of the previous sentence
    int carried_sentence = -1;
    // The previous sentence when it was a title with no figure ("1. 公共安全
    // 支出(类)。"): what the next one's opening figures are about.
    std::string_view title;
    for (const Sentence& sen : sec.sentences) {
      const std::string& s = sen.text;
      const int this_sentence = next_sentence++;
      bool continues = false;
      std::vector<Figure> figures = find_figures(s);
      // Flat-change words carry no figure: "与上年预算数持平".
      current.assign(1, -1);
      std::size_t prev_end = 0;
      int depth = 0;
      bool first = true;
      sentence_groups.clear();
      auto current_group = [&]() {
        for (int d = std::min<int>(depth, static_cast<int>(current.size()) - 1); d >= 0; --d)
          if (current[d] >= 0) return current[d];
        return -1;
      };
      auto track_depth = [&](std::string_view text) {
        // Brackets are rare: eight bytes at a time to the next '(', ')' or
        // EF (the lead of （ and ）, never a continuation byte).
        const auto brackets = [](std::uint64_t w) {
          return bytes_equal(w, '(') | bytes_equal(w, ')') | bytes_equal(w, 0xEF);
        };
        for (std::size_t i = skip_to_flagged(text.data(), 0, text.size(), brackets); i < text.size();
             i = skip_to_flagged(text.data(), i + 1, text.size(), brackets)) {
          if (text[i] == '(' || word_at(text, i, "（")) ++depth;
          else if ((text[i] == ')' || word_at(text, i, "）")) && depth > 0) {
            --depth;
            // -1 (no group) if this grows it: "((" reaches depth 2 before any
            // resize, and a default 0 here named a group that does not exist.
            current.resize(depth + 1, -1);
          }
        }
        if (static_cast<int>(current.size()) < depth + 1) current.resize(depth + 1, -1);
      };
      SentenceCursor cursor(sen);
      auto claim_base = [&](std::size_t b, std::size_t e) {
        Claim c;
        c.section = static_cast<int>(si);
        c.sentence_line = sen.line;
        c.line = cursor.line(b);
        c.begin = cursor.code_point(b);
        c.end = cursor.code_point(e);
        c.text = s.substr(b, e - b);
        c.link = "unlinked";
        return c;
      };
      auto add_flat = [&](std::string_view label, std::size_t label_at) {
        // A flat phrase belongs to the group in force, so none is read
        // without one (most labels before a sentence's first figure). Each
        // contains 持平, 相同 or 一致: most other labels are turned away by
        // those three searches alone.
        const int g = current_group();
        if (g < 0) return;
        if (!contains(label, "持平") && !contains(label, "相同") && !contains(label, "一致")) return;
        for (std::string_view w : {"持平"sv, "与上年相同"sv, "与上年度相同"sv, "与上年一致"sv, "与上年度一致"sv, "相同"sv, "一致"sv}) {
          std::size_t p = find_text(label, w);
          if (p == std::string_view::npos) continue;
          std::size_t b = label_at + p, e = b + w.size();
          Claim c = claim_base(b, e);
          if (static_cast<std::size_t>(g) >= group_head.size()) return;
          const Claim* head = &claims[group_head[static_cast<std::size_t>(g)]];
          c.subject = head->subject;
          c.subject_text = head->subject_text;
          c.scope = head->scope;
          c.group = g;
          c.parent = head->parent;
          c.relation = "change";
          c.direction = 0;
          c.unit = "";
          claims.push_back(std::move(c));
          serial.push_back(this_sentence);
          return;
        }
      };

      for (std::size_t fi = 0; fi <= figures.size(); ++fi) {
        std::size_t label_end = fi < figures.size() ? figures[fi].begin : s.size();
        std::string_view label = std::string_view(s).substr(prev_end, label_end - prev_end);
        if (fi == figures.size()) {
          add_flat(label, prev_end);
          break;
        }
        const Figure& fig = figures[fi];
        std::size_t label_at = prev_end;
        prev_end = fig.end;
        if (first) {
          first = false;
          if (carried >= 0 && sentence_continues(trimmed(label))) {
            current[0] = carried;
            continues = true;
          }
        }
        // Flat words before this figure belong to the previous subject.
        add_flat(label, label_at);
        track_depth(label);

        Claim c = claim_base(fig.begin, fig.end);
        c.value = fig.value;
        c.unit = fig.unit;

        // 占: what follows is the whole, not the subject.
        std::size_t zhan = rfind_text(label, "占");
        std::string_view subject_part = zhan == std::string_view::npos ? label : label.substr(0, zhan);
        SubjectMatch m = match_subject(subject_part, items, occurrences);
        // "1. 公共安全支出(类)。年初预算为 0.00 万元…": the opening figure
        // with no subject of its own takes the title's.
        if (m.begin == std::string::npos && fi == 0 && !title.empty()) {
          SubjectMatch t = title_subject(title, items, occurrences);
          if (t.begin != std::string::npos) {
            m = std::move(t);
            m.begin = m.end = 0;  // named before the label, not in it
          }
        }
        std::string_view after_subject =
            m.begin == std::string::npos ? label : label.substr(m.end);
        bool percent = fig.unit == "%"sv;
        bool count = !percent && !money_unit(fig.unit);

        if (zhan != std::string_view::npos && percent) {
          c.relation = "share";
          c.qualifier = whole_words(label.substr(zhan + 3));
          std::string w = c.qualifier;
          SubjectMatch wm = match_subject(w, items, occurrences);
          if (wm.begin != std::string::npos && wm.end == w.size()) c.qualifier = wm.key;
          else if (!w.empty()) c.qualifier = "words:" + w;
        } else if (int dir = change_direction(after_subject)) {
          c.relation = percent ? "rate" : "change";
          c.direction = dir;
          std::string_view base = after_subject;
          bool vs_budget = contains(base, "预算") && !contains(base, "上年") && !contains(base, "年度") &&
                           !contains(base, "20") && !contains(base, "去年");
          c.qualifier = vs_budget ? "budget" : "previous";
        } else if (percent && completion_words(after_subject)) {
          c.relation = "completion";
          c.qualifier = completion_flavor(after_subject);
        } else if (percent) {
          c.relation = "percent";
        } else if (count) {
          c.relation = "count";
        } else if (contains(after_subject, "预算")) {
          c.relation = "budget";
          c.qualifier = completion_flavor(after_subject);
        } else if (contains(after_subject, "决算") || contains(after_subject, "执行数") || contains(after_subject, "实际执行") ||
                   contains(after_subject, "实际支出")) {
          c.relation = "actual";
        } else {
          c.relation = "value";
        }

        bool new_subject = m.begin != std::string::npos;
        // Words after the subject that are not a relation name something
        // else ("项目支出主要用于网上群众工作年度经费 239.2 万元").
        if (new_subject && !relation_words_only(after_subject)) {
          m = SubjectMatch();
          new_subject = false;
          after_subject = label;
        }
        // Project funds in the performance sections restate no table total.
        if (new_subject && topic == "performance"sv) {
          m = SubjectMatch();
          new_subject = false;
        }
        // "涉及…资金" counts money of projects, not the totals it names.
        std::string_view lead_in = last_clause(label.substr(0, new_subject ? m.begin : 0));
        if (new_subject && contains(lead_in, "涉及") && !contains(lead_in, "不涉及")) {
          m = SubjectMatch();
          new_subject = false;
        }
        // "项目支出率为 31.46%" with its subject dropped (a project's spending,
        // not 项目支出): the words still say it is a rate of execution.
        if (!new_subject && c.relation == "percent"sv && completion_words(label)) {
          c.relation = "completion";
          c.qualifier = completion_flavor(label);
        }
        // "涉及资金" of a project count: the projects counted before it.
        if (!percent && !count && contains(label, "涉及资金")) {
          for (std::size_t k = claims.size(), n = 0; k-- > 0 && serial[k] == this_sentence && n++ < kLookBack;)
            if (claims[k].relation == "count"sv) {
              for (std::string_view w : {"二级项目"sv, "一级项目"sv})
                if (contains(claims[k].subject_text, w)) {
                  m = {concat({"funds:", w}), concat({w, "涉及资金"}), "", 0, 0};
                  new_subject = true;
                }
              break;
            }
        }
        if (count) {
          // Counts keep the words before them; they are never checked against tables.
          std::string words = without_spaces(label);
          for (std::string_view lead : {"，"sv, "、"sv, "；"sv, "："sv, "其中"sv, "共"sv})
            while (starts_with(words, lead)) words = words.substr(lead.size());
          c.subject = "";
          c.subject_text = words;
          c.group = next_group++;
          group_head.push_back(claims.size());
          claims.push_back(std::move(c));
          serial.push_back(this_sentence);
          continue;
        }
        int g = current_group();
        // A new clause that does not open with a relation names something
        // this engine does not know ("、社会保险基金预算支出0元"): its own group.
        // A rate of execution with no subject ("，项目支出率为 31.46%") is the
        // rate of the amounts before it, as "，执行率 31.46%" is.
        if (!new_subject && g >= 0 && !opens_with_relation(last_clause(subject_part), label) &&
            !(c.relation == "completion"sv && is_rate_clause(last_clause(subject_part))))
          g = -1;
        if (new_subject || g < 0) {
          g = next_group++;
          group_head.push_back(claims.size());
          c.group = g;
          current[std::min<std::size_t>(depth, current.size() - 1)] = g;
          sentence_groups.push_back(g);
          c.subject = new_subject ? m.key : "";
          c.subject_text = new_subject ? m.text : trim(label);
          std::string words_scope =
              scope_of_words(label.substr(0, new_subject ? m.end : label.size()));
          // The words say the scope ("财政拨款基本支出"), else the subject
          // implies one ("公务接待费"), else the section's topic.
          c.scope = !words_scope.empty() ? words_scope
                    : (new_subject && !m.scope.empty()) ? m.scope
                                                        : topic_scope;
          // The whole this is a part of: the nearest earlier group, in this
          // sentence or (when it continues) the previous one.
          for (std::size_t k = claims.size(), n = 0; k-- > 0 && n++ < kLookBack;) {
            const Claim& w = claims[k];
            bool here = serial[k] == this_sentence || (continues && serial[k] == carried_sentence);
            if (!here) break;
            if (w.group == g || w.subject.empty()) continue;
            if (w.relation != "value"sv && w.relation != "actual"sv && w.relation != "budget"sv) continue;
            if (is_part_of(c.subject, w.subject)) {
              c.parent = w.group;
              break;
            }
          }
        } else {
          // Same subject as the figure before: copy what it is.
          const Claim* head = &claims[group_head[static_cast<std::size_t>(g)]];
          c.group = g;
          if (head) {
            c.subject = head->subject;
            c.subject_text = head->subject_text;
            c.scope = head->scope;
            c.parent = head->parent;
          }
        }
        claims.push_back(std::move(c));
        serial.push_back(this_sentence);
      }
      // What a following sentence that opens with a relation ("。较2021年…",
      // "。其中，…") continues: this sentence's last subject with an amount.
      int last = -1;
      for (std::size_t k = claims.size(); k-- > 0 && serial[k] == this_sentence;)
        if (!claims[k].subject.empty() && claims[k].relation != "count"sv) {
          last = claims[k].group;
          break;
        }
      if (last >= 0 || !sentence_groups.empty()) {
        carried = last >= 0 ? last : sentence_groups.back();
        carried_sentence = this_sentence;
      } else if (continues) {
        carried_sentence = this_sentence;  // the chain goes on
      }
      title = figures.empty() ? std::string_view(s) : std::string_view();
    }
  }
  return claims;
}

std::string subject_name_zh(const Claim& c) {
  if (const SubjectName* n = find_name(c.subject)) return std::string(n->zh);
  return c.subject_text.empty() ? "该数字" : c.subject_text;
}

std::string subject_name_en(const Claim& c) {
  if (const SubjectName* n = find_name(c.subject)) return std::string(n->en);
  if (starts_with(c.subject, "class:")) return "function class " + c.subject.substr(6) + " (" + c.subject_text + ")";
  return "“" + (c.subject_text.empty() ? std::string("the figure") : c.subject_text) + "”";
}

const std::vector<std::string_view>* components_of(std::string_view whole) {
  // A list scanned in order, not a std::map of strings: is_part_of asks
  // for every figure against each of the figures before it in its sentence
  // (the tree's string compares showed in WebAssembly profiles of reports
  // of much prose; the time saved is within the noise).
  struct Parts {
    std::string_view whole;
    std::vector<std::string_view> parts;
  };
  static const Parts kParts[] = {
      {"income_year",
       {"fiscal_income", "superior_subsidy_income", "business_income", "operating_income",
        "affiliated_income", "other_income"}},
      {"expense_year", {"basic", "project", "remit_superior", "operating_expense", "affiliated_subsidy"}},
      {"basic", {"personnel", "public_expense"}},
      {"fiscal_income", {"general_budget_income", "gov_fund_income"}},
      {"three_public", {"abroad", "vehicle", "reception"}},
      {"vehicle", {"vehicle_purchase", "vehicle_operation"}},
      {"procurement_total", {"procurement_goods", "procurement_works", "procurement_services"}},
  };
  for (const Parts& p : kParts)
    if (p.whole == whole) return &p.parts;
  return nullptr;
}

bool is_part_of(const std::string& part, const std::string& whole) {
  if (part.empty() || whole.empty() || part == whole) return false;
  if (const auto* parts = components_of(whole))
    if (std::find(parts->begin(), parts->end(), part) != parts->end()) return true;
  // Classes of an expenditure total ("主要用于以下方面：…（类）…").
  if (starts_with(part, "class:") && part.find('/') == std::string::npos)
    return whole == "expense_year"sv || whole == "fiscal_expense"sv || whole == "general_budget_expense"sv ||
           whole == "gov_fund_expense"sv || whole == "expense_total"sv;
  // A 款/项 chain lies under its class.
  if (starts_with(part, "class:") && starts_with(whole, "class:"))
    return part.size() > whole.size() && part.compare(0, whole.size(), whole) == 0 && part[whole.size()] == '/';
  if (part == "procurement_sme"sv) return whole == "procurement_total"sv;
  if (part == "procurement_micro"sv) return whole == "procurement_sme"sv || whole == "procurement_total"sv;
  return false;
}

}  // namespace hezhang
