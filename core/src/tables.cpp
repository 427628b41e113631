// Finding tables in the lines, recognising their template and reading their
// columns and rows.
//
// A table is a run of cell lines (tab / pipe / HTML cells), blank lines and
// wrapped-name fragments allowed inside. The lines just before it give its
// title, label (公开01表 / 表 1) and unit; the lines just after it
// give notes, printed formulas and declarations that it is empty.
#include <algorithm>
#include <deque>
#include <iterator>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "internal.h"
#include "templates.h"

namespace hezhang {

// ---- the caption and row-name patterns ------------------------------------
// Each is what RE2's leftmost-first search finds for the pattern beside it,
// written out: they run on every caption, row name and table line. Declared
// in internal.h; tests/cpp/tables_patterns_test.cpp compares them with RE2.

std::size_t digit_run(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  return i;
}

std::size_t numeral_run(std::string_view s) {
  // Each numeral's three UTF-8 bytes as one number: a character is one load
  // and ten integer compares, on every caption and row name, where ten
  // three-byte string compares had been (each a memcmp call in WebAssembly
  // before wasm/inline_memcmp.h).
  constexpr auto code = [](std::string_view c) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(c[0]) << 16 | static_cast<unsigned char>(c[1]) << 8 |
                                      static_cast<unsigned char>(c[2]));
  };
  static constexpr std::uint32_t kNumerals[] = {code("一"), code("二"), code("三"), code("四"), code("五"),
                                                code("六"), code("七"), code("八"), code("九"), code("十")};
  std::size_t i = 0;
  for (; i + 3 <= s.size(); i += 3) {
    const std::uint32_t c = code(s.substr(i, 3));
    if (std::find(std::begin(kNumerals), std::end(kNumerals), c) == std::end(kNumerals)) break;
  }
  return i;
}

namespace {

// Length of "一、" or "(一)" (one to three numerals) at the start of s, else
// 0: what RE2 matches of ^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)).
// Written out because it runs on every caption and row name.
std::size_t numeral_ordinal(std::string_view s) {
  if (std::size_t n = numeral_run(s)) return n <= 9 && s.substr(n, 3) == "、"sv ? n + 3 : 0;
  if (!starts_with(s, "(")) return 0;
  std::size_t n = numeral_run(s.substr(1));
  return n && n <= 9 && s.substr(1 + n, 1) == ")"sv ? n + 2 : 0;
}

// (亿元|百万元|万元|千元|元) at s[i] (百万元 only when `millions`): no two
// start alike, so at most one fits.
std::string_view unit_at(std::string_view s, std::size_t i, bool millions) {
  static constexpr std::string_view kUnits[] = {"亿元", "百万元", "万元", "千元", "元"};
  for (std::string_view u : kUnits)
    if ((millions || u != "百万元"sv) && s.substr(i, u.size()) == u) return s.substr(i, u.size());
  return {};
}

// After s[i]: \s*[:：]\s*, then the unit.
std::string_view unit_after_colon(std::string_view s, std::size_t i, bool millions) {
  i = skip_re2_spaces(s, i);
  if (s.substr(i, 1) == ":"sv) i += 1;
  else if (s.substr(i, 3) == "："sv) i += 3;
  else return {};
  return unit_at(s, skip_re2_spaces(s, i), millions);
}

}  // namespace

// Length of a leading ordinal: "一、", "(一)", "1.", "1、", "(1)", "二十三、";
// ^(?:[一二三四五六七八九十]{1,3}、|\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|\d{1,2}(?:\.|、)).
std::size_t ordinal_length(std::string_view s) {
  if (std::size_t n = numeral_ordinal(s)) return n;
  const std::size_t open = starts_with(s, "(") ? 1 : 0;
  const std::size_t d = digit_run(s.substr(open));
  if (d < 1 || d > 2) return 0;
  const std::string_view after = s.substr(open + d);
  if (open) return starts_with(after, ")") ? d + 2 : 0;
  if (starts_with(after, ".")) return d + 1;
  return starts_with(after, "、") ? d + 3 : 0;
}

// A numbered section heading: "第二部分…", "二、…", "(二)…";
// ^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)).
bool is_numbered_heading(std::string_view t) {
  if (starts_with(t, "第")) {
    std::size_t n = numeral_run(t.substr(3));
    return n > 0 && t.substr(3 + n, 6) == "部分"sv;
  }
  return numeral_ordinal(t) > 0;
}

// 单位\s*[:：]\s*(亿元|百万元|万元|千元|元)
std::string_view caption_unit(std::string_view s) {
  for (std::size_t i = s.find("单位"); i != std::string_view::npos; i = s.find("单位", i + 1))
    if (auto u = unit_after_colon(s, i + 6, true); !u.empty()) return u;
  return {};
}

// (?:单位\s*[:：]\s*|[(（]\s*)(亿元|万元|千元|元)\s*[)）]? — the tail decides nothing.
std::string_view cell_unit(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string_view u;
    if (word_at(s, i, "单位")) u = unit_after_colon(s, i + 6, false);
    else if (s[i] == '(') u = unit_at(s, skip_re2_spaces(s, i + 1), false);
    else if (word_at(s, i, "（")) u = unit_at(s, skip_re2_spaces(s, i + 3), false);
    if (!u.empty()) return u;
  }
  return {};
}

// 公开\s*(\d{1,2})\s*表
std::string_view public_label(std::string_view s) {
  for (std::size_t i = s.find("公开"); i != std::string_view::npos; i = s.find("公开", i + 1)) {
    const std::size_t j = skip_re2_spaces(s, i + 6), d = digit_run(s.substr(j));
    if (d >= 1 && d <= 2 && s.substr(skip_re2_spaces(s, j + d), 3) == "表"sv) return s.substr(j, d);
  }
  return {};
}

// With spaces: (?:^|[(（\s])表\s*(\d{1,2})(?:[)）\s]|$)
// without:     (?:^|[(（])表(\d{1,2})(?:[)）]|$)
std::string_view plain_label(std::string_view s, bool spaces) {
  for (std::size_t i = s.find("表"); i != std::string_view::npos; i = s.find("表", i + 1)) {
    const bool left = i == 0 || s[i - 1] == '(' || (i >= 3 && s.substr(i - 3, 3) == "（"sv) ||
                      (spaces && is_re2_space(s[i - 1]));
    if (!left) continue;
    const std::size_t j = spaces ? skip_re2_spaces(s, i + 3) : i + 3, d = digit_run(s.substr(j));
    if (d < 1 || d > 2) continue;
    const std::size_t k = j + d;
    if (k == s.size() || s[k] == ')' || s.substr(k, 3) == "）"sv || (spaces && is_re2_space(s[k])))
      return s.substr(j, d);
  }
  return {};
}

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool has_digit(std::string_view s) {
  for (char c : s)
    if (c >= '0' && c <= '9') return true;
  return false;
}

// Function codes: 类 3 digits (2xx), 款 5, 项 7. Economic: 3xx / 3xxxx.
// Six digits: a budget unit code (【253001】).
const char* level_of_code(std::string_view code) {
  if (!all_digits(code)) return "";
  char first = code[0];
  switch (code.size()) {
    case 3: return first == '2' ? "类" : (first == '3' ? "econ_class" : "");
    case 5: return first == '2' ? "款" : (first == '3' ? "econ_item" : "");
    case 7: return first == '2' ? "项" : "";
    case 6: return "unit";
    default: return "";
  }
}

bool is_total_name(std::string_view name) {
  // 合计 and 总计 end in the same 计: one search for it, then the character
  // before it (UTF-8 matches fall on character boundaries).
  for (std::size_t p = find_text(name, "计"); p != std::string_view::npos; p = find_text(name, "计", p + 3))
    if (p >= 3 && (name.compare(p - 3, 3, "合") == 0 || name.compare(p - 3, 3, "总") == 0)) return true;
  return name == "小计"sv;
}

// Strips a leading ordinal (ordinal_length).
std::string strip_ordinal(std::string name) {
  const std::size_t n = ordinal_length(name);
  // Not a decimal figure ("1.5万元"): the ordinal must be followed by text.
  if (n && n < name.size() && !(name[n] >= '0' && name[n] <= '9'))
    return trim(std::string_view(name).substr(n));
  return name;
}

std::string row_number_text(std::string_view t) {
  std::string buffer;
  std::string_view s = without_spaces(t, buffer);
  std::size_t dot = s.find('.');
  if (dot != std::string::npos) {
    bool zeros = true;
    for (std::size_t k = dot + 1; k < s.size(); ++k) zeros = zeros && s[k] == '0';
    if (zeros) s = s.substr(0, dot);
  }
  return all_digits(s) ? std::string(s) : std::string();
}

bool is_numbering_row(LineCells cells) {
  int last = 0, numbers = 0;
  for (std::string_view c : cells) {
    if (c.empty()) continue;
    std::string number = row_number_text(c);  // "1.00" is column 1
    if (!number.empty() && number.size() <= 3) {
      int n = std::stoi(number);
      if (n <= last) return false;
      last = n;
      ++numbers;
      continue;
    }
    static constexpr std::string_view kLabels[] = {"栏次", "类", "款", "项", "行次", "*", "**", "项目", "栏 次"};
    bool label = false;
    for (std::string_view l : kLabels) label = label || c == l;
    if (!label) return false;
  }
  return numbers >= 2;
}

bool looks_like_code(std::string_view s) { return *level_of_code(s) != '\0'; }

bool is_data_row(LineCells cells) {
  if (is_numbering_row(cells)) return false;
  std::size_t first_filled = cells.size();
  for (std::size_t k = 0; k < cells.size(); ++k) {
    const std::string_view c = cells[k];
    if (c.empty()) continue;
    if (first_filled == cells.size()) first_filled = k;
    if (k < 3 && looks_like_code(c)) return true;
    ParsedNumber p = parse_cell_number(c);
    if (p.kind == CellKind::Amount || p.kind == CellKind::Percent) return true;
  }
  if (first_filled >= cells.size()) return false;
  std::string buffer;
  const std::string_view label = without_spaces(cells[first_filled], buffer);
  // "表 8" in an index of tables: a row, not a header (表\d{1,2}).
  if (first_filled == 0 && starts_with(label, "表") && label.size() >= 4 && label.size() <= 5 &&
      all_digits(label.substr(3)))
    return true;
  // A total label ("合计") opening an otherwise empty row: an empty table's
  // total row. Inside a header, 合计/小计 are followed by more header text.
  if (first_filled <= 3 && is_total_name(label) && code_points(label) <= 12) {
    for (std::size_t k = first_filled + 1; k < cells.size(); ++k)
      if (!cells[k].empty()) return false;
    return true;
  }
  return false;
}

constexpr std::string_view kEmptyPhrases[] = {"本表无数据", "本表为空", "空表", "不涉及", "无数据", "本表无"};

bool declares_empty(std::string_view text) {
  std::string buffer;
  const std::string_view t = without_spaces(text, buffer);
  for (std::string_view p : kEmptyPhrases)
    if (contains(t, p)) return true;
  // "说明：本部门本年度无“三公”经费支出…", "没有…安排的支出，故…"
  if ((starts_with(t, "说明") || starts_with(t, "注")) &&
      (contains(t, "本部门本年度无") || contains(t, "本单位本年度无") || contains(t, "没有") ||
       contains(t, "本年度无")))
    return true;
  return false;
}

// A note under a table: 注/说明/备注/本表…, a declaration that it is empty,
// or a line of printed formulas (`has_formulas`: the caller reads them).
bool is_note_line(const Line& l, bool has_formulas) {
  if (l.blank() || l.is_cell_line()) return false;
  std::string buffer;
  const std::string_view t = without_spaces(l.text, buffer);
  return starts_with(t, "注") || starts_with(t, "说明") || starts_with(t, "备注") ||
         starts_with(t, "本表") || declares_empty(t) || has_formulas;
}

// The mark a table continued on the next page carries: "续表", "（续表）",
// "续表2", "续上表", "公开03表（续）", "表3续".
bool is_continuation_mark(const Line& l) {
  if (l.is_cell_line() || l.blank()) return false;
  std::string buffer;
  std::string_view t = without_spaces(l.text, buffer);
  if (code_points(t) > 12) return false;
  // Its brackets (full-width ones are half-width by now) say nothing.
  std::string bare;
  for (char c : t)
    if (c != '(' && c != ')') bare += c;
  t = bare;
  if (t == "续上表"sv) return true;
  if (starts_with(t, "续表")) return t.size() == 6 || all_digits(t.substr(6));
  return ends_with(t, "续") && contains(t, "表");
}

// A wrapped piece of a name left alone on its own line ("出"). Without a
// digit it can hold no formula (each starts with its row or column number).
bool is_fragment_line(const Line& l) {
  if (l.is_cell_line() || l.blank()) return false;
  return code_points(l.text) <= 4 && !has_digit(l.text) && !is_note_line(l, /*has_formulas=*/false) &&
         !is_continuation_mark(l);
}

// A table's label or unit line ("公开03表", "金额单位：万元"), which a page
// break may print again after its page number or continuation mark.
bool is_caption_repeat(const Line& l) {
  if (l.is_cell_line() || l.blank() || code_points(l.text) > 40) return false;
  std::string buffer;
  const std::string_view t = without_spaces(l.text, buffer);
  return !caption_unit(t).empty() || (!public_label(t).empty() && code_points(t) <= 8);
}

// The report's title printed at the top of every page ("阳泉市大数据应用局
// 2022年度部门决算"), which a page break leaves after its page number: a year,
// 决算 or 预算, and no sentence; never ending in 表, as the title of the next
// table would.
bool is_running_header(const Line& l) {
  if (l.is_cell_line() || l.blank() || code_points(l.text) > 40) return false;
  std::string buffer;
  const std::string_view t = without_spaces(l.text, buffer);
  return contains(t, "年") && (contains(t, "决算") || contains(t, "预算")) && !ends_with(t, "表") &&
         !contains(t, "。") && !contains(t, "，") && has_digit(t);
}

// Lines a page break prints on every page (a running header or footer
// without a page number: "阳泉市大数据应用局", "- 内部资料 -"): short text
// lines printed at least three times. Captions ("金额单位：万元", "编制部门：…"),
// notes and titles repeat from table to table and are never counted: they
// bound tables.
class RunningLines {
 public:
  explicit RunningLines(const std::vector<Line>& lines) {
    // Counted first, judged once, on a text's third printing (the same text
    // is the same line): most lines never reach it.
    std::unordered_map<std::string_view, int> seen;
    for (const Line& l : lines)
      if (short_text(l) && ++seen[l.text] == kTimes && candidate(l)) repeated_.insert(l.text);
  }
  bool holds(const Line& l) const { return !repeated_.empty() && !l.is_cell_line() && repeated_.count(l.text); }

 private:
  static constexpr int kTimes = 3;
  static bool short_text(const Line& l) { return !l.is_cell_line() && !l.blank() && l.text.size() <= 120; }
  // Of a short line of text (short_text).
  static bool candidate(const Line& l) {
    if (code_points(l.text) > 30) return false;
    if (is_caption_repeat(l) || is_note_line(l, /*has_formulas=*/false)) return false;
    // "编制部门：…", "填报日期：…": a caption each table prints.
    if (contains(l.text, ":") || contains(l.text, "：")) return false;
    std::string buffer;
    return !ends_with(without_spaces(l.text, buffer), "表");
  }
  std::unordered_set<std::string_view> repeated_;
};

// A page number a page break left between a table's rows (text from a PDF
// or a word processor): "5", "- 5 -", "— 5 —", "第 5 页", "第5页 共20页",
// "5/20". Never a row: a row has cells, and no report prints a lone figure
// between two of them.
bool is_page_number_line(const Line& l) {
  if (l.is_cell_line() || l.blank()) return false;
  std::string buffer;
  std::string_view t = without_spaces(l.text, buffer);
  const auto take = [&](std::string_view prefix) {
    if (!starts_with(t, prefix)) return false;
    t.remove_prefix(prefix.size());
    return true;
  };
  const auto take_back = [&](std::string_view suffix) {
    if (!ends_with(t, suffix)) return false;
    t.remove_suffix(suffix.size());
    return true;
  };
  const auto take_number = [&] {
    const std::size_t n = digit_run(t);
    t.remove_prefix(n);
    return n >= 1 && n <= 4;
  };
  while (take("-") || take("—")) {}
  while (take_back("-") || take_back("—")) {}
  const bool nth = take("第");
  if (!take_number()) return false;
  if (nth && !take("页")) return false;
  if (!nth) take("页");
  if (take("/")) return take_number() && t.empty();
  if (take("共")) return take_number() && take("页") && t.empty();
  return t.empty();
}

// What a page break leaves between a table's rows and never a row: a page
// number or the table's continuation mark.
bool is_page_break_line(const Line& l) { return is_page_number_line(l) || is_continuation_mark(l); }

struct Context {
  std::string title, label, unit;
  int title_line = 0, unit_line = 0, first_line = 0;
  int label_number = 0;
  bool label_is_public = false;  // "公开NN表" rather than "表 N"
};

Context read_context(const std::vector<Line>& lines, std::size_t block_first, std::size_t floor,
                     const RunningLines& running, std::vector<std::size_t>& used) {
  Context ctx;
  // Walk back over at most 8 non-blank lines, stopping at prose sentences.
  std::vector<std::size_t> picked;
  int seen = 0;
  for (std::size_t i = block_first; i > floor && seen < 8;) {
    --i;
    const Line& l = lines[i];
    if (l.blank()) continue;
    if (l.is_cell_line() || l.toc_entry) break;
    std::string buffer;
    const std::string_view t = without_spaces(l.text, buffer);
    // A long line, or one ending like a sentence, is prose, not a caption.
    if (code_points(t) > 60 || starts_with(t, "注")) break;
    if (ends_with(t, "。") || ends_with(t, "，") || ends_with(t, "；")) break;
    // A numbered section heading ("(二) 整体支出自评结果") closes the caption
    // unless it is itself a table title.
    if (is_numbered_heading(t) && template_title_score(t) < 3) break;
    picked.push_back(i);
    ++seen;
  }
  std::reverse(picked.begin(), picked.end());
  std::string joined;
  int best_score = 0;
  for (std::size_t i : picked) {
    const Line& l = lines[i];
    std::string buffer;
    const std::string_view t = without_spaces(l.text, buffer);
    joined += t;
    if (std::string_view unit = caption_unit(t); !unit.empty()) {
      ctx.unit = unit;
      ctx.unit_line = l.number;
    }
    // A page's running header ("- 阳泉市大数据应用局 -") is never the title.
    int score = running.holds(l) ? 0 : template_title_score(t);
    if (score > best_score) {
      best_score = score;
      ctx.title = join_wrapped(trim(l.text));
      ctx.title_line = l.number;
    }
    if (!ctx.first_line) ctx.first_line = l.number;
    used.push_back(i);
  }
  if (ctx.title.empty()) {
    // No line names a known table: a markdown heading, else the first caption
    // that is not a "部门名称：" / "填报日期：" line, is the title.
    for (std::size_t i : picked)
      if (lines[i].markdown_heading) { ctx.title = join_wrapped(trim(lines[i].text)); ctx.title_line = lines[i].number; }
    for (std::size_t i : picked) {
      if (!ctx.title.empty()) break;
      if (contains(lines[i].text, "：") || contains(lines[i].text, ":") || running.holds(lines[i])) continue;
      ctx.title = join_wrapped(trim(lines[i].text));
      ctx.title_line = lines[i].number;
    }
  }
  std::string num(public_label(joined));
  if (!num.empty()) {
    ctx.label_number = std::stoi(num);
    ctx.label_is_public = true;
    ctx.label = "公开" + std::string(num.size() == 1 ? "0" : "") + num + "表";
  } else if (!(num = plain_label(ctx.title, true)).empty() ||
             !(num = plain_label(without_spaces(ctx.title), false)).empty()) {
    ctx.label_number = std::stoi(num);
    ctx.label = "表" + num;
  }
  return ctx;
}

// A cell that is a table's caption or note rather than a row's: its title
// ("收入支出决算总表"), label, unit, department, or a note under it, as a
// web page or spreadsheet may put them in the table's first or last row.
bool is_caption_cell(std::string_view cell) {
  // How a note or the department line starts (a note may be long).
  static constexpr std::string_view kLeads[] = {"注:",      "注：",      "说明:",     "说明：",    "备注:",    "备注：",
                                                "本表",     "编制部门",  "编制单位",  "部门名称",  "单位名称", "填报单位"};
  // Every caption holds 表, 单位 and a colon, or a lead's first character:
  // most cells are passed at once (this runs on each row with one or two
  // filled cells, and 单位 is in many rows' names).
  if (!contains(cell, "表") && !(contains(cell, "单位") && (contains(cell, ":") || contains(cell, "："))) &&
      std::none_of(std::begin(kLeads), std::end(kLeads),
                   [&](std::string_view lead) { return starts_with(cell, lead.substr(0, 3)); }))
    return false;
  std::string buffer;
  const std::string_view t = without_spaces(cell, buffer);
  for (std::string_view lead : kLeads)
    if (starts_with(t, lead)) return true;
  if (t.empty() || code_points(t) > 60) return false;
  // A known table's title, ending in 表 or its label: "…决算总表(表4)".
  if (template_title_score(t) == 3) {
    std::string_view title = t;
    if (ends_with(title, ")") && title.rfind('(') != std::string_view::npos)
      title = title.substr(0, title.rfind('('));
    if (ends_with(title, "表")) return true;
  }
  return !caption_unit(t).empty() || (!public_label(t).empty() && code_points(t) <= 8);
}

}  // namespace

void lift_caption_rows(std::vector<Line>& lines) {
  // What each cell line is: a caption (its one or two filled cells are), a
  // single filled cell of another kind ("2022年度"), or a row.
  enum class Kind { Caption, Single, Row };
  const auto kind_of = [](const Line& l) {
    std::string_view filled[2];
    std::size_t n = 0;
    for (std::string_view c : l.cells()) {
      if (c.empty()) continue;
      if (n == 2) return Kind::Row;
      filled[n++] = c;
    }
    if (n == 0) return Kind::Row;
    if (is_caption_cell(filled[0]) && (n == 1 || is_caption_cell(filled[1]))) return Kind::Caption;
    return n == 1 ? Kind::Single : Kind::Row;
  };
  const auto lift = [](Line& l) {
    std::string text;
    for (std::string_view c : l.cells())
      if (!c.empty()) text.append(text.empty() ? "" : " ").append(c);
    l.cell_spans.clear();
    l.text = std::move(text);
  };
  // A run of captions and single cells (blank lines between). Above a
  // table's rows, each single cell up to the run's last caption is a
  // caption line too ("公开02" "表", "2022年度", "金额单位：元"), but for
  // those before its first caption when the run follows another table's
  // rows: they are that table's ("合计" of an empty table, then its note),
  // as are the single cells of a run below a table before its first
  // caption. Those after it (a formula, "说明：…" below the note, in a sheet
  // whose every line has the table's width) are notes as well.
  std::vector<std::pair<std::size_t, Kind>> run;
  bool after_rows = false;  // the run follows a table's rows
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && lines[i].blank()) continue;
    const bool cell_line = i < lines.size() && lines[i].is_cell_line();
    const Kind kind = cell_line ? kind_of(lines[i]) : Kind::Row;
    if (kind != Kind::Row) {
      run.emplace_back(i, kind);
      continue;
    }
    std::size_t first_caption = run.size(), last_caption = 0;
    for (std::size_t k = 0; k < run.size(); ++k)
      if (run[k].second == Kind::Caption) first_caption = std::min(first_caption, k), last_caption = k;
    if (first_caption < run.size())  // a run with no caption is rows
      for (std::size_t k = after_rows ? first_caption : 0; k < run.size(); ++k)
        if (cell_line ? k <= last_caption : k >= first_caption) lift(lines[run[k].first]);
    run.clear();
    after_rows = cell_line;
  }
}

namespace {

// ---- header reading -------------------------------------------------------

struct HeaderModel {
  std::vector<std::vector<std::string>> pieces;  // per column, top to bottom
  std::vector<std::string> keys;                 // column_keys of the pieces
  std::vector<std::string> numbers;              // 栏次 per column
};

HeaderModel read_header(const std::vector<const Line*>& header_rows, std::size_t ncols) {
  HeaderModel h;
  h.pieces.assign(ncols, {});
  h.numbers.assign(ncols, "");
  // span_start[c]: column where the spanning cell covering c begins (per row);
  // a merged cell covers the empty cells on its right, but never past the
  // span of its parent in the row above.
  std::vector<int> parent_span(ncols, 0);
  bool first_text_row = true;
  const Line* numbering = nullptr;
  // Per row, made once for all the rows (their room reused).
  std::vector<std::string> buffers(ncols);
  std::vector<std::string_view> cell(ncols);
  std::vector<int> span(ncols), next(ncols);
  for (auto& p : h.pieces) p.reserve(header_rows.size());
  for (const Line* row : header_rows) {
    if (is_numbering_row(row->cells())) { numbering = row; continue; }
    // The row's cells without spaces, once (views of the cells that have none).
    std::fill(cell.begin(), cell.end(), std::string_view());
    const LineCells row_cells = row->cells();
    for (std::size_t c = 0; c < ncols && c < row_cells.size(); ++c)
      cell[c] = without_spaces(row_cells[c], buffers[c]);
    std::fill(span.begin(), span.end(), -1);
    for (std::size_t c = 0; c < ncols; ++c) {
      if (!cell[c].empty()) { span[c] = static_cast<int>(c); continue; }
      if (c > 0 && span[c - 1] >= 0 && (first_text_row || parent_span[c] == parent_span[c - 1]))
        span[c] = span[c - 1];
    }
    for (std::size_t c = 0; c < ncols; ++c) {
      if (span[c] < 0) continue;
      const std::string_view text = cell[static_cast<std::size_t>(span[c])];
      auto& p = h.pieces[c];
      if (p.empty() || p.back() != text) p.emplace_back(text);
    }
    // The next row's parent spans: inherited spans, keyed by start column.
    for (std::size_t c = 0; c < ncols; ++c)
      next[c] = span[c] >= 0 ? span[c] * 1000 + parent_span[c] % 1000 : -1 - static_cast<int>(c);
    parent_span.swap(next);
    first_text_row = false;
  }
  h.keys = column_keys(h.pieces);
  if (numbering) {
    // Numbers name the value columns. When the printed positions do not sit
    // on value columns (PDF conversion shifted them), assign them in order.
    std::vector<std::size_t> value_cols;
    for (std::size_t c = 0; c < ncols; ++c)
      if (!is_label_key(h.keys[c])) value_cols.push_back(c);
    std::vector<std::pair<std::size_t, std::string>> nums;
    const LineCells numbers = numbering->cells();
    for (std::size_t c = 0; c < numbers.size(); ++c) {
      std::string number = row_number_text(numbers[c]);
      if (!number.empty()) nums.push_back({c, number});
    }
    bool aligned = true;
    for (auto& n : nums)
      aligned = aligned && std::find(value_cols.begin(), value_cols.end(), n.first) != value_cols.end();
    for (std::size_t k = 0; k < nums.size(); ++k) {
      std::size_t col = aligned ? nums[k].first : (k < value_cols.size() ? value_cols[k] : ncols);
      if (col < ncols) h.numbers[col] = nums[k].second;
    }
  }
  return h;
}

std::string join_pieces(const std::vector<std::string>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    if (!out.empty()) out += "/";
    out += p;
  }
  return out;
}

// ---- rows -----------------------------------------------------------------

struct Group {
  std::size_t first = 0, last = 0;  // column range, inclusive
};

std::vector<Group> find_groups(const std::vector<Column>& columns) {
  std::vector<std::size_t> starts;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const std::string& k = columns[c].key;
    bool label = k == "code"sv || k == "name"sv;
    bool prev_label = c > 0 && is_label_key(columns[c - 1].key);
    if (label && (c == 0 || !prev_label)) starts.push_back(c);
  }
  if (starts.empty() || starts.front() != 0) starts.insert(starts.begin(), 0);
  std::vector<Group> groups;
  for (std::size_t g = 0; g < starts.size(); ++g)
    groups.push_back({starts[g], g + 1 < starts.size() ? starts[g + 1] - 1 : columns.size() - 1});
  return groups;
}

// Reads the row of group g of a line into `row`, a new row.
void read_group_row(const Line& line, const std::vector<Column>& columns, const Group& g,
                    std::size_t group_index, bool last_group, TableRow& row) {
  row.line = line.number;
  row.group = static_cast<int>(group_index);
  const LineCells cells = line.cells();
  const std::size_t end =
      std::min(cells.size(), last_group ? std::max(cells.size(), columns.size()) : g.last + 1);
  std::string name, buffer;
  for (std::size_t c = g.first; c < end; ++c) {
    const std::string_view text = cells[c];
    if (text.empty()) continue;
    const std::string_view key = c < columns.size() ? std::string_view(columns[c].key) : std::string_view();
    if (key == "code"sv || (key.empty() && row.code.empty() && c == g.first)) {
      const std::string_view t = without_spaces(text, buffer);
      if (row.code.empty() && looks_like_code(t)) { row.code = t; continue; }
      if (t == "*"sv || t == "**"sv) continue;
      if (key == "code"sv && !looks_like_code(t) && !has_digit(t)) {
        // A name in the code column (rows without codes: "合计").
        if (!name.empty()) name += " ";
        name += text;
        continue;
      }
    }
    if (key == "name"sv) {
      if (!name.empty()) name += " ";
      name += text;
      continue;
    }
    if (key == "row_no"sv) {
      row.row_number = row_number_text(text);
      if (!row.row_number.empty()) continue;
    }
    ParsedNumber p = parse_cell_number(text);
    // Text in a value column with no name yet is the row's label ("预算数").
    if (p.kind == CellKind::Text && name.empty() && row.cells.empty() && row.code.empty()) {
      name.assign(text);
      continue;
    }
    if (row.cells.empty()) row.cells.reserve(end - c);  // at most the columns left
    Cell& cell = row.cells.emplace_back();
    cell.column = static_cast<int>(c);
    cell.text.assign(text);
    cell.kind = p.kind;
    cell.value = p.value;
  }
  // join_wrapped leaves a name without spaces as it is: most names, whose
  // cells had none.
  if (name.find(' ') != std::string::npos) name = join_wrapped(name);
  row.name = strip_ordinal(std::move(name));
  if (!row.code.empty()) row.level = level_of_code(row.code);
  else if (is_total_name(row.name)) row.level = "total";
  else row.level = "line";
}

bool row_has_values(const TableRow& r) {
  for (const auto& c : r.cells)
    if (c.kind != CellKind::Empty) return true;
  return false;
}

bool is_name_fragment(const TableRow& r) {
  return r.code.empty() && r.row_number.empty() && !row_has_values(r) && !r.name.empty() &&
         code_points(r.name) <= 4 && !has_digit(r.name) && !is_total_name(r.name);
}

// A header repeated inside the data ("项目→→统计数" in 公开10表): its name
// and every cell are header words, none a figure.
bool is_sub_header(const TableRow& r) {
  if (!r.code.empty() || r.cells.empty()) return false;
  // Rows with a figure (most) are turned away before any key is looked up.
  for (const auto& c : r.cells)
    if (c.kind != CellKind::Text) return false;
  std::string buffer;
  if (column_key(without_spaces(r.name, buffer)) != "name"sv) return false;
  for (const auto& c : r.cells)
    if (column_key(without_spaces(c.text, buffer)).empty()) return false;
  return true;
}

// Performance-target rows printed one cell short: the 一级指标 word sits one
// column left of its header. Returns the row's cells re-seated on the
// header, or nothing when the row is not short.
std::optional<std::vector<std::string>> realigned_indicator_cells(LineCells cells,
                                                                  const std::vector<Column>& columns) {
  int anchor = -1;
  for (const auto& c : columns)
    if (c.key == "indicator_1"sv) anchor = c.index;
  if (anchor < 1 || static_cast<std::size_t>(anchor) > cells.size()) return std::nullopt;
  static constexpr std::string_view kLevel1[] = {"产出指标", "效益指标", "满意度指标", "成本指标"};
  std::string buffer;
  const std::string_view at = without_spaces(cells[static_cast<std::size_t>(anchor - 1)], buffer);
  bool shifted = false;
  for (std::string_view w : kLevel1) shifted = shifted || at == w;
  if (!shifted) return std::nullopt;
  // Insert the missing cell after the row's last figure before the anchor.
  std::size_t from = 0;
  for (std::size_t k = 0; k + 1 < static_cast<std::size_t>(anchor); ++k)
    if (parse_cell_number(cells[k]).kind == CellKind::Amount) from = k + 1;
  std::vector<std::string> out;
  out.reserve(cells.size() + 1);
  for (std::size_t k = 0; k < cells.size(); ++k) {
    if (k == from) out.emplace_back();
    out.emplace_back(cells[k]);
  }
  // Re-seated, the row must still fit the header: a trailing empty cell
  // goes; a figure pushed past the last column means the row was not short.
  while (out.size() > columns.size() && out.back().empty()) out.pop_back();
  if (out.size() > columns.size()) return std::nullopt;
  return out;
}

// In side-by-side layouts a total's figures may be printed under another
// group ("公用经费合计→→→…→18098136.56"): give them to the named total.
void merge_orphan_total_values(const std::vector<TableRow*>& line_rows, const std::vector<Column>& columns,
                               const std::vector<Group>& groups) {
  for (std::size_t i = 0; i < line_rows.size(); ++i) {
    TableRow& total = *line_rows[i];
    if (total.level != "total"sv || row_has_values(total)) continue;
    std::vector<Cell> orphans;
    std::size_t j = i + 1;
    for (; j < line_rows.size(); ++j) {
      TableRow& r = *line_rows[j];
      if (!r.name.empty() || !r.code.empty()) break;
      for (auto& c : r.cells)
        if (c.kind != CellKind::Empty) orphans.push_back(c);
    }
    if (orphans.empty()) continue;
    // Right-align the figures on the total's own value columns.
    const Group& g = groups[static_cast<std::size_t>(total.group)];
    std::vector<int> value_cols;
    for (std::size_t c = g.first; c <= g.last && c < columns.size(); ++c)
      if (!is_label_key(columns[c].key)) value_cols.push_back(static_cast<int>(c));
    if (value_cols.size() < orphans.size()) continue;
    std::size_t offset = value_cols.size() - orphans.size();
    for (std::size_t k = 0; k < orphans.size(); ++k) {
      orphans[k].column = value_cols[offset + k];
      total.cells.push_back(orphans[k]);
    }
    for (std::size_t k = i + 1; k < j; ++k) line_rows[k]->cells.clear();
  }
}

// A row whose line stops before its group's last column, with fewer figures
// than the group has value columns, can be read left-aligned (blanks at the
// end, as taken) or with its blanks anywhere else: the rules must not guess.
// Report tables only; evaluation and index tables have their own layouts.
void mark_uncertain_cells(const std::vector<TableRow*>& line_rows, const Line& line, const Table& t,
                          const std::vector<Group>& groups) {
  if (!(starts_with(t.template_id, "final.") || starts_with(t.template_id, "budget.")) ||
      t.template_id == "final.table_index"sv || t.template_id == "budget.project_performance"sv)
    return;
  for (TableRow* row : line_rows) {
    TableRow& r = *row;
    const Group& g = groups[static_cast<std::size_t>(r.group)];
    if (line.cell_spans.size() > g.last) continue;  // every column of the group was printed
    std::size_t value_cols = 0, filled = 0;
    for (std::size_t c = g.first; c <= g.last && c < t.columns.size(); ++c)
      if (!t.columns[c].key.empty() && !is_label_key(t.columns[c].key)) ++value_cols;
    for (const Cell& c : r.cells) filled += c.kind != CellKind::Empty ? 1 : 0;
    r.cells_uncertain = filled > 0 && filled < value_cols;
  }
}

// Fills code and level of rows printed without codes (budget 收支预算总表)
// from coded rows of the same name elsewhere in the report; the code must
// fit under the 类/款 above it when a name is ambiguous ("行政运行").
void infer_missing_codes(std::vector<Table>& tables) {
  // Each name's codes (name without spaces; each code once), from the
  // national list and the coded rows: views, which this does not change; a
  // name that had spaces is kept compacted in `compacted`. Hashed, not
  // sorted: a report has hundreds of coded rows, and sorting them was most
  // of this function.
  std::unordered_map<std::string_view, std::vector<std::string_view>> codes_of;
  const auto add = [&](std::string_view name, std::string_view code) {
    std::vector<std::string_view>& codes = codes_of[name];
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  };
  std::deque<std::string> compacted;
  for (const auto& kv : national_classes()) add(kv.first, kv.second);
  for (const auto& t : tables)
    for (const auto& r : t.rows)
      if (!r.code.empty() && (r.level == "类"sv || r.level == "款"sv || r.level == "项"sv)) {
        std::string buffer;
        std::string_view name = without_spaces(r.name, buffer);
        if (name.data() == buffer.data()) name = compacted.emplace_back(std::move(buffer));
        add(name, r.code);
      }
  std::string buffer;
  for (auto& t : tables) {
    std::map<int, std::string_view> context;  // group -> last code seen
    for (auto& r : t.rows) {
      if (!r.code.empty()) { context[r.group] = r.code; continue; }
      if (r.level != "line"sv) continue;
      const auto named = codes_of.find(without_spaces(r.name, buffer));
      if (named == codes_of.end()) continue;
      const bool only = named->second.size() == 1;
      std::string_view chosen;
      int matches = 0;
      const std::string_view above = context[r.group];
      for (const std::string_view code : named->second) {
        bool fits = code.size() == 3 ||
                    (!above.empty() && above.size() < code.size() && code.substr(0, above.size()) == above) ||
                    (!above.empty() && above.size() >= code.size() &&
                     above.substr(0, code.size() - 2) == code.substr(0, code.size() - 2));
        if (only || fits) { chosen = code; ++matches; }
      }
      if (matches != 1) continue;
      r.code = chosen;
      r.code_inferred = true;
      r.level = level_of_code(chosen);
      context[r.group] = chosen;
    }
  }
}

}  // namespace

std::vector<Table> extract_tables(const std::vector<Line>& lines, const Limits& limits,
                                  std::vector<bool>& in_table, std::vector<InputMessage>& messages) {
  std::vector<Table> tables;
  in_table.assign(lines.size(), false);
  std::size_t floor = 0;  // context of the next table cannot reach above this
  std::string last_unit;
  // Lines printed on every page: between two rows, or between the rows and
  // the note, they do not end the table even with no page number to say a
  // page broke there. (A lone title-like line is not enough: "2020 年度收入
  // 决算表（表 2）" opens the next table.)
  const RunningLines running(lines);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].is_cell_line()) continue;
    // ---- the block of cell lines
    std::size_t first = i, last = i;
    for (std::size_t k = i + 1; k < lines.size(); ++k) {
      const Line& l = lines[k];
      if (l.blank()) continue;
      if (l.is_cell_line()) { last = k; continue; }
      const bool page_break = is_page_break_line(l);
      if (page_break || is_fragment_line(l)) {
        // Rows follow, past blank lines and the rest of a page break ("- 5 -"
        // then "续表", the report's running title); after a continuation mark,
        // the table's label and unit printed again. (Without the mark, a label
        // and a unit after a page number open the next table.)
        bool continued = page_break && is_continuation_mark(l);
        std::size_t n = k + 1;
        while (n < lines.size() && (lines[n].blank() || is_page_break_line(lines[n]) ||
                                    (page_break && is_running_header(lines[n])) ||
                                    (continued && is_caption_repeat(lines[n])))) {
          continued |= is_continuation_mark(lines[n]);
          ++n;
        }
        if (n < lines.size() && lines[n].is_cell_line()) {
          k = n - 1;  // on at the row
          continue;
        }
      }
      if (running.holds(l)) {
        // Rows of the same table follow, not the next table's header: a data
        // row, or a row of the last one's width (an item without figures,
        // "23.其他支出", or a self-evaluation table's text). The next table
        // has its title between.
        std::size_t n = k + 1;
        while (n < lines.size() && (lines[n].blank() || is_page_break_line(lines[n]) || running.holds(lines[n]))) ++n;
        const auto same_table = [&](const Line& next) {
          return is_data_row(next.cells()) || next.cell_spans.size() == lines[last].cell_spans.size();
        };
        if (n < lines.size() && lines[n].is_cell_line() && same_table(lines[n])) {
          k = n - 1;
          continue;
        }
      }
      break;
    }
    i = last;
    // A real table has a line with two filled cells; a lone line ending in a
    // tab is prose.
    bool grid = false;
    for (std::size_t k = first; k <= last && !grid; ++k) {
      int filled = 0;
      for (std::string_view c : lines[k].cells()) filled += c.empty() ? 0 : 1;
      grid = filled >= 2;
    }
    if (!grid) continue;
    if (tables.size() >= limits.max_tables) {
      messages.push_back(make_message(
          "limit.tables", "warning", lines[first].number,
          "表格数量超过上限 " + std::to_string(limits.max_tables) + "，其余表格未读取。",
          "More than " + std::to_string(limits.max_tables) + " tables; the rest were not read."));
      break;
    }

    std::vector<std::size_t> used;
    Context ctx = read_context(lines, first, floor, running, used);
    Table t;
    t.id = "t" + std::to_string(tables.size() + 1);
    t.label = ctx.label;
    t.title = ctx.title;
    // The table starts at its title when it has one, else at its first caption.
    t.first_line = ctx.title_line ? ctx.title_line : ctx.first_line ? ctx.first_line : lines[first].number;
    t.unit = ctx.unit;
    t.unit_line = ctx.unit_line;
    for (std::size_t u : used)
      if (lines[u].number >= t.first_line) in_table[u] = true;

    // ---- header rows, then data rows
    std::vector<const Line*> header_rows, data_rows;
    data_rows.reserve(last - first + 1);
    std::size_t ncols = 0;
    bool in_data = false;
    std::size_t cells_total = 0;
    for (std::size_t k = first; k <= last; ++k) {
      in_table[k] = true;
      const Line& l = lines[k];
      // A caption line inside the block is one a page break printed again:
      // the block takes none otherwise.
      if (l.blank() || is_page_break_line(l) || is_caption_repeat(l) || is_running_header(l) || running.holds(l))
        continue;
      ncols = std::max(ncols, l.cell_spans.size());
      cells_total += l.cell_spans.size();
      if (!in_data && l.is_cell_line() && !is_data_row(l.cells())) {
        header_rows.push_back(&l);
      } else if (in_data && std::any_of(header_rows.begin(), header_rows.end(),
                                        [&](const Line* h) { return h->text == l.text; })) {
        // The header printed again after a page break: not a row.
      } else {
        in_data = true;
        data_rows.push_back(&l);
      }
    }
    if (cells_total > limits.max_cells_per_table) {
      messages.push_back(make_message(
          "limit.cells", "warning", lines[first].number,
          "表格单元格数量超过上限，该表未读取。", "A table has too many cells; it was not read."));
      floor = last + 1;
      continue;
    }
    HeaderModel header = read_header(header_rows, ncols);
    t.columns.reserve(ncols);
    for (std::size_t c = 0; c < ncols; ++c) {
      Column col;
      col.index = static_cast<int>(c);
      col.header = join_pieces(header.pieces[c]);
      col.key = std::move(header.keys[c]);
      col.number = std::move(header.numbers[c]);
      t.columns.push_back(std::move(col));
    }
    t.template_id = recognise_template(t.title, ctx.label_number, ctx.label_is_public, t.columns);
    std::vector<Group> groups = find_groups(t.columns);
    for (std::size_t g = 0; g < groups.size(); ++g)
      for (std::size_t c = groups[g].first; c <= groups[g].last; ++c)
        t.columns[c].group = static_cast<int>(g);

    // Rows in reading order: group by group (left to right), each in line
    // order. Each group's rows are kept apart while read, then joined. A
    // line's row of each group is read in place at the end of its group's
    // list (line_rows points at them) and taken off again if it is not kept.
    std::vector<std::vector<TableRow>> by_group(groups.size());
    for (auto& rows : by_group) rows.reserve(data_rows.size());
    std::vector<TableRow*> line_rows;
    for (const Line* l : data_rows) {
      if (!l->is_cell_line()) {
        // A lone fragment line: continues the name of the row above it.
        const std::string fragment = join_wrapped(l->text);
        for (std::size_t g = groups.size(); g-- > 0;)
          if (!by_group[g].empty() && !by_group[g].back().code.empty()) {
            by_group[g].back().name += fragment;
            break;
          }
        continue;
      }
      // Only performance-target rows are ever re-seated: no copy otherwise.
      Line seated;
      const Line* row_line = l;
      if (t.template_id == "budget.project_performance"sv) {
        if (auto cells = realigned_indicator_cells(l->cells(), t.columns)) {
          seated = *l;
          seated.set_cells(*cells);
          row_line = &seated;
        }
      }
      line_rows.clear();
      for (std::size_t g = 0; g < groups.size(); ++g)
        read_group_row(*row_line, t.columns, groups[g], g, g + 1 == groups.size(), by_group[g].emplace_back());
      for (auto& rows : by_group) line_rows.push_back(&rows.back());
      merge_orphan_total_values(line_rows, t.columns, groups);
      mark_uncertain_cells(line_rows, *row_line, t, groups);
      for (std::vector<TableRow>& rows : by_group) {
        const TableRow& r = rows.back();  // this line's row of the group
        const auto kept = [&] {
          if (r.code.empty() && r.name.empty() && r.row_number.empty() && !row_has_values(r)) return false;
          if (is_name_fragment(r) && rows.size() > 1) {
            TableRow& prev = rows[rows.size() - 2];
            if (!prev.code.empty() || !prev.row_number.empty()) {
              prev.name += r.name;
              return false;
            }
          }
          if (r.code.empty() && r.name.empty() && !row_has_values(r)) return false;
          return !is_sub_header(r);
        };
        if (!kept()) rows.pop_back();
      }
    }
    if (by_group.size() == 1) {
      t.rows = std::move(by_group.front());
    } else {
      std::size_t total = 0;
      for (const auto& rows : by_group) total += rows.size();
      t.rows.reserve(total);
      for (auto& rows : by_group)
        t.rows.insert(t.rows.end(), std::make_move_iterator(rows.begin()), std::make_move_iterator(rows.end()));
    }
    // The usual number of decimals of the table's amounts (rounding model).
    {
      std::map<int, int> scales;
      for (const auto& r : t.rows)
        for (const auto& c : r.cells)
          if (c.kind == CellKind::Amount && c.value) ++scales[c.value->scale];
      int best = 0;
      for (const auto& kv : scales)
        if (kv.second > best) { best = kv.second; t.usual_scale = kv.first; }
    }

    // ---- notes, formulas and empty declarations after the table
    std::size_t k = last + 1;
    int note_lines = 0;
    t.last_line = lines[last].number;
    for (; k < lines.size() && note_lines < 12; ++k) {
      const Line& l = lines[k];
      // A page may break between the rows and the note, as between rows.
      if (l.blank() || is_page_break_line(l) || running.holds(l)) continue;
      const std::vector<Formula> fs = parse_formulas(l.text, l.number);
      if (!is_note_line(l, !fs.empty())) break;
      ++note_lines;
      in_table[k] = true;
      t.last_line = l.number;
      t.formulas.insert(t.formulas.end(), fs.begin(), fs.end());
      if (!t.declared_empty && declares_empty(l.text)) {
        t.declared_empty = true;
        t.empty_note = l.text;
        t.empty_note_line = l.number;
      }
    }
    floor = k;
    i = k - 1;

    // Evaluation tables state their unit inside a cell: "项目资金 (万元)".
    if (t.unit.empty()) {
      for (std::size_t k = first; k <= last && t.unit.empty(); ++k) {
        if (std::string_view unit = cell_unit(lines[k].text); !unit.empty()) {
          t.unit = unit;
          t.unit_line = lines[k].number;
        }
      }
    }
    // A report table printed without its unit line keeps the unit of the
    // report's other tables (its unit_line stays 0: nothing was printed).
    // Other tables (evaluations, lists) state units inside their cells.
    if (t.unit.empty() && !last_unit.empty() &&
        (starts_with(t.template_id, "final.") || starts_with(t.template_id, "budget.")) &&
        t.template_id != "final.table_index"sv)
      t.unit = last_unit;
    if (!t.unit.empty()) {
      last_unit = t.unit;
    }
    tables.push_back(std::move(t));
  }
  infer_missing_codes(tables);
  return tables;
}

}  // namespace hezhang
