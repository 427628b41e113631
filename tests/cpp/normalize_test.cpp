// Line normalization (core/src/text.cpp): one physical line in, one or more
// logical lines out, always with the physical line's number.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "internal.h"

using hezhang::Line;
using hezhang::LineCells;

namespace {

std::vector<Line> norm(const std::string& raw, int number = 7) {
  std::vector<Line> out;
  hezhang::normalize_line(raw, number, out);
  for (const Line& l : out) CHECK(l.number == number);
  return out;
}

Line one(const std::string& raw, int number = 7) {
  auto out = norm(raw, number);
  REQUIRE(out.size() == 1);
  return out[0];
}

using Cells = std::vector<std::string>;

Cells cells_of(const Line& line) {
  Cells cells;
  for (std::string_view c : line.cells()) cells.emplace_back(c);
  return cells;
}

}  // namespace

TEST_CASE("full-width digits and punctuation become ASCII", "[unit][normalize]") {
  CHECK(one("１２３．４５").text == "123.45");
  CHECK(one("（１２．５）").text == "(12.5)");
  CHECK(one("（）").text == "()");
  CHECK(one("９９．９７％").text == "99.97%");
  CHECK(one("增长１０％").text == "增长10%");
  CHECK(one("ＡＢＣ").text == "ABC");
}

TEST_CASE("full-width comma: thousands separator between digits, prose comma otherwise", "[unit][normalize]") {
  CHECK(one("１，８０２．６４").text == "1,802.64");
  CHECK(one("1，802.64").text == "1,802.64");
  CHECK(one("收入增加，支出减少").text == "收入增加，支出减少");
  CHECK(one("共3项，合计5万元").text == "共3项，合计5万元");
  // A comma after a digit, before a non-digit, and after characters that
  // normalization changes or drops (the digit test reads what was there).
  CHECK(one("增长3，主要").text == "增长3，主要");
  CHECK(one("3，，4").text == "3，，4");
  CHECK(one("３，４").text == "3,4");
  CHECK(one("3\u200B，4").text == "3，4");
  CHECK(one("，1，2").text == "，1,2");
  // Other prose punctuation stays Chinese.
  CHECK(one("单位：万元；说明！").text == "单位：万元；说明！");
}

TEST_CASE("odd spaces become spaces, invisible characters are dropped", "[unit][normalize]") {
  CHECK(one("合计\xC2\xA0" "100").text == "合计 100");       // NBSP
  CHECK(one("合计\xE3\x80\x80" "100").text == "合计 100");   // ideographic space
  CHECK(one("\xEF\xBB\xBF" "标题").text == "标题");           // BOM
  CHECK(one("12\xE2\x80\x8B" "3").text == "123");             // zero-width space
  CHECK(one("a\xE2\x80\x8D" "b").text == "ab");               // zero-width joiner
  CHECK(one("\xE3\x80\x80\xE3\x80\x80" "一、概况").text == "一、概况");
}

TEST_CASE("simple HTML tags are stripped", "[unit][normalize]") {
  CHECK(one("<b>合计</b>").text == "合计");
  CHECK(one("<B>合计</B>").text == "合计");
  CHECK(one("第一行<br>第二行").text == "第一行 第二行");
  CHECK(one("第一行<br/>第二行").text == "第一行 第二行");
  CHECK(one("<p>文字</p>").text == "文字");
  CHECK(one("<strong>一、</strong>部门职责").text == "一、部门职责");
  // Not a known tag: kept as text.
  CHECK(one("a < b > c").text == "a < b > c");
  CHECK(one("x<5").text == "x<5");
}

TEST_CASE("a saved web page's markup: headings, namespaced and other tags, doctype", "[unit][normalize]") {
  Line h = one("<h3 style=\"margin:0\">（二）收入决算情况说明</h3>");
  CHECK(h.text == "(二)收入决算情况说明");
  CHECK(h.markdown_heading);  // a heading as '#' makes one
  CHECK_FALSE(one("<p>（二）收入决算情况说明</p>").markdown_heading);
  // A word processor's namespaced tags, any name with a colon.
  CHECK(one("<p class=MsoNormal><span lang=EN-US>合计<o:p></o:p></span></p>").text == "合计");
  CHECK(one("<w:Sdt>文字</w:Sdt>").text == "文字");
  CHECK(one("<!DOCTYPE html>").blank());
  CHECK(one("文字<!-- 注释 -->说明").text == "文字说明");
  CHECK(one("<ul><li>一般公共服务支出</li></ul>").text == "一般公共服务支出");
  CHECK(one("<a href=\"#t1\">公开01表</a>").text == "公开01表");
  // Still text: no name, a colon first, a name over ten letters.
  CHECK(one("a <:b> c").text == "a <:b> c");
  CHECK(one("<abcdefghijk>x").text == "<abcdefghijk>x");
}

TEST_CASE("HTML character references become the characters they name, normalized", "[unit][normalize]") {
  CHECK(one("&ldquo;三公&rdquo;经费").text == "“三公”经费");
  CHECK(one("R&amp;D&nbsp;支出").text == "R&D 支出");
  CHECK(one("1&lt;2&gt;0").text == "1<2>0");  // after the tags: never a tag
  CHECK(one("&#12289;&#x3001;&#65297;&#xFF12;").text == "、、12");  // full-width digits made ASCII
  CHECK(one("&minus;12.50").text == "-12.50");
  CHECK(one("&ensp;&emsp;合计&thinsp;").text == "合计");
  // Not references: kept as they are.
  CHECK(one("R&D").text == "R&D");
  CHECK(one("&unknown;").text == "&unknown;");
  CHECK(one("&#;&#x;&#xD800;&#1114112;").text == "&#;&#x;&#xD800;&#1114112;");
  CHECK(one("& nbsp;").text == "& nbsp;");
  // An empty cell written &nbsp; is empty.
  Line row = one("<tr><td>合计</td><td>&nbsp;</td><td>1,802.64</td></tr>");
  CHECK(cells_of(row) == Cells{"合计", "", "1,802.64"});
}

TEST_CASE("markup written in full-width forms is markup once mapped", "[unit][normalize]") {
  // normalize_line notes which markup bytes occur as it reads each character,
  // after mapping it: a full-width ＊, ＜, ＄ or ＼ is found the same way as
  // the ASCII one (fails if only the characters copied as they are were noted).
  CHECK(one("＊＊重要＊＊说明").text == "重要说明");
  CHECK(one("金额＜b＞100＜/b＞万元").text == "金额100万元");
  CHECK(one("满意度＄\\geq 90\\%＄").text == "满意度≥90%");
  CHECK(one("满意度＼geq 90").text == "满意度≥90");
  // A tab read on its own path (not printable ASCII) still splits cells.
  CHECK(cells_of(one("合计\t100")) == Cells{"合计", "100"});
}

TEST_CASE("markdown headings and emphasis", "[unit][normalize]") {
  Line h = one("## **二、收入决算情况说明**");
  CHECK(h.markdown_heading);
  CHECK(h.text == "二、收入决算情况说明");
  CHECK(h.cells().empty());

  Line h1 = one("# 2022年度部门决算");
  CHECK(h1.markdown_heading);
  CHECK(h1.text == "2022年度部门决算");

  Line bold = one("**重要**说明");
  CHECK_FALSE(bold.markdown_heading);
  CHECK(bold.text == "重要说明");

  CHECK_FALSE(one("#标签").markdown_heading);
  CHECK_FALSE(one("####### 七级").markdown_heading);
  CHECK_FALSE(one("一、部门职责").markdown_heading);
}

TEST_CASE("pipe table rows are split into cells", "[unit][normalize]") {
  Line row = one("| 201 | 一般公共服务支出 | 1,802.64 |");
  CHECK(cells_of(row) == Cells{"201", "一般公共服务支出", "1,802.64"});
  CHECK(row.is_cell_line());
  CHECK(row.text == "201\t一般公共服务支出\t1,802.64");

  // Empty cells keep their position.
  Line gaps = one("|  | 合计 | 100 |");
  CHECK(cells_of(gaps) == Cells{"", "合计", "100"});

  // The separator row is dropped (blank line).
  for (const char* sep : {"|---|---|---|", "| --- | :---: | ---: |", "|:-|-:|"}) {
    INFO(sep);
    Line s = one(sep);
    CHECK(s.blank());
    CHECK(s.cells().empty());
    CHECK_FALSE(s.is_cell_line());
  }
}

TEST_CASE("HTML table rows become cell lines", "[unit][normalize]") {
  Line row = one("<tr><td>a</td><td>b</td></tr>", 12);
  CHECK(cells_of(row) == Cells{"a", "b"});
  // An iterator outlives the LineCells it came from (here a temporary,
  // gone after this statement: ASan's build would catch a dangling one).
  LineCells::iterator second = ++row.cells().begin();
  CHECK(*second == "b");
  CHECK(row.text == "a\tb");
  CHECK(row.number == 12);

  Line th = one("<tr><th>项目</th><th>金额</th></tr>");
  CHECK(cells_of(th) == Cells{"项目", "金额"});

  Line lead = one("<tr><td></td><td>合计</td><td>100</td></tr>");
  CHECK(cells_of(lead) == Cells{"", "合计", "100"});

  Line attrs = one("<tr><td colspan=\"2\">合计</td><td><b>100</b></td></tr>");
  CHECK(cells_of(attrs) == Cells{"合计", "100"});

  // Two rows on one physical line: two logical lines with the same number.
  auto two = norm("<tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr>", 30);
  REQUIRE(two.size() == 2);
  CHECK(cells_of(two[0]) == Cells{"a", "b"});
  CHECK(cells_of(two[1]) == Cells{"c", "d"});
  CHECK(two[0].number == 30);
  CHECK(two[1].number == 30);

  auto table = norm("<table><tr><td>201</td><td>x</td><td>1</td></tr><tr><td>20101</td><td>y</td><td>2</td></tr></table>", 4);
  REQUIRE(table.size() >= 2);
  CHECK(cells_of(table[0]) == Cells{"201", "x", "1"});
  CHECK(cells_of(table[1]) == Cells{"20101", "y", "2"});
  for (std::size_t k = 2; k < table.size(); ++k) CHECK(table[k].blank());
}

TEST_CASE("LaTeX remnants of PDF conversion", "[unit][normalize]") {
  CHECK(one("$\\geq 99.99\\%$").text == "≥99.99%");
  CHECK(one("满意度$\\geq 90\\%$").text == "满意度≥90%");
  CHECK(one("$\\leq 5$").text == "≤5");
  CHECK(one("$\\times$").text == "×");
  CHECK(one("$\\mathrm{ 100}$").text == "100");
}

TEST_CASE("tab-separated cells keep their column positions", "[unit][normalize]") {
  Line lead = one("\t\t合计\t100");
  CHECK(cells_of(lead) == Cells{"", "", "合计", "100"});
  CHECK(lead.text == "\t\t合计\t100");

  Line row = one("201\t一般公共服务支出\t3640931.06\t\t\t");
  CHECK(cells_of(row) == Cells{"201", "一般公共服务支出", "3640931.06", "", "", ""});

  // A line ending in a tab is still a cell line.
  Line trailing = one("合计\t");
  CHECK(trailing.is_cell_line());
  CHECK(cells_of(trailing) == Cells{"合计", ""});

  // Cells are trimmed.
  Line spaced = one("  201 \t 一般公共服务支出  ");
  CHECK(cells_of(spaced) == Cells{"201", "一般公共服务支出"});

  // Only empty cells: blank.
  Line empty = one("\t\t\t");
  CHECK(empty.blank());
  CHECK_FALSE(empty.is_cell_line());

  // One cell is no cell line.
  Line single = one("没有制表符的文字");
  CHECK(single.cells().empty());
  CHECK_FALSE(single.is_cell_line());
}

TEST_CASE("names wrapped by PDF conversion are joined", "[unit][normalize]") {
  Line row = one("2080505\t行政事业单 位养老支出\t352800.33");
  CHECK(cells_of(row) == Cells{"2080505", "行政事业单位养老支出", "352800.33"});

  Line hdr = one("项目\t上缴 上级 支出\t对附属单 位补助 支出");
  CHECK(cells_of(hdr) == Cells{"项目", "上缴上级支出", "对附属单位补助支出"});

  CHECK(hezhang::join_wrapped("行政事业单 位养老支出") == "行政事业单位养老支出");
  CHECK(hezhang::join_wrapped("行政事业单   位养老支出") == "行政事业单位养老支出");
  // Spaces next to ASCII are kept.
  CHECK(hezhang::join_wrapped("2020 年") == "2020 年");
  CHECK(hezhang::join_wrapped("合计 100") == "合计 100");
  CHECK(hezhang::join_wrapped("word 中文") == "word 中文");
  CHECK(hezhang::join_wrapped("a  b") == "a b");
  // The character right before the spaces decides, not the first of its word.
  CHECK(hezhang::join_wrapped("中ab 文") == "中ab 文");
  CHECK(hezhang::join_wrapped("ab中 文") == "ab中文");
  CHECK(hezhang::join_wrapped("经费2 中 文") == "经费2 中文");
}

TEST_CASE("table-of-contents lines are flagged, not cell lines", "[unit][normalize]") {
  Line toc = one("一、部门主要职责.....\t1");
  CHECK(toc.toc_entry);
  CHECK(toc.cells().empty());
  CHECK_FALSE(toc.is_cell_line());

  Line bold = one("<b>第一部分 概况</b> .....\t<b>1</b>");
  CHECK(bold.toc_entry);
  CHECK_FALSE(bold.is_cell_line());

  Line dots = one("二、收入决算表……\t4");
  CHECK(dots.toc_entry);
  // Leader dots written in full-width forms ('．', U+FF0E, becomes '.'), in
  // a tag, and a page number after them: normalization looks for leader dots
  // only in lines where it read a dot or a U+2000..U+2FFF character, and
  // must count these.
  CHECK(one("三、支出决算表．．．．\t5").toc_entry);
  CHECK(one("四、财政拨款收入支出决算总表<b>……</b>\t6").toc_entry);

  // A data row is not a TOC entry.
  CHECK_FALSE(one("201\t一般公共服务支出\t100").toc_entry);
}

TEST_CASE("a TOC line with leader dots and spaces, no tab, is flagged", "[unit][normalize]") {
  // The example in internal.h: ("一、…......  2"). Without a tab the line has
  // no cells: leader dots then a page number make it a TOC entry.
  Line toc = one("一、收入支出决算总表......  2");
  CHECK(toc.toc_entry);
  // Leader dots with no page number after them are not.
  CHECK_FALSE(one("二、说明......").toc_entry);
  CHECK_FALSE(one("三、附件……").toc_entry);
}

TEST_CASE("line numbers are never changed", "[unit][normalize]") {
  for (int n : {1, 2, 99, 123456}) {
    auto out = norm("<tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr>", n);
    REQUIRE_FALSE(out.empty());
    for (const Line& l : out) CHECK(l.number == n);
    CHECK(one("普通文字", n).number == n);
    CHECK(one("", n).number == n);
  }
  // An empty physical line gives exactly one blank logical line.
  Line empty = one("");
  CHECK(empty.blank());
}

TEST_CASE("lines end at \\n, \\r\\n and a lone \\r, however they are mixed", "[unit][normalize]") {
  hezhang::Limits limits;
  std::vector<hezhang::InputMessage> messages;
  int physical = 0;
  // Each line says which physical line it is; the ends vary line by line.
  auto lines = hezhang::split_lines("一\r\n二\r三\n\n五\r\r七\r\n八", limits, messages, physical);
  CHECK(physical == 8);
  REQUIRE(lines.size() == 8);
  const char* expected[] = {"一", "二", "三", "", "五", "", "七", "八"};
  for (std::size_t k = 0; k < lines.size(); ++k) {
    CHECK(lines[k].number == static_cast<int>(k) + 1);
    CHECK(lines[k].text == expected[k]);
  }
  // A final line end opens no new line, whichever it is.
  for (const char* text : {"a\n", "a\r\n", "a\r"}) {
    CHECK(hezhang::split_lines(text, limits, messages, physical).size() == 1);
    CHECK(physical == 1);
  }
  CHECK(messages.empty());
}

TEST_CASE("find_space_or_tab agrees with a byte-by-byte search", "[unit][normalize]") {
  // Eight bytes are tested at a time: put a space or a tab at every offset of
  // strings of every length up to 24, among ASCII and UTF-8 bytes (whose high
  // bit must not fool the word test), and search from every start.
  const std::string fillers[] = {"x", "\xE4\xB8\x80", "\x7F", "\x80", "!"};
  for (const std::string& filler : fillers)
    for (char mark : {' ', '\t', '\0'})
      for (std::size_t len = 0; len <= 24; ++len)
        for (std::size_t at = 0; at <= len; ++at) {
          std::string s;
          while (s.size() < len) s += filler;
          s.resize(len);
          if (at < len) s[at] = mark;
          for (std::size_t from = 0; from <= s.size(); ++from) {
            std::size_t naive = from;
            while (naive < s.size() && s[naive] != ' ' && s[naive] != '\t') ++naive;
            INFO("len " << len << " mark at " << at << " from " << from);
            REQUIRE(hezhang::find_space_or_tab(s, from) == naive);
          }
        }
}

TEST_CASE("code_points agrees with counting the bytes that are not continuations", "[unit][normalize]") {
  // Counted eight bytes at a time: every byte value at every offset of
  // strings up to 20 bytes long, among ASCII and the bytes of a Chinese
  // character (a continuation must not be taken for a lead, nor 0xC0..0xFF
  // or 0x00..0x7F for a continuation).
  const std::string fillers[] = {"x", "\xE4\xB8\x80", "\x80"};  // "\x80": words of continuations only
  std::size_t checked = 0;
  for (const std::string& filler : fillers)
    for (std::size_t len = 1; len <= 20; ++len)
      for (std::size_t at = 0; at < len; ++at)
        for (int byte = 0; byte < 256; ++byte) {
          std::string s;
          while (s.size() < len) s += filler;
          s.resize(len);
          s[at] = static_cast<char>(byte);
          int naive = 0;
          for (unsigned char c : s) naive += (c & 0xC0) != 0x80;
          INFO("len " << len << " byte " << byte << " at " << at);
          REQUIRE(hezhang::code_points(s) == naive);
          ++checked;
        }
  CHECK(checked == 3 * 210 * 256);
  CHECK(hezhang::code_points("一般公共预算财政拨款支出 (12.5)") == 19);  // 12 + 7
}

TEST_CASE("the fast path copies only characters that normalization leaves unchanged", "[unit][normalize]") {
  // Every code point, as UTF-8: when maps_to_itself says "copy as is", the
  // slow path (map_code_point) must agree, with the same length.
  // (Counted, not asserted one by one: a million assertions would be slow.)
  std::size_t fast = 0, wrong = 0;
  char32_t first_wrong = 0;
  for (char32_t cp = 1; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    std::string utf8;
    hezhang::append_utf8(utf8, cp);
    std::size_t length = hezhang::maps_to_itself(utf8, 0);
    if (length == 0) continue;
    ++fast;
    char32_t out = 0;
    if (!hezhang::map_code_point(cp, out) || out != cp || length != utf8.size())
      if (wrong++ == 0) first_wrong = cp;
  }
  INFO("first wrong: U+" << std::hex << static_cast<std::uint32_t>(first_wrong));
  CHECK(wrong == 0);
  // Nearly all of them take it (only the blocks around the changed ones do not),
  // prose punctuation among them; the full-width comma never (it may be a
  // thousands separator), nor a character cut short.
  CHECK(fast > 0x10F000 - 0x800 - 0x1000);
  CHECK(hezhang::maps_to_itself("。", 0) == 3);
  CHECK(hezhang::maps_to_itself("、", 0) == 3);
  CHECK(hezhang::maps_to_itself("\t", 0) == 1);
  CHECK(hezhang::maps_to_itself("，", 0) == 0);
  CHECK(hezhang::maps_to_itself("\xE3\x80", 0) == 0);
  CHECK(hezhang::maps_to_itself("\r", 0) == 0);
}

TEST_CASE("a character normalization changes is changed wherever it falls among ideographs", "[unit][normalize]") {
  // Ideographs are copied two at a time where a word holds two: a changed
  // character next to them (an odd space, a full-width digit or bracket, an
  // invisible one) must be read at every offset, before, between and after.
  const char32_t changed[] = {0x3000, 0x2003, 0x200B, 0x00A0, 0xFF11, 0xFF08, 0xFF0E};
  for (char32_t cp : changed) {
    std::string x;
    hezhang::append_utf8(x, cp);
    char32_t mapped = 0;
    std::string y;
    if (hezhang::map_code_point(cp, mapped)) hezhang::append_utf8(y, mapped);
    REQUIRE(y != x);
    for (int before = 0; before <= 9; ++before)
      for (int after = 0; after <= 9; ++after) {
        std::string a, b;
        for (int k = 0; k < before; ++k) a += "中";
        for (int k = 0; k < after; ++k) b += "国";
        const std::string expected(hezhang::trimmed(a + y + b));
        INFO("U+" << std::hex << static_cast<std::uint32_t>(cp) << std::dec << " after " << before << ", before " << after);
        if (expected.empty()) continue;
        CHECK(one(a + x + b).text == expected);
      }
  }
}

TEST_CASE("find_text and rfind_text agree with std::string_view's find and rfind", "[unit][normalize]") {
  // Random texts and words over a few ASCII bytes and Chinese characters
  // that share lead bytes (so first-byte matches are common), every start
  // position, words from empty to longer than the text. Counted, then one
  // assertion with the first disagreement.
  const std::vector<std::string> pieces = {"a", "b", " ", "支", "出", "收", "入", "与", "上", "年", "（", "）", "\x01"};
  std::uint32_t state = 20261122;
  auto next = [&](std::uint32_t bound) {
    state = state * 1103515245u + 12345u;
    return (state >> 8) % bound;
  };
  auto random_text = [&](std::uint32_t pieces_max) {
    std::string s;
    for (std::uint32_t k = next(pieces_max + 1); k > 0; --k) s += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
    return s;
  };
  std::size_t checked = 0, wrong = 0;
  std::string first_wrong;
  for (int round = 0; round < 3000; ++round) {
    std::string text = random_text(40);
    // Half the words are cut from the text itself, so they occur.
    std::string word = random_text(4);
    if (round % 2 && !text.empty()) {
      std::size_t a = next(static_cast<std::uint32_t>(text.size())), len = next(12);
      word = text.substr(a, len);
    }
    std::string_view t = text, w = word;
    for (std::size_t from = 0; from <= text.size() + 1; ++from) {
      ++checked;
      if (hezhang::find_text(t, w, from) != t.find(w, from) && wrong++ == 0)
        first_wrong = "find \"" + word + "\" in \"" + text + "\" from " + std::to_string(from);
    }
    ++checked;
    if (hezhang::rfind_text(t, w) != t.rfind(w) && wrong++ == 0)
      first_wrong = "rfind \"" + word + "\" in \"" + text + "\"";
    if (hezhang::contains(t, w) != (t.find(w) != std::string_view::npos) && wrong++ == 0)
      first_wrong = "contains \"" + word + "\" in \"" + text + "\"";
  }
  INFO(first_wrong);
  CHECK(wrong == 0);
  CHECK(checked > 100000);
}

namespace {
// UTF-8 validity as RFC 3629 states it, one sequence at a time: the
// reference for find_invalid_utf8, which reads runs of characters as words.
std::size_t reference_invalid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    std::uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return i;
      cp = cp << 6 | (d & 0x3F);
    }
    const std::uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}
}  // namespace

TEST_CASE("find_invalid_utf8 agrees with RFC 3629 on every 3-byte shape, mid-run and at the end", "[unit][normalize]") {
  // Every lead byte with continuation bytes at and around the edges of their
  // range, after a run of Chinese characters or of ASCII (both read as words,
  // the bad byte at every place in the ASCII word) and before more of them
  // or the end of the text (read one by one).
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  std::vector<std::string> befores = {"", "中文字", "中文字符"};
  for (std::size_t n = 1; n <= 17; ++n) befores.push_back(std::string("0123456789abcdefg").substr(0, n));
  befores.push_back("中文0123456789");
  std::size_t wrong = 0, invalid = 0;
  std::string first_wrong;
  for (int lead = 0x80; lead <= 0xFF; ++lead)
    for (unsigned char b1 : edges)
      for (unsigned char b2 : edges)
        for (const char* after : {"", "字", "a", "字字字"})
          for (const std::string& before : befores) {
            std::string s = before;
            s += static_cast<char>(lead);
            s += static_cast<char>(b1);
            s += static_cast<char>(b2);
            s += after;
            const std::size_t expected = reference_invalid_utf8(s);
            invalid += expected != std::string_view::npos;
            if (hezhang::find_invalid_utf8(s) != expected && wrong++ == 0) {
              first_wrong = "lead " + std::to_string(lead) + " " + std::to_string(b1) + " " + std::to_string(b2) +
                            " before \"" + before + "\" after \"" + after + "\"";
            }
          }
  INFO(first_wrong);
  CHECK(wrong == 0);
  CHECK(invalid > 1000);  // the shapes did include invalid ones
  CHECK(hezhang::find_invalid_utf8("一般公共预算财政拨款支出") == std::string_view::npos);
}

TEST_CASE("split_lines checks UTF-8 as it reads: the first invalid byte RFC 3629 finds, or U+FFFD", "[unit][normalize]") {
  // analyze() has no pass of its own for UTF-8: normalization's fast paths
  // (two ideographs as a word, an ideograph by its lead byte, characters
  // that map to themselves) check the bytes they pass, the rest is decoded.
  // Every lead byte with continuation bytes at the edges of their range
  // (and a fourth byte, for 4-byte leads), after Chinese characters (read as
  // pairs) or ASCII, on the second of three lines.
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  std::size_t wrong = 0, wrong_replaced = 0, invalid = 0;
  std::string first_wrong;
  for (int lead = 0x80; lead <= 0xFF; ++lead)
    for (unsigned char b1 : edges)
      for (unsigned char b2 : edges)
        for (const char* after : {"", "字", "a", "\x80字", "\xbf"})
          for (const char* before : {"", "中", "中文", "中文字", "ab", "0123456"}) {
            std::string line = before;
            line += static_cast<char>(lead);
            line += static_cast<char>(b1);
            line += static_cast<char>(b2);
            line += after;
            const std::string text = "第一行\n" + line + "字\n第三行";
            const std::size_t expected = reference_invalid_utf8(text);
            invalid += expected != std::string_view::npos;
            hezhang::Limits limits;
            std::vector<hezhang::InputMessage> messages;
            int physical = 0;
            std::size_t found = 0;
            hezhang::split_lines(text, limits, messages, physical, &found);
            if (found != expected && wrong++ == 0)
              first_wrong = "lead " + std::to_string(lead) + " " + std::to_string(b1) + " " + std::to_string(b2) +
                            " before \"" + before + "\" after \"" + after + "\": found " + std::to_string(found);
            // Without the check (a caller that checked), what is not valid becomes U+FFFD.
            for (const hezhang::Line& l : hezhang::split_lines(text, limits, messages, physical))
              wrong_replaced += !hezhang::is_valid_utf8(l.text);
          }
  INFO(first_wrong);
  CHECK(wrong == 0);
  CHECK(wrong_replaced == 0);
  CHECK(invalid > 10000);  // the shapes did include invalid ones
  // Each byte that starts no character is replaced on its own.
  std::vector<hezhang::InputMessage> messages;
  int physical = 0;
  const auto lines = hezhang::split_lines("a\xff\xe4\xb8" "b", hezhang::Limits{}, messages, physical);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].text == "a\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "b");
}

namespace {
// UTF-16 of valid UTF-8, one sequence at a time (code points past U+FFFF as
// surrogate pairs): the reference for utf8_to_utf16.
std::u16string reference_utf16(std::string_view s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = len == 1 ? c : c & (0xFF >> (len + 1));
    for (std::size_t k = 1; k < len; ++k) cp = cp << 6 | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    if (cp < 0x10000) {
      out += static_cast<char16_t>(cp);
    } else {
      out += static_cast<char16_t>(0xD800 | (cp - 0x10000) >> 10);
      out += static_cast<char16_t>(0xDC00 | ((cp - 0x10000) & 0x3FF));
    }
    i += len;
  }
  return out;
}
}  // namespace

TEST_CASE("utf8_to_utf16 converts what is valid and refuses what is not", "[unit][normalize]") {
  // The WebAssembly binding hands the report's JSON to JS through this: the
  // same shapes as above (runs read as words, a bad byte anywhere), plus
  // 2- and 4-byte characters, checked unit by unit against the reference.
  const unsigned char edges[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
  const std::vector<std::string> befores = {"", "中文字", "0123456789abcdefg", "é中😀a", "中文0123456789"};
  std::size_t wrong = 0, valid = 0, invalid = 0;
  std::string first_wrong;
  std::u16string units;
  for (int lead = 0x80; lead <= 0xFF; ++lead)
    for (unsigned char b1 : edges)
      for (unsigned char b2 : edges)
        for (unsigned char b3 : {0x80, 0xBF, 0x41})
          for (const char* after : {"", "字", "a", "𠀀字"})
            for (const std::string& before : befores) {
              std::string s = before;
              for (unsigned char b : {static_cast<unsigned char>(lead), b1, b2, b3}) s += static_cast<char>(b);
              s += after;
              const bool ok = reference_invalid_utf8(s) == std::string_view::npos;
              (ok ? valid : invalid) += 1;
              const bool converted = hezhang::utf8_to_utf16(s, units);
              if ((converted != ok || (ok ? units != reference_utf16(s) : !units.empty())) && wrong++ == 0)
                first_wrong = "lead " + std::to_string(lead) + " " + std::to_string(b1) + " " + std::to_string(b2) +
                              " " + std::to_string(b3) + " before \"" + before + "\" after \"" + after + "\"";
            }
  INFO(first_wrong);
  CHECK(wrong == 0);
  CHECK(valid > 1000);  // 2-, 3- and 4-byte leads with good continuations
  CHECK(invalid > 1000);
  REQUIRE(hezhang::utf8_to_utf16("支出 12.5 万元😀", units));
  CHECK(units == u"支出 12.5 万元😀");
}

TEST_CASE("starts_with and ends_with compare whole words", "[unit][text]") {
  using hezhang::ends_with;
  using hezhang::starts_with;
  CHECK(starts_with("合计数", "合计"));
  CHECK(starts_with("abc", ""));
  CHECK(starts_with("", ""));
  CHECK_FALSE(starts_with("合", "合计"));
  CHECK_FALSE(starts_with("xbc", "abc"));  // the same last byte, another first
  CHECK_FALSE(starts_with("总计数", "合计"));  // the same last character
  CHECK_FALSE(starts_with("abd", "abc"));
  CHECK(ends_with("收入总计", "总计"));
  CHECK(ends_with("x", ""));
  CHECK_FALSE(ends_with("计", "总计"));
  CHECK_FALSE(ends_with("收入合计", "总计"));  // the same last character
  CHECK_FALSE(ends_with("abd", "abc"));
}

TEST_CASE("a tab-separated row without spaces is cut at every tab, wherever it falls", "[unit][normalize]") {
  // Such rows are cut eight bytes at a time (split_cells): two tabs put at
  // every pair of offsets of a row of ASCII and three-byte characters (side
  // by side: an empty cell; first or last: an empty cell at either end)
  // must give the cells, and the text, that a plain split gives.
  const std::string base = "201一般公共服务支出12.50abc";  // 3 + 24 + 8 bytes: 20 places between characters
  std::size_t checked = 0;
  for (std::size_t first = 0; first <= base.size(); ++first)
    for (std::size_t second = first; second <= base.size(); ++second) {
      std::string row = base;
      row.insert(second, "\t");
      row.insert(first, "\t");
      if (!hezhang::is_valid_utf8(row)) continue;  // a tab inside a character
      Cells want;
      for (std::size_t start = 0;;) {
        const std::size_t tab = row.find('\t', start);
        want.push_back(row.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      INFO("tabs at " << first << " and " << second);
      const Line line = one(row);
      CHECK(cells_of(line) == want);
      CHECK(line.text == row);
      ++checked;
    }
  CHECK(checked == 20 * 21 / 2);  // every pair of the 20 places, a place taken twice included
}

TEST_CASE("without_spaces drops every space and tab, at either end and in runs", "[unit][normalize]") {
  // Its copy is made in runs between spaces, written at once (text.cpp);
  // the view form copies only when there is a space to drop.
  for (std::string text : {"", " ", "\t\t", "abc", "a b", " a\tb ", "一 二  三", "  总计\t", "x \t y z   "}) {
    std::string want;
    for (char c : text)
      if (c != ' ' && c != '\t') want += c;
    INFO("text '" << text << "'");
    CHECK(hezhang::without_spaces(text) == want);
    std::string buffer;
    const std::string_view view = hezhang::without_spaces(text, buffer);
    CHECK(view == want);
    CHECK((view.data() == text.data()) == (want == text));  // no copy when nothing is dropped
  }
}

TEST_CASE("without_spaces reuses its buffer, and reads a view of that buffer safely", "[unit][normalize]") {
  // One buffer for many names: written over, its storage kept (no new
  // allocation once it is large enough), each result exactly that name's.
  std::string buffer;
  CHECK(hezhang::without_spaces("行政 事业单位 离退休  支出（款）", buffer) == "行政事业单位离退休支出（款）");
  const char* storage = buffer.data();
  CHECK(hezhang::without_spaces("一般 公共 服务", buffer) == "一般公共服务");
  CHECK(buffer.data() == storage);
  CHECK(buffer == "一般公共服务");
  // The text is the buffer itself, read while it is written.
  buffer = "a long line with spaces to drop, longer than any short string";
  CHECK(hezhang::without_spaces(buffer, buffer) == "alonglinewithspacestodrop,longerthananyshortstring");
  buffer = "x  y z and more words here, long enough for the heap";
  CHECK(hezhang::without_spaces(std::string_view(buffer).substr(3), buffer) == "yzandmorewordshere,longenoughfortheheap");
}

namespace {

// split_lines on a whole text, with no limit reached and valid UTF-8.
std::vector<Line> lines_of(const std::string& text) {
  std::vector<hezhang::InputMessage> messages;
  int physical = 0;
  std::size_t invalid = 0;
  auto lines = hezhang::split_lines(text, hezhang::Limits{}, messages, physical, &invalid);
  CHECK(messages.empty());
  CHECK(invalid == std::string::npos);
  return lines;
}

}  // namespace

TEST_CASE("a sheet saved as CSV: its lines are rows of cells, its quoted fields unquoted", "[unit][normalize]") {
  // As a spreadsheet writes it: every line as wide as the sheet, a figure
  // with a thousands comma quoted, a quote inside a field doubled.
  const std::string sheet =
      "支出决算表,,,,\n"                                              // 1
      ",,,,\n"                                                        // 2
      "项目,,本年支出合计,基本支出,项目支出\n"                         // 3
      "合计,,\"1,802.64\",\"1,000.00\",802.64\n"                      // 4
      "201,\"一般公共服务支出 \"\"类\"\"\",\"1,802.64\",,\n";           // 5
  const auto lines = lines_of(sheet);
  REQUIRE(lines.size() == 5);
  for (std::size_t k = 0; k < lines.size(); ++k) CHECK(lines[k].number == static_cast<int>(k) + 1);
  CHECK(cells_of(lines[0]) == Cells{"支出决算表", "", "", "", ""});
  CHECK(lines[1].blank());  // a line of empty fields is blank, as a line of tabs is
  CHECK(cells_of(lines[2]) == Cells{"项目", "", "本年支出合计", "基本支出", "项目支出"});
  CHECK(cells_of(lines[3]) == Cells{"合计", "", "1,802.64", "1,000.00", "802.64"});
  CHECK(cells_of(lines[4]) == Cells{"201", "一般公共服务支出 \"类\"", "1,802.64", "", ""});

  // Fields filled on every line, none quoted: a sheet by the figures alone
  // in their fields, on every line but its header.
  const auto plain = lines_of("项目,本年收入,本年支出\n合计,1802.64,1802.64\n一般公共服务支出,1802.64,1000.5\n");
  REQUIRE(plain.size() == 3);
  for (const Line& l : plain) CHECK(l.cell_spans.size() == 3);
  CHECK(cells_of(plain[2]) == Cells{"一般公共服务支出", "1802.64", "1000.5"});

  // A table of words whose rows are numbered (序号), a sentence in a cell.
  const auto words = lines_of(
      "序号,重要事项,完成情况\n"
      "1,推进政务信息化建设,全年完成整改。\n"
      "2,探索网上群众工作机制,按时办结率100%。\n");
  for (const Line& l : words) CHECK(l.cell_spans.size() == 3);
}

TEST_CASE("prose with ASCII commas is not read as a sheet", "[unit][normalize]") {
  // Full-width commas folded to ASCII by a converter: lines of the same
  // number of clauses, a figure's thousands comma among them.
  const std::string prose =
      "一是加强预算管理,二是规范支出,三是提高资金使用效益。\n"
      "四是完善制度,五是强化监督,六是推进公开。\n"
      "本年支出1,234,567.89元,较上年增加12.5%,主要是人员增加。\n"
      "其中基本支出1,000,000.00元,项目支出234,567.89元,无其他支出。\n";
  for (const Line& l : lines_of(prose)) {
    INFO(l.text);
    CHECK_FALSE(l.is_cell_line());
  }
  CHECK(lines_of(prose)[2].text == "本年支出1,234,567.89元,较上年增加12.5%,主要是人员增加。");

  // Prose cut inside figures, in runs of lines of the same number of
  // fields (a blank line between runs), each of which a sheet would be
  // without one of the rules: lines that start with a figure's end ("6%"),
  // a figure's decimals after its thousands ("19,801,676.60"), a line that
  // ends with a figure's comma and one that starts with the rest.
  const std::string wrapped =
      "用于缴纳公积金,支出决算18877239元,完成年初预算的31.4\n"
      "6%,用于政府投资信息化项目专项资金,较上年增加1887723\n"
      "9元,增长100%,主要原因是新增\n"
      "22%,用于缴纳单位人员住房公积金,较上年增加17\n"
      "\n"
      "收入总计19,801,676.60,增长89.43%\n"
      "支出总计19,801,676.60,增长89.43%\n"
      "\n"
      "收入总计增加19,801,676.60元,增长89.43%,支出总计增加19,\n"
      ",676.60元,增长89.43%,主要是项目增加,其中基本支出增加1,项目支出增加2\n";
  for (const Line& l : lines_of(wrapped)) {
    INFO(l.text);
    CHECK_FALSE(l.is_cell_line());
  }

  // A note right below a sheet whose commas are ASCII: the sheet's rows are
  // cells, the note (not the sheet's width, no empty or figure field) text.
  const auto below = lines_of(
      "项目,,金额\n"
      "合计,,100.00\n"
      "注:本表反映部门收入情况, 不含专户资金, 单位为万元。\n");
  REQUIRE(below.size() == 3);
  CHECK(below[0].is_cell_line());
  CHECK(below[1].is_cell_line());
  CHECK_FALSE(below[2].is_cell_line());
  CHECK(below[2].text == "注:本表反映部门收入情况, 不含专户资金, 单位为万元。");

  // A lone line, a quote left open, a tab or an HTML row: never a sheet's.
  CHECK_FALSE(lines_of("合计,,100.00,200.00\n")[0].is_cell_line());
  for (const Line& l : lines_of("\"合计,,100.00\n\"小计,,50.00\n")) CHECK_FALSE(l.is_cell_line());
  const auto tabbed = lines_of("合计\t1,000.00\t2,000.00\n小计\t1,000.00\t2,000.00\n");
  CHECK(cells_of(tabbed[0]) == Cells{"合计", "1,000.00", "2,000.00"});
  const auto html = lines_of("<tr><td>合计</td><td>1,000.00</td><td>2,000.00</td></tr>\n"
                             "<tr><td>小计</td><td>1,000.00</td><td>,</td></tr>\n");
  CHECK(cells_of(html[0]) == Cells{"合计", "1,000.00", "2,000.00"});
  CHECK(cells_of(html[1]) == Cells{"小计", "1,000.00", ","});
}
