// The prose: sections (第一部分 / 一、 / (一) / 1. / (1)) and sentences with
// their lines, ready for claim extraction.
#include <iterator>

#include "internal.h"

namespace hezhang {

namespace {

std::string topic_of(std::string_view heading) {
  struct Topic {
    std::string_view keyword, key;
  };
  // Most specific first.
  static const Topic kTopics[] = {
      {"财政拨款收入支出决算总体情况", "fiscal_overview"},
      {"政府性基金", "gov_fund"},
      {"国有资本经营", "state_capital"},
      {"一般公共预算财政拨款基本支出", "basic_expense"},
      {"一般公共预算基本支出", "basic_expense"},
      {"一般公共预算财政拨款支出", "general_budget_expense"},
      {"一般公共预算当年拨款", "general_budget_expense"},
      {"三公", "three_public"},
      {"财政拨款收支", "fiscal_overview"},
      {"收入支出决算总体情况", "overview"},
      {"收支预算情况的总体", "overview"},
      {"收入决算情况", "income"},
      {"收入预算情况", "income"},
      {"支出决算情况", "expense"},
      {"支出预算情况", "expense"},
      {"基本支出", "basic_expense"},
      {"机关运行经费", "operating_costs"},
      {"政府采购", "procurement"},
      {"国有资产", "assets"},
      {"绩效", "performance"},
  };
  static const std::vector<std::uint64_t> kMasks = pair_masks(kTopics, [](const Topic& t) { return t.keyword; });
  std::string buffer;
  const std::string_view t = without_spaces(heading, buffer);
  // Only the keywords whose byte pairs all occur in the heading are searched.
  const std::uint64_t mask = pair_mask(t);
  for (std::size_t k = 0; k < std::size(kTopics); ++k)
    if (may_contain(mask, kMasks[k]) && contains(t, kTopics[k].keyword)) return std::string(kTopics[k].key);
  return "";
}


}  // namespace

bool match_heading(std::string_view t, HeadingMatch& h) {
  const bool bracket = starts_with(t, "(") || starts_with(t, "（");
  const std::size_t open = bracket ? (t[0] == '(' ? 1 : 3) : 0;
  // [(（], then n bytes of numerals or digits (at most `most`), then [)）].
  auto bracketed = [&](std::size_t n, std::size_t most, int depth) {
    const std::size_t at = open + n;
    if (n == 0 || n > most || !(t.substr(at, 1) == ")"sv || t.substr(at, 3) == "）"sv)) return false;
    h.depth = depth;
    h.number.assign("(").append(t.substr(open, n)).append(")");
    return true;
  };
  if (starts_with(t, "第")) {
    const std::size_t n = numeral_run(t.substr(3));
    if (n >= 3 && n <= 9 && t.substr(3 + n, 6) == "部分"sv) {
      h.depth = 0;
      h.number = std::string(t.substr(0, 3 + n + 6));
      return true;
    }
  }
  if (const std::size_t n = numeral_run(t); n >= 3 && n <= 9 && t.substr(n, 3) == "、"sv) {
    h.depth = 1;
    h.number = std::string(t.substr(0, n));
    return true;
  }
  if (bracket && bracketed(numeral_run(t.substr(open)), 9, 2)) return true;
  if (const std::size_t d = digit_run(t); d >= 1 && d <= 2) {
    // [.、．] then \s*[^\d.]: the character after the separator, if any, is
    // either such a character or a space \s* may leave for it.
    const std::size_t sep = t.substr(d, 1) == "."sv ? 1 : t.substr(d, 3) == "、"sv || t.substr(d, 3) == "．"sv ? 3 : 0;
    if (sep && d + sep < t.size() && t[d + sep] != '.' && !(t[d + sep] >= '0' && t[d + sep] <= '9')) {
      h.depth = 3;
      h.number = std::string(t.substr(0, d));
      return true;
    }
  }
  return bracket && bracketed(digit_run(t.substr(open)), 2, 4);
}

std::vector<Section> extract_sections(const std::vector<Line>& lines,
                                      const std::vector<bool>& in_table) {
  std::vector<Section> sections;
  Section current;  // untitled prose before the first heading
  std::string pending;
  int pending_line = 0, pending_last = 0;
  bool in_toc = false;
  std::string toc_first;
  // The run of plain lines last passed over as contents: its first and last
  // line (a run is lines next to each other; npos when there is none).
  std::size_t toc_run_first = std::string::npos, toc_run_last = std::string::npos;

  // Where each appended physical line starts in `pending` (byte, line).
  std::vector<std::pair<int, int>> marks;
  // Scratch lists, reused: a sentence's line starts, the marks kept.
  std::vector<std::pair<int, int>> starts, kept;
  auto emit = [&](std::size_t from, std::size_t to, int first, int last) {
    const std::string_view raw = std::string_view(pending).substr(from, to - from);
    const std::string_view s = trimmed(raw);
    const std::size_t lead = static_cast<std::size_t>(s.data() - raw.data());
    // A stray "。" (doubled punctuation) is not a sentence.
    if (s.empty() || s == "。"sv || s == "！"sv || s == "？"sv) return;
    starts.clear();
    for (const auto& m : marks) {
      long rel = static_cast<long>(m.first) - static_cast<long>(from + lead);
      if (rel >= static_cast<long>(s.size())) break;
      if (rel <= 0) starts.assign(1, {0, m.second});
      else starts.push_back({static_cast<int>(rel), m.second});
    }
    Sentence& sentence = current.sentences.emplace_back(Sentence{first, last, std::string(s), {}});
    // A sentence on the one line it starts on (most) needs no list: a
    // reader of line_starts starts from Sentence::line.
    if (!(starts.size() == 1 && starts[0] == std::pair<int, int>{0, first})) sentence.line_starts = starts;
  };
  auto flush_sentence = [&](bool force) {
    // Split the pending text on sentence ends; keep an unfinished tail.
    std::size_t start = 0;
    for (std::size_t i = 0; i < pending.size();) {
      // 。 starts with E3, ！ and ？ with EF: bytes no continuation byte
      // equals, so they are looked for eight bytes at a time, whatever
      // character boundaries fall between.
      const unsigned char c = static_cast<unsigned char>(pending[i]);
      if (c != 0xE3 && c != 0xEF) {
        i = skip_to_flagged(pending.data(), i + 1, pending.size(),
                            [](std::uint64_t w) { return bytes_equal(w, 0xE3) | bytes_equal(w, 0xEF); });
        continue;
      }
      if (!word_at(pending, i, "。") && !word_at(pending, i, "！") && !word_at(pending, i, "？")) {
        i += 3;
        continue;
      }
      emit(start, i + 3, pending_line, pending_last);  // each is 3 bytes
      i += 3;
      start = i;
      // The next sentence starts on the line we are on now.
      pending_line = pending_last;
    }
    if (force) emit(start, pending.size(), pending_line, pending_last);
    if (force) {
      pending.clear();
      marks.clear();
      return;
    }
    pending.erase(0, start);
    // Keep the marks of the tail, re-based; the last one before it stays at 0.
    kept.clear();
    for (const auto& m : marks) {
      long rel = static_cast<long>(m.first) - static_cast<long>(start);
      if (rel <= 0) kept.assign(1, {0, m.second});
      else kept.push_back({static_cast<int>(rel), m.second});
    }
    marks.swap(kept);
  };
  auto close_section = [&](int last_line) {
    flush_sentence(true);
    if (current.line || !current.sentences.empty()) {
      current.last_line = last_line;
      sections.push_back(std::move(current));
    }
    current = Section();
  };

  int last_prose_line = 0;
  std::string compact_buffer;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    if (in_table[i]) {
      // A table ends the running sentence.
      if (!pending.empty()) flush_sentence(true);
      continue;
    }
    if (l.blank() || l.is_cell_line()) continue;
    std::string_view t = trimmed(l.text);
    if (l.toc_entry && in_toc && toc_first.empty()) {
      // "第一部分 概况......1": the heading the body repeats where the
      // contents end, once its leader dots and page number are cut off.
      std::string_view entry = t;
      while (!entry.empty() && ((entry.back() >= '0' && entry.back() <= '9') || entry.back() == ' ' ||
                                entry.back() == '.'))
        entry.remove_suffix(1);
      while (ends_with(entry, "…")) entry.remove_suffix(3);
      std::string entry_buffer;
      const std::string_view compact_entry = without_spaces(entry, entry_buffer);
      HeadingMatch h;
      if (match_heading(compact_entry, h)) toc_first = std::string(compact_entry);
    }
    // A markdown list item is an entry in the contents, else prose
    // ("- 一般公共服务支出(类)3,640,931.06元，占比15.78%；"): its words are
    // read, never as a heading.
    const bool list_item = starts_with(t, "- ");
    if (l.toc_entry || (list_item && in_toc)) continue;
    if (list_item) t = trimmed(t.substr(2));
    // A view of t when it has no spaces (most lines): no copy.
    const std::string_view compact = without_spaces(t, compact_buffer);
    if (compact == "目录"sv) { in_toc = true; continue; }
    // A figure's caption ("财政拨款收入增长图例") is not part of a sentence.
    if (code_points(compact) <= 30 && (ends_with(compact, "图例") || ends_with(compact, "示意图") ||
                                       ends_with(compact, "图"))) {
      if (!pending.empty()) flush_sentence(true);
      continue;
    }
    HeadingMatch h;
    bool is_heading = !list_item && match_heading(compact, h);
    if (in_toc) {
      // Prose ends the contents: a long line, or (text wrapped short, as
      // copied from a PDF) a comma or a sentence's end, which no entry has.
      // Its paragraph is read from its first line: the run of plain lines
      // just before it, passed over as more of the contents.
      if (!is_heading && (code_points(compact) > 40 || contains(compact, "。") || contains(compact, "，"))) {
        in_toc = false;
        if (toc_run_first != std::string::npos && toc_run_last + 1 == i) {
          i = toc_run_first - 1;  // the loop's ++i brings it to the run's first line
          continue;
        }
      } else if (is_heading && toc_first.empty()) {
        toc_first = std::string(compact);
        continue;
      } else if (is_heading && compact == toc_first) {
        in_toc = false;
      } else {
        if (!is_heading) {
          if (toc_run_first == std::string::npos || toc_run_last + 1 != i) toc_run_first = i;
          toc_run_last = i;
        }
        continue;
      }
    }
    if (is_heading) {
      close_section(last_prose_line);
      current.number = h.number;
      current.depth = h.depth;
      current.line = l.number;
      // A comma makes it a sentence ("1、因公出国境费支出0.00元，出国团组共0个，…"),
      // however short: a heading has none, and prose wrapped short (copied
      // from a PDF) puts a paragraph's first words alone on its first line.
      // So does a figure cut by the line's end ("…预算为 14." then "18 万元，…"):
      // a heading never ends in a digit or a decimal point that the next line
      // goes on from.
      const bool cut_figure = !compact.empty() &&
                              ((compact.back() >= '0' && compact.back() <= '9') || compact.back() == '.') &&
                              i + 1 < lines.size() && !in_table[i + 1] && !lines[i + 1].blank() &&
                              !lines[i + 1].is_cell_line();
      bool short_heading = code_points(compact) <= 40 && !contains(compact, "，") && !cut_figure;
      if (short_heading) {
        current.heading = t;
        current.topic = topic_of(current.heading);
        last_prose_line = l.number;
        continue;
      }
      // A numbered paragraph: the number opens a section, the text is prose.
      current.heading = h.number;
    } else if (l.markdown_heading) {
      close_section(last_prose_line);
      current.line = l.number;
      current.heading = t;
      current.topic = topic_of(t);
      last_prose_line = l.number;
      continue;
    }
    if (pending.empty()) pending_line = l.number;
    marks.push_back({static_cast<int>(pending.size()), l.number});
    pending += t;
    pending_last = l.number;
    last_prose_line = l.number;
    // Only a line with a sentence end can complete one: rescanning the open
    // paragraph after every line would be quadratic in its length.
    if (contains(t, "。") || contains(t, "！") || contains(t, "？")) flush_sentence(false);
  }
  close_section(last_prose_line);
  return sections;
}

}  // namespace hezhang
