// The pipeline: check the input, split and normalize lines, read tables,
// report facts and narrative. Bad input becomes messages, never a crash.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <map>

#include "claims.h"
#include "internal.h"
#include "templates.h"
#include "../rules/rules.h"

namespace hezhang {

namespace {

int line_of_offset(std::string_view text, std::size_t offset) {
  // Same line ends as the splitter: \n, \r\n and a lone \r.
  int line = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n'))) ++line;
  return line;
}

// Binary data: NUL bytes, or many control characters that no text has.
bool looks_binary(std::string_view text) {
  // Counted from a table, with no test per byte: this reads every byte. A
  // NUL weighs 2^40, past the threshold below for any input: the same pass
  // finds it, where a search of its own read the whole input again. Once
  // the count reaches 2^40 the answer is known; stopping there also keeps
  // the count from overflowing (2^24 NULs would wrap it to 0).
  constexpr std::uint64_t kNul = std::uint64_t{1} << 40;
  static constexpr auto kControl = [] {
    std::array<std::uint64_t, 256> weight{};
    weight[0] = kNul;
    for (int c = 1; c < 0x20; ++c) weight[c] = c != '\t' && c != '\n' && c != '\r' && c != '\f';
    return weight;
  }();
  // Eight bytes at a time, counted only where one is below 0x20 (line ends
  // and tabs).
  std::uint64_t controls = 0;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    if (bytes_below(load_word(text.data() + i), 0x20) == 0) continue;
    for (std::size_t k = i; k < i + 8; ++k) controls += kControl[static_cast<unsigned char>(text[k])];
    if (controls >= kNul) return true;
  }
  for (; i < text.size(); ++i) controls += kControl[static_cast<unsigned char>(text[i])];
  return controls > 16 && controls * 100 > text.size();
}

// UTF-16 text (Windows' "Unicode" text, a spreadsheet saved as "Unicode
// text"), which looks_binary refuses for its NULs: a byte-order mark, or
// NULs nearly all in the even or nearly all in the odd bytes (the high byte
// of each ASCII character). Told apart so that the message says what to do.
bool looks_utf16(std::string_view text) {
  if (utf16_bom_encoding(text)) return true;
  std::size_t nuls[2] = {0, 0};
  // The first 64 KiB decide: enough for any report's first lines.
  const std::size_t n = std::min<std::size_t>(text.size(), 1 << 16);
  for (std::size_t i = 0; i < n; ++i) nuls[i & 1] += text[i] == '\0';
  const std::size_t most = std::max(nuls[0], nuls[1]), fewest = std::min(nuls[0], nuls[1]);
  // Ideographs whose low byte is 0 (U+4E00 一, frequent in reports) put a few
  // NULs in the other half; random bytes put as many in each.
  return most >= 8 && most >= 4 * fewest;
}

// Whether text at i starts with `word`, ASCII letters in either case.
bool starts_with_ci(std::string_view text, std::size_t i, std::string_view word) {
  if (text.size() - i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    char c = text[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[k]) return false;
  }
  return true;
}

// A saved web page's head (title, styles, scripts), <style> and <script>
// blocks and <!-- comments --> (a word processor's run for pages), which
// span lines and hold no text of the report: written over with spaces in a
// copy, line ends kept so that every line keeps its number. False (and `out`
// untouched) when the text has none, as plain text and markdown never do.
// A block holding invalid UTF-8 is left for the check of the lines to report.
bool blank_html_blocks(std::string_view text, std::string& out) {
  struct Block {
    std::string_view open, close;
  };
  static constexpr Block kBlocks[] = {
      {"<!--", "-->"}, {"<head>", "</head>"}, {"<head ", "</head>"}, {"<style", "</style>"}, {"<script", "</script>"}};
  // A kind of block found once never closed is never closed further on:
  // not looked for again (else a text of many "<style" would be quadratic).
  bool unclosed[std::size(kBlocks)] = {};
  bool blanked = false;
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    const Block* block = nullptr;
    for (const Block& b : kBlocks)
      if (!unclosed[&b - kBlocks] && starts_with_ci(text, i, b.open)) {
        block = &b;
        break;
      }
    if (block == nullptr) continue;
    // Its close, in either case: a comment's anywhere, a tag's at a '<'.
    std::size_t end = i + block->open.size();
    if (block->close == "-->"sv) {
      end = text.find("-->", end);
    } else {
      while (end != std::string_view::npos && !starts_with_ci(text, end, block->close)) end = text.find('<', end + 1);
    }
    if (end == std::string_view::npos) {  // never closed: left as it is
      unclosed[block - kBlocks] = true;
      continue;
    }
    end += block->close.size();
    if (find_invalid_utf8(text.substr(i, end - i)) != std::string_view::npos) continue;
    if (!blanked) out.assign(text);
    blanked = true;
    for (std::size_t k = i; k < end; ++k)
      if (out[k] != '\n' && out[k] != '\r') out[k] = ' ';
    i = end - 1;
  }
  return blanked;
}

// Whether the '<' at text[i] opens `tag` ("tr") or closes it ("/tr"), in
// either case and followed by '>' or a space.
bool tag_at(std::string_view text, std::size_t i, std::string_view tag) {
  const std::size_t after = i + 1 + tag.size();
  return starts_with_ci(text, i + 1, tag) && after < text.size() &&
         (text[after] == '>' || text[after] == ' ' || text[after] == '\t' || text[after] == '\n' ||
          text[after] == '\r');
}

// The next '<' at or after `from` that opens or closes `tag`; npos when none.
std::size_t find_tag(std::string_view text, std::size_t from, std::string_view tag) {
  for (std::size_t i = text.find('<', from); i != std::string_view::npos; i = text.find('<', i + 1))
    if (tag_at(text, i, tag)) return i;
  return std::string_view::npos;
}

// A table row written over several lines, as word processors and most web
// pages write one (each <td> on its own line): the row is put on the line
// where its <tr> stands and the line ends it held follow it, blank, so that
// every other line keeps its number. A row ends at its </tr>, else (HTML may
// leave it out) where the next row or the table ends. False (and `out`
// untouched) when no row spans lines.
bool gather_html_rows(std::string_view text, std::string& out) {
  std::size_t open = find_tag(text, 0, "tr");
  if (open == std::string_view::npos) return false;
  bool gathered = false;
  std::string result;
  std::size_t copied = 0;  // text before this is in result
  // Each tag's next place, looked for again only once passed (rows without
  // </tr> in a long table would make a search from every row quadratic);
  // npos stays npos: none further on either.
  std::size_t next_close = find_tag(text, open, "/tr"), next_open = open,
              next_table_end = find_tag(text, open, "/table");
  const auto next_tag = [&](std::size_t& cached, std::size_t from, std::string_view tag) {
    if (cached != std::string_view::npos && cached < from) cached = find_tag(text, from, tag);
    return cached;
  };
  while (open != std::string_view::npos) {
    const std::size_t close = next_tag(next_close, open + 3, "/tr");
    const std::size_t next = next_tag(next_open, open + 3, "tr");
    const std::size_t table_end = next_tag(next_table_end, open + 3, "/table");
    std::size_t end = std::min({close, next, table_end, text.size()});
    if (end == close) {
      const std::size_t gt = text.find('>', close);
      end = gt == std::string_view::npos ? text.size() : gt + 1;
    }
    const std::string_view row = text.substr(open, end - open);
    // A row holding invalid UTF-8 stays where it is, for the line check to
    // report on the byte's own line.
    if ((row.find('\n') != std::string_view::npos || row.find('\r') != std::string_view::npos) &&
        find_invalid_utf8(row) == std::string_view::npos) {
      if (!gathered) result.reserve(text.size());
      gathered = true;
      result.append(text.substr(copied, open - copied));
      std::size_t line_ends = 0;
      for (std::size_t k = 0; k < row.size(); ++k) {
        if (row[k] == '\r' || row[k] == '\n') {
          ++line_ends;
          if (row[k] == '\r' && k + 1 < row.size() && row[k + 1] == '\n') ++k;  // \r\n: one line end
          result += ' ';
        } else {
          result += row[k];
        }
      }
      result.append(line_ends, '\n');
      copied = end;
    }
    open = next_tag(next_open, end, "tr");
  }
  if (!gathered) return false;
  result.append(text.substr(copied));
  out.swap(result);
  return true;
}

// The value of attribute `name` ("colspan") in the tag text[open, close)
// (quoted or not; 0 when it is not a number), npos when the tag has none.
std::size_t span_attribute(std::string_view text, std::size_t open, std::size_t close, std::string_view name) {
  for (std::size_t i = open + 3; i + name.size() < close; ++i) {
    if (!starts_with_ci(text, i, name) || (text[i - 1] != ' ' && text[i - 1] != '\t' && text[i - 1] != '"' &&
                                           text[i - 1] != '\''))
      continue;
    std::size_t k = i + name.size();
    while (k < close && text[k] == ' ') ++k;
    if (k >= close || text[k] != '=') continue;
    ++k;
    while (k < close && (text[k] == ' ' || text[k] == '"' || text[k] == '\'')) ++k;
    std::size_t value = 0;
    // At most 5 digits: rowspan's largest (65534) fits; more is the same.
    for (int digits = 0; k < close && text[k] >= '0' && text[k] <= '9' && digits < 5; ++k, ++digits)
      value = value * 10 + static_cast<std::size_t>(text[k] - '0');
    return value;
  }
  return std::string_view::npos;
}

// Merged cells (colspan / rowspan), as converters write a table's headers:
// each cell a merged one covers becomes an empty cell of its own, where a
// tab-separated table has one, so that every row keeps its columns. Cells
// are put in as "<td></td>" before the tag that follows (no line end is
// added: every line keeps its number). False (and `out` untouched) when no
// cell is merged. `max_added` bounds the bytes put in (a hostile page of
// colspan=1000 cells); past it the rest is left as it is, with a warning.
bool expand_merged_cells(std::string_view text, std::size_t max_added, std::string& out,
                         std::vector<InputMessage>& messages) {
  // Most text has neither attribute: "pan" looked for ("colspan",
  // "ColSpan"), then "PAN".
  const auto merges = [&] {
    for (std::string_view tail : {"pan"sv, "PAN"sv})
      for (std::size_t i = text.find(tail); i != std::string_view::npos; i = text.find(tail, i + 1))
        if (i >= 4 && (starts_with_ci(text, i - 4, "colspan") || starts_with_ci(text, i - 4, "rowspan"))) return true;
    return false;
  };
  if (!merges()) return false;
  constexpr std::string_view kEmptyCell = "<td></td>";
  // Columns are at most this many wide (a table of figures has tens):
  // HTML's own limit is 1000.
  constexpr std::size_t kMaxColumns = 256;
  struct Grid {
    std::vector<std::size_t> covered_until;  // per column: the first row no rowspan above covers
    std::size_t row = 0, column = 0, pending = 0;
    bool in_row = false;
  };
  std::vector<Grid> tables;  // nested tables, innermost last
  std::string result;
  result.reserve(text.size() + text.size() / 4);
  std::size_t copied = 0, added = 0;
  bool expanded = false, limited = false;
  // Empty cells put in at `at` for the columns from the row's cursor that
  // cells before cover: the rest of a colspan, then those a rowspan from a
  // row above holds (at a row's end, through the last such column).
  const auto fill = [&](Grid& g, std::size_t at, bool row_end) {
    if (limited) return;  // past the bound nothing is put in: not even counted
    std::size_t n = g.pending;
    g.column += g.pending;
    g.pending = 0;
    while (g.column < g.covered_until.size() && g.covered_until[g.column] > g.row) {
      ++n;
      ++g.column;
    }
    if (row_end) {
      // Covered columns past the last cell, up to the last covered one.
      std::size_t last = g.column;
      for (std::size_t c = g.column; c < g.covered_until.size(); ++c)
        if (g.covered_until[c] > g.row) last = c + 1;
      n += last - g.column;
      g.column = last;
    }
    if (n == 0) return;
    if (added + n * kEmptyCell.size() > max_added) {
      limited = true;
      return;
    }
    result.append(text.substr(copied, at - copied));
    copied = at;
    for (std::size_t k = 0; k < n; ++k) result.append(kEmptyCell);
    added += n * kEmptyCell.size();
    expanded = true;
  };
  const auto end_row = [&](Grid& g, std::size_t at) {
    if (!g.in_row) return;
    fill(g, at, true);
    g.in_row = false;
    ++g.row;
  };
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    if (tag_at(text, i, "table")) {
      tables.emplace_back();
    } else if (tables.empty() && !tag_at(text, i, "tr")) {
      continue;  // a row opens a table when none is open: a page's fragment may leave <table> out
    } else if (tag_at(text, i, "/table")) {
      end_row(tables.back(), i);
      tables.pop_back();
    } else if (tag_at(text, i, "tr")) {
      if (tables.empty()) tables.emplace_back();
      Grid& g = tables.back();
      end_row(g, i);
      g.in_row = true;
      g.column = 0;
    } else if (tag_at(text, i, "/tr")) {
      end_row(tables.back(), i);
    } else if (tag_at(text, i, "td") || tag_at(text, i, "th")) {
      Grid& g = tables.back();
      if (!g.in_row) continue;  // a cell outside any row: left as it is
      fill(g, i, false);
      const std::size_t close = text.find('>', i);
      if (close == std::string_view::npos) break;
      // As browsers read them: colspan 0 or none is 1; rowspan none is 1,
      // and 0 runs to the table's end.
      std::size_t columns = span_attribute(text, i, close, "colspan");
      columns = columns == std::string_view::npos || columns == 0 ? 1 : std::min(columns, kMaxColumns);
      std::size_t rows = span_attribute(text, i, close, "rowspan");
      rows = rows == std::string_view::npos ? 1 : rows == 0 ? 65534 : rows;
      if (rows > 1 && g.column + columns <= kMaxColumns) {
        if (g.covered_until.size() < g.column + columns) g.covered_until.resize(g.column + columns, 0);
        for (std::size_t c = g.column; c < g.column + columns; ++c) g.covered_until[c] = g.row + rows;
      }
      g.column += 1;
      g.pending = columns - 1;
      i = close;
    }
  }
  if (!expanded) return false;
  result.append(text.substr(copied));
  out.swap(result);
  if (limited)
    messages.push_back(make_message(
        "input.merged_cells_limited", "warning", 0,
        "表格中合并单元格过多，超出部分未展开，这些表格的列可能错位。",
        "Too many merged table cells: the rest were not expanded, so those tables' columns may be misaligned."));
  return true;
}

}  // namespace

Options options_from_json(std::string_view json, std::string* error) {
  Options o;
  if (json.empty()) return o;
  auto j = nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    if (error) *error = "options are not a JSON object";
    return o;
  }
  auto str = [&](const char* k, std::string& out) {
    if (j.contains(k) && j[k].is_string()) out = j[k].get<std::string>();
  };
  auto num = [&](const char* k, auto& out) {
    // Saturating: a limit too large for its field means "as large as it goes", never a wrap.
    using T = std::remove_reference_t<decltype(out)>;
    if (j.contains(k) && j[k].is_number_unsigned())
      out = static_cast<T>(std::min<std::uint64_t>(j[k].get<std::uint64_t>(), std::numeric_limits<T>::max()));
  };
  str("name", o.name);
  str("encoding", o.encoding);
  num("input_bytes", o.input_bytes);
  num("max_input_bytes", o.limits.max_input_bytes);
  num("max_line_bytes", o.limits.max_line_bytes);
  num("max_tables", o.limits.max_tables);
  num("max_cells_per_table", o.limits.max_cells_per_table);
  num("max_number_digits", o.limits.max_number_digits);
  return o;
}

Report analyze(std::string_view text, const Options& options) {
  return analyze_marked(text, options, nullptr, nullptr);
}

Report analyze_marked(std::string_view text, const Options& options, PhaseMark mark, void* context) {
  const auto phase_done = [&](const char* phase) {
    if (mark) mark(context, phase);
  };
  Report r;
  // See model.h. Every return below keeps it so: the input's UTF-8 is
  // checked as it is read (or was by the caller, options.utf8_checked; a
  // byte that caller missed becomes U+FFFD).
  r.strings_valid_utf8 = true;
  r.input.name = options.name;
  r.input.encoding = options.encoding;
  r.input.bytes = options.input_bytes ? options.input_bytes : text.size();

  if (text.size() > options.limits.max_input_bytes) {
    r.messages.push_back(make_message(
        "input.too_large", "error", 0,
        "输入过大（" + megabytes(text.size()) + "），超过上限 " + megabytes(options.limits.max_input_bytes) +
            "。请拆分后分别检查，或提高上限。",
        "The input is too large (" + megabytes(text.size()) + "); the limit is " +
            megabytes(options.limits.max_input_bytes) + ". Split it, or raise the limit."));
    return r;
  }
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.remove_prefix(3);

  if (looks_binary(text)) {
    r.messages.push_back(
        looks_utf16(text)
            ? make_message("input.utf16", "error", 0,
                           "输入是 UTF-16 编码的文本（Windows 的“Unicode”格式），无法直接读取。请另存为 UTF-8 "
                           "后再检查（网页和命令行工具能自动转换以字节顺序标记 BOM 开头的 UTF-16 文件）。",
                           "The input is UTF-16 text (Windows' \"Unicode\"), which cannot be read as it is. "
                           "Save it as UTF-8 and check it again (the page and the command-line tool convert "
                           "UTF-16 files that start with a byte-order mark).")
            : make_message("input.binary", "error", 0,
                           "输入看起来是二进制文件，不是文本报告。请粘贴或上传文本（.txt/.md/.html）。",
                           "The input looks like a binary file, not a text report. Paste or upload text "
                           "(.txt/.md/.html)."));
    return r;
  }
  // A web page's text: its head and styles blanked, then its rows each on one line.
  std::string page_text, page_rows;
  if (blank_html_blocks(text, page_text)) text = page_text;
  if (gather_html_rows(text, page_rows)) text = page_rows;
  std::string page_cells;
  if (expand_merged_cells(text, text.size() + (1u << 20), page_cells, r.messages)) text = page_cells;
  phase_done("input");

  // The UTF-8 is checked as the lines are read (split_lines): a pass of its
  // own had been 4% of an analysis. Nothing read before an invalid byte
  // is kept (its lines, the warnings about them): the refusal stands alone.
  int number = 0;
  std::size_t bad = std::string_view::npos;
  const std::size_t messages_before = r.messages.size();
  std::vector<Line> lines =
      split_lines(text, options.limits, r.messages, number, options.utf8_checked ? nullptr : &bad);
  if (bad != std::string_view::npos) {
    r.messages.resize(messages_before);
    int line = line_of_offset(text, bad);
    r.messages.push_back(make_message(
        "input.invalid_utf8", "error", line,
        "第 " + std::to_string(line) + " 行含有无效的 UTF-8 字节：文件可能是 GB18030/GBK 编码，请转换为 UTF-8 后再检查。",
        "Line " + std::to_string(line) + " holds invalid UTF-8 bytes: the file may be GB18030/GBK encoded; convert it to UTF-8 first."));
    return r;
  }
  phase_done("lines");
  bool any_text = false;
  for (const Line& l : lines) any_text = any_text || !l.blank() || l.is_cell_line();
  r.input.lines = text.empty() ? 0 : number;
  if (!any_text) {
    r.messages.push_back(make_message("input.empty", "error", 0,
                                      "输入为空：请粘贴或上传一份部门预算或决算公开报告。",
                                      "The input is empty: paste or upload a budget or final-accounts report."));
    return r;
  }

  lift_caption_rows(lines);
  std::vector<bool> in_table;
  std::vector<InputMessage> table_messages;
  r.tables = extract_tables(lines, options.limits, in_table, table_messages);
  r.document = detect_document(lines, r.tables);
  // Several reports pasted together: check the first alone, never a mix of
  // their tables, and say where the next one starts.
  SecondReport second = find_second_report(lines, r.tables, r.document);
  if (second.index < lines.size()) {
    int at = lines[second.index].number;
    std::string from = std::to_string(at), upto = std::to_string(at - 1);
    r.messages.push_back(make_message(
        second.same ? "input.repeated_report" : "input.multiple_reports", "warning", at,
        second.same ? "第 " + from + " 行起是同一份报告的重复粘贴：只核对了第一份（第 1–" + upto + " 行）。"
                    : "第 " + from + " 行起似乎是另一份报告：只核对了第一份报告（第 1–" + upto +
                          " 行），两份报告的表格没有混在一起核对。请分别检查每份报告。",
        second.same ? "From line " + from + " the same report is pasted again: only the first copy (lines 1–" +
                          upto + ") was checked."
                    : "From line " + from + " the text seems to be another report: only the first report (lines 1–" +
                          upto + ") was checked, and the tables of the two were not mixed. Check each report separately."));
    lines.resize(second.index);
    table_messages.clear();
    r.tables = extract_tables(lines, options.limits, in_table, table_messages);
    r.document = detect_document(lines, r.tables);
  }
  r.messages.insert(r.messages.end(), table_messages.begin(), table_messages.end());
  enforce_number_digits(r.tables, options.limits, r.messages);
  phase_done("tables");
  r.sections = extract_sections(lines, in_table);
  phase_done("sections");
  r.claims = extract_claims(r.sections, r.tables);
  phase_done("claims");
  link_claims(r);
  phase_done("link");
  run_rules(r);
  phase_done("rules");
  if (r.tables.empty()) {
    bool report_like = !r.document.kind.empty();
    r.messages.push_back(make_message(
        "input.no_tables", "warning", 0,
        report_like ? "未找到报表表格：只能核对文字说明中的数字。"
                    : "未找到报表表格，也不像部门预算或决算报告：请确认粘贴的是完整报告。",
        report_like ? "No report tables found: only the figures in the narrative can be checked."
                    : "No report tables found, and the text does not look like a budget or final-accounts report: check that the whole report was pasted."));
  }
  return r;
}

std::string analyze_to_json(std::string_view text, const Options& options) {
  return to_json(analyze(text, options));
}

std::string to_text(const Report& r, std::string_view lang) {
  bool zh = lang != "en"sv;
  std::string out;
  out += "== " + r.input.name + " (" + r.input.encoding + ", " + std::to_string(r.input.bytes) +
         (zh ? " 字节, " : " bytes, ") + std::to_string(r.input.lines) + (zh ? " 行)\n" : " lines)\n");
  if (!r.document.kind.empty()) {
    std::string kind = r.document.kind == "budget"sv ? (zh ? "预算" : "budget")
                                                   : (zh ? "决算" : "final accounts");
    out += (zh ? "报告：" : "Report: ") + r.document.department + " " +
           std::to_string(r.document.year) + " " + kind +
           (r.document.unit.empty() ? "" : (zh ? "，单位 " : ", unit ") + r.document.unit) + "\n";
  }
  for (const InputMessage& m : r.messages)
    out += std::string(m.severity == "error"sv ? (zh ? "错误" : "error") : (zh ? "提示" : "note")) +
           (m.line ? " L" + std::to_string(m.line) : "") + " [" + m.id + "] " +
           (zh ? m.message_zh : m.message_en) + "\n";
  out += (zh ? "表格 " : "Tables ") + std::to_string(r.tables.size()) + "\n";
  for (const Table& t : r.tables) {
    const TemplateInfo* info = find_template(t.template_id);
    std::string name = info ? (zh ? info->name_zh : info->name_en) : (zh ? "未识别" : "unrecognised");
    out += "  " + t.id + " L" + std::to_string(t.first_line) + "-" + std::to_string(t.last_line) +
           " " + (t.label.empty() ? "" : t.label + " ") + name + " [" + t.template_id + "] " +
           (t.unit.empty() ? "?" : t.unit) + ", " + std::to_string(t.rows.size()) +
           (zh ? " 行" : " rows") +
           (t.formulas.empty() ? "" : ", " + std::to_string(t.formulas.size()) + (zh ? " 个公式" : " formulas")) +
           (t.declared_empty ? (zh ? "，声明为空表" : ", declared empty") : "") + "\n";
  }
  std::size_t sentences = 0;
  for (const Section& s : r.sections) sentences += s.sentences.size();
  out += (zh ? "说明章节 " : "Sections ") + std::to_string(r.sections.size()) +
         (zh ? "，句子 " : ", sentences ") + std::to_string(sentences) + "\n";
  // How much could be checked, so "not checked" never reads as "passed".
  std::map<std::string, int> status;
  for (const CheckEntry& c : r.checks) ++status[c.status];
  out += (zh ? "核对 " : "Checks ") + std::to_string(r.checks.size()) + (zh ? " 项：通过 " : ": passed ") +
         std::to_string(status["passed"]) + (zh ? "，不一致 " : ", failed ") + std::to_string(status["failed"]) +
         (zh ? "，尾差 " : ", rounding ") + std::to_string(status["rounding"]) +
         (zh ? "，不适用 " : ", not applicable ") + std::to_string(status["not_applicable"]) +
         (zh ? "，数据不足无法核对 " : ", insufficient data ") + std::to_string(status["insufficient_data"]) +
         (zh ? "，无法判断 " : ", ambiguous ") + std::to_string(status["ambiguous"]) + "\n";
  int material = 0;
  for (const Finding& f : r.findings) material += f.materiality == "material"sv;
  if (r.checks.empty())
    out += zh ? "没有可核对的表格关系：本报告未被核对（文字说明的核对尚未实现）。\n"
              : "No table relation could be checked: this report was not verified (narrative checks are not implemented yet).\n";
  else if (r.findings.empty())
    out += zh ? "未发现数字不一致。\n" : "No inconsistent figures found.\n";
  else
    out += (zh ? "发现 " : "Findings: ") + std::to_string(material) + (zh ? " 处实质性不一致，" : " material, ") +
           std::to_string(r.findings.size() - static_cast<std::size_t>(material)) +
           (zh ? " 处四舍五入尾差提示：\n" : " rounding notes:\n");
  for (const Finding& f : r.findings)
    out += "  [" + f.severity + "] L" + std::to_string(f.first_line) + " " + f.rule + ": " +
           (zh ? f.message_zh : f.message_en) + "\n";
  return out;
}

}  // namespace hezhang
