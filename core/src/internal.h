// Internal interfaces between the stages of the pipeline:
//   text (lines) -> tables -> document facts -> narrative -> JSON.
#pragma once

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hezhang/hezhang.h"
#include "word_bytes.h"  // kEachByte, load_word, bytes_below, bytes_equal


namespace hezhang {

// x == "…"sv: a length check, then an inline compare (a std::string against
// a const char* calls strlen and memcmp out of line, in loops over every row
// and line).
using namespace std::string_view_literals;

// ---- a word at a time (the byte tests themselves: word_bytes.h) ---------
// Characters in the n bytes at p: the bytes that are not UTF-8 continuations
// (10xxxxxx), counted eight at a time (the marks summed by a multiply).
inline std::size_t count_code_points(const char* p, std::size_t n) {
  std::size_t continuations = 0, i = 0;
  for (; i + 8 <= n; i += 8) {
    const std::uint64_t w = load_word(p + i);
    continuations += static_cast<std::size_t>(((w & ~(w << 1) & kEachByte * 0x80) >> 7) * kEachByte >> 56);
  }
  for (; i < n; ++i) continuations += (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return n - continuations;
}

// ---- text.cpp: UTF-8 and normalization -----------------------------------

// Returns the byte offset of the first invalid UTF-8 sequence, or npos.
std::size_t find_invalid_utf8(std::string_view text);

// analyze() with mark(context, phase) called as each phase ends ("input",
// "lines", "tables", "sections", "claims", "link", "rules"; none after input
// that is refused): bench/harness.cpp times the phases with it. analyze()
// passes no mark.
using PhaseMark = void (*)(void* context, const char* phase);
Report analyze_marked(std::string_view text, const Options& options, PhaseMark mark, void* context);

// Where the run of 3-byte UTF-8 characters starting at text[i] ends (i when
// none starts there), counting only leads E1..EC, EE and EF, whose
// characters cannot be overlong forms or surrogates: most of a Chinese
// report. Two characters are read as one word, their leads and
// continuation bits tested together; then one at a time, the last few byte
// by byte. Forced inline into its two callers (the UTF-8 check and the JSON
// writer, both per run of text): GCC inlines it anyway, clang kept it a call
// in WebAssembly, most of whose runs are a few characters long.
__attribute__((always_inline)) inline std::size_t three_byte_run_end(std::string_view text, std::size_t i) {
  std::size_t j = i;
  for (; j + 8 <= text.size(); j += 6) {
    const std::uint64_t w = load_word(text.data() + j);  // little-endian: text[j] lowest
    if ((w & 0xC0C0F0C0C0F0u) != 0x8080E08080E0u) break;
    const auto lead0 = static_cast<unsigned char>(w), lead1 = static_cast<unsigned char>(w >> 24);
    if (lead0 == 0xE0 || lead0 == 0xED || lead1 == 0xE0 || lead1 == 0xED) break;
  }
  for (; j + 4 <= text.size(); j += 3) {
    std::uint32_t w;
    std::memcpy(&w, text.data() + j, 4);
    const std::uint32_t bytes = w & 0xFFFFFF;  // lead, then the two continuations
    const std::uint32_t lead = bytes & 0xFF;
    if ((bytes & 0xC0C0F0) != 0x8080E0 || lead == 0xE0 || lead == 0xED) return j;
  }
  for (; j + 3 <= text.size(); j += 3) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    if (byte(j) < 0xE1 || byte(j) > 0xEF || byte(j) == 0xED || (byte(j + 1) & 0xC0) != 0x80 ||
        (byte(j + 2) & 0xC0) != 0x80)
      break;
  }
  return j;
}

// The code point at s[i] and the length of its UTF-8 (RFC 3629: no
// overlong forms, surrogates or values past U+10FFFF), or 0 when s[i]
// starts no valid character.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp);
// The same, advancing i past it: U+FFFD and one byte where none starts.
char32_t next_code_point(std::string_view text, std::size_t& i);
void append_utf8(std::string& out, char32_t cp);

bool is_cjk(char32_t cp);  // ideographs and CJK/full-width punctuation

// Where one cell of a Line sits in its text.
struct CellSpan {
  std::size_t begin = 0, size = 0;
};

// The cells of a Line, as views of its text: valid while the Line is
// neither changed, moved nor destroyed (a short text lives inside the Line
// object). A cell line's text is its cells joined by '\t', so cells kept as
// strings of their own had been a copy and often an allocation each.
class LineCells {
 public:
  LineCells(std::string_view text, const std::vector<CellSpan>& spans) : text_(text), spans_(&spans) {}
  std::size_t size() const { return spans_->size(); }
  bool empty() const { return spans_->empty(); }
  std::string_view operator[](std::size_t c) const {
    const CellSpan& s = (*spans_)[c];
    return text_.substr(s.begin, s.size);
  }
  // Holds what its LineCells holds (a view and a pointer), so an iterator
  // outlives the LineCells it came from.
  class iterator {
   public:
    iterator(std::string_view text, const CellSpan* span) : text_(text), span_(span) {}
    std::string_view operator*() const { return text_.substr(span_->begin, span_->size); }
    iterator& operator++() { ++span_; return *this; }
    bool operator!=(const iterator& o) const { return span_ != o.span_; }
   private:
    std::string_view text_;
    const CellSpan* span_;
  };
  iterator begin() const { return {text_, spans_->data()}; }
  iterator end() const { return {text_, spans_->data() + spans_->size()}; }

 private:
  std::string_view text_;
  const std::vector<CellSpan>* spans_;
};

// One physical line of the user's text, normalized. A physical line may give
// several logical lines (an HTML table row per <tr>), all with its number.
struct Line {
  int number = 0;                    // 1-based line in the original text
  std::string text;                  // normalized; cells joined by '\t'
  std::vector<CellSpan> cell_spans;  // split on tab / '|' / <td>; trimmed
  bool markdown_heading = false;     // the line started with '#'
  bool toc_entry = false;            // table-of-contents line ("一、…......  2")
  LineCells cells() const { return {text, cell_spans}; }
  bool is_cell_line() const { return cell_spans.size() >= 2; }
  bool blank() const { return text.empty(); }
  // Makes the line's text `cells` joined by '\t' (none holds a tab).
  void set_cells(const std::vector<std::string>& cells);
};

// Maps one code point to its normalized form; returns false to drop it.
bool map_code_point(char32_t cp, char32_t& out);
// The length of the UTF-8 character at raw[i] when it is copied unchanged
// (map_code_point leaves it as it is), else 0: normalization's fast path,
// which may send some unchanged characters the slow way but never a
// changed one (tests/cpp/normalize_test.cpp checks every code point).
std::size_t maps_to_itself(std::string_view raw, std::size_t i);

// Normalizes one physical line (full-width digits and signs to ASCII, odd
// spaces to ' ', <b>/<br>/<p> tags, markdown markers, LaTeX remnants) and
// splits it into cells. Appends one or more logical lines to `out`.
// The line's UTF-8 is checked as it is read: with invalid_at, a byte that
// starts no valid character stops it there (its offset in raw goes to
// *invalid_at, nothing is appended); without, each such byte becomes U+FFFD.
// Returns whether the line holds an ASCII comma once normalized (which a
// sheet saved as CSV puts between fields: split_lines asks no more of the
// lines without one).
bool normalize_line(std::string_view raw, int number, std::vector<Line>& out, std::size_t* invalid_at = nullptr);

// Splits text into physical lines (\n, \r\n or a lone \r) and normalizes
// each; a line longer than limits.max_line_bytes is kept blank, with an
// input.line_too_long message. Sets physical_lines to the count of lines.
// With first_invalid, stops at the first line that is not valid UTF-8 and
// sets *first_invalid to the offset in text of its first invalid byte
// (npos when every line is valid): analyze()'s check of the input, made as
// the text is read rather than in a pass of its own.
std::vector<Line> split_lines(std::string_view text, const Limits& limits, std::vector<InputMessage>& messages,
                              int& physical_lines, std::size_t* first_invalid = nullptr);

// Removes spaces that sit between two CJK characters ("行政事业单 位" ->
// "行政事业单位"): PDF conversion wraps names inside cells.
std::string join_wrapped(std::string_view text);

// Removes all ASCII spaces (for matching header and title keywords).
std::string without_spaces(std::string_view text);
// The index of the first ' ' or '\t' at or after `from`, or text.size().
// Eight bytes at a time: names and cells are scanned for spaces thousands
// of times per report, and find_first_of calls memchr once per byte.
// A found space's place is the word's first flagged byte; the last bytes
// are read as one word that overlaps those already read, not byte by byte.
inline std::size_t find_space_or_tab(std::string_view text, std::size_t from = 0) {
  const char* p = text.data();
  const std::size_t n = text.size();
  const auto spaces = [p](std::size_t at) {
    const std::uint64_t w = load_word(p + at);
    return bytes_equal(w, ' ') | bytes_equal(w, '\t');
  };
  std::size_t i = from;
  for (; i + 8 <= n; i += 8)
    if (const std::uint64_t z = spaces(i)) return i + first_flagged(z);
  if (i < n && n - from >= 8) {
    const std::uint64_t z = spaces(n - 8);  // bytes before i in it hold no space
    return z ? n - 8 + first_flagged(z) : n;
  }
  while (i < n && p[i] != ' ' && p[i] != '\t') ++i;
  return i;
}
// text without its spaces and tabs, written over out (its storage reused);
// first_space is where the first of them is (find_space_or_tab).
void write_without_spaces(std::string_view text, std::size_t first_space, std::string& out);
// The same text as without_spaces, as a view of `text` itself when it has no
// space or tab (most cells and names: no allocation), else of `buffer`,
// which then holds the copy. The view is valid while both are.
inline std::string_view without_spaces(std::string_view text, std::string& buffer) {
  const std::size_t first_space = find_space_or_tab(text);
  if (first_space == text.size()) return text;
  write_without_spaces(text, first_space, buffer);
  return buffer;
}

std::string trim(std::string_view text);
// The same, without a copy. This and the tests below are inline: called
// thousands of times per report, mostly with a literal whose length the
// compiler then knows.
inline std::string_view trimmed(std::string_view t) {
  std::size_t a = 0, b = t.size();
  while (a < b && (t[a] == ' ' || t[a] == '\t')) ++a;
  while (b > a && (t[b - 1] == ' ' || t[b - 1] == '\t')) --b;
  return t.substr(a, b - a);
}
int code_points(std::string_view text);  // characters, not bytes

// ---- decimal digits (a figure's, the JSON writer's numbers) -------------
// How many decimal digits m has (1 for 0): log10 from the bit width
// (1233 / 4096 is just above log10(2)), less one below that power of ten.
// m | 1 has m's digit count (only 10^k - 1, odd, is one below a power).
inline std::size_t decimal_digits(std::uint64_t m) {
  static constexpr std::uint64_t kPowers[20] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u,
                                                100000000u, 1000000000u, 10000000000u, 100000000000u,
                                                1000000000000u, 10000000000000u, 100000000000000u,
                                                1000000000000000u, 10000000000000000u, 100000000000000000u,
                                                1000000000000000000u, 10000000000000000000u};
  m |= 1;
  const auto t = static_cast<std::size_t>((64 - __builtin_clzll(m)) * 1233) >> 12;
  return t - (m < kPowers[t] ? 1 : 0) + 1;
}
// "00" "01" … "99": write_digits_backward's table.
struct DigitPairs {
  char digits[200];
  constexpr DigitPairs() : digits() {
    for (int k = 0; k < 100; ++k) digits[2 * k] = static_cast<char>('0' + k / 10), digits[2 * k + 1] = static_cast<char>('0' + k % 10);
  }
};
inline constexpr DigitPairs kDigitPairs{};
// The decimal digits of v written backwards so that they end at `end`, two
// at a time from the table, in 32 bits once the value fits (the 64-bit form
// below); returns where they start. A figure's length and digits (a count
// by division, std::to_chars) had taken 23 ns in WebAssembly and 9
// natively; with these, 15.5 and 8.
inline char* write_digits_backward(char* end, std::uint32_t v) {
  char* q = end;
  for (; v >= 100; v /= 100) q -= 2, std::memcpy(q, kDigitPairs.digits + 2 * (v % 100), 2);
  if (v >= 10) q -= 2, std::memcpy(q, kDigitPairs.digits + 2 * v, 2);
  else *--q = static_cast<char>('0' + v);
  return q;
}
inline char* write_digits_backward(char* end, std::uint64_t m) {
  char* q = end;
  for (; m > 0xFFFFFFFFu; m /= 100) q -= 2, std::memcpy(q, kDigitPairs.digits + 2 * (m % 100), 2);
  return write_digits_backward(q, static_cast<std::uint32_t>(m));
}

// Where `word` first occurs in `text` at or after `from` (npos if nowhere):
// what std::string_view::find returns, faster on Chinese text, where the
// lead byte that find stops at first (then calling memcmp) starts every
// third byte. Here a position is a candidate only when the word's first and
// last bytes both match, tested eight positions at a time (a byte of the
// XOR is zero where they match; the lowest such byte is exact and the rest
// are checked with memcmp, so a borrow's false candidate costs a compare).
inline std::size_t find_text(std::string_view text, std::string_view word, std::size_t from = 0) {
  const std::size_t n = text.size(), m = word.size();
  if (m == 0) return from <= n ? from : std::string_view::npos;
  if (m > n || from > n - m) return std::string_view::npos;
  if (m == 1) return text.find(word[0], from);
  const std::uint64_t first = kEachByte * static_cast<unsigned char>(word[0]);
  const std::uint64_t last = kEachByte * static_cast<unsigned char>(word[m - 1]);
  const char* t = text.data();
  // The first match among the eight positions from j, or npos. Forced
  // inline: called twice, GCC kept it a call (1.5% more instructions).
  const auto in_word = [&](std::size_t j) __attribute__((always_inline)) {
    const std::uint64_t x = (load_word(t + j) ^ first) | (load_word(t + j + m - 1) ^ last);
    for (std::uint64_t z = bytes_below(x, 1); z != 0; z &= z - 1) {
      const std::size_t k = j + first_flagged(z);
      if (t[k] == word[0] && t[k + m - 1] == word[m - 1] && std::memcmp(t + k + 1, word.data() + 1, m - 2) == 0)
        return k;
    }
    return std::string_view::npos;
  };
  std::size_t i = from;
  for (; i + 8 + m - 1 <= n; i += 8)
    if (const std::size_t k = in_word(i); k != std::string_view::npos) return k;
  // The last positions as one more word that overlaps those already tested
  // (none of which matched), when the text from `from` is long enough.
  if (i + m <= n && n - from >= 8 + m - 1) return in_word(n - m - 7);
  for (; i + m <= n; ++i)
    if (t[i] == word[0] && t[i + m - 1] == word[m - 1] && std::memcmp(t + i + 1, word.data() + 1, m - 2) == 0)
      return i;
  return std::string_view::npos;
}
// Which pairs of adjacent bytes occur in a text, hashed to 64 bits. A text
// can only contain (or equal) another when it has all of that one's pairs,
// so one AND rules out most of a keyword list before any search. Pairs, not
// single bytes: the bytes of a long caption cover most of 64 values, its
// pairs far fewer, and every keyword has at least two characters.
inline std::uint64_t pair_mask(std::string_view s) {
  std::uint64_t m = 0;
  for (std::size_t i = 1; i < s.size(); ++i) {
    const auto pair = static_cast<std::uint32_t>(static_cast<unsigned char>(s[i - 1]) << 8 |
                                                 static_cast<unsigned char>(s[i]));
    m |= std::uint64_t{1} << ((pair * 0x9E3779B1u) >> 26);
  }
  return m;
}
inline bool may_contain(std::uint64_t text_mask, std::uint64_t needle_mask) { return (needle_mask & ~text_mask) == 0; }
// The pair_mask of each entry's text_of(entry), in order: a keyword list's.
template <typename Entries, typename TextOf>
std::vector<std::uint64_t> pair_masks(const Entries& entries, TextOf text_of) {
  std::vector<std::uint64_t> masks;
  for (const auto& e : entries) masks.push_back(pair_mask(text_of(e)));
  return masks;
}
// Where `word` last occurs in `text` (npos if nowhere), as
// std::string_view::rfind(word), which compares from every byte.
inline std::size_t rfind_text(std::string_view text, std::string_view word) {
  const std::size_t n = text.size(), m = word.size();
  if (m > n) return std::string_view::npos;
  if (m == 0) return n;
  const char* t = text.data();
  for (std::size_t i = n - m + 1; i-- > 0;)
    if (t[i + m - 1] == word[m - 1] && t[i] == word[0] && std::memcmp(t + i, word.data(), m) == 0) return i;
  return std::string_view::npos;
}
// a * b in *out; false when the product overflows int64_t. On 32-bit
// targets (WebAssembly) the 128-bit product that __builtin_mul_overflow
// takes is a library call (__multi3): it is skipped when the magnitudes
// show the product fits (below 2^63 when their leading zero bits add up to
// 65 or more), which figures times powers of ten nearly always do. On 64-bit
// targets the builtin is one multiply and a flag test: the test would cost more.
inline bool multiply_checked_by_size(std::int64_t a, std::int64_t b, std::int64_t* out) {
  const std::uint64_t ua = a < 0 ? 0 - static_cast<std::uint64_t>(a) : static_cast<std::uint64_t>(a);
  const std::uint64_t ub = b < 0 ? 0 - static_cast<std::uint64_t>(b) : static_cast<std::uint64_t>(b);
  if (__builtin_clzll(ua | 1) + __builtin_clzll(ub | 1) >= 65) {
    *out = static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
    return true;
  }
  return !__builtin_mul_overflow(a, b, out);
}
inline bool multiply_checked(std::int64_t a, std::int64_t b, std::int64_t* out) {
#if UINTPTR_MAX == 0xFFFFFFFFu
  return multiply_checked_by_size(a, b, out);
#else
  return !__builtin_mul_overflow(a, b, out);
#endif
}

// The pieces joined in one allocation: check ids ("hierarchy.sum:t2:121:0")
// are made by the hundred per report, and a chain of + regrew each one.
inline std::string concat(std::initializer_list<std::string_view> pieces) {
  std::size_t size = 0;
  for (std::string_view p : pieces) size += p.size();
  std::string out(size, '\0');
  char* at = out.data();
  for (std::string_view p : pieces) {
    if (!p.empty()) std::memcpy(at, p.data(), p.size());  // a call to append each had been most of the cost
    at += p.size();
  }
  return out;
}
inline bool contains(std::string_view haystack, std::string_view needle) {
  return find_text(haystack, needle) != std::string_view::npos;
}
// The last byte of the prefix, then of the suffix, is compared first: in
// Chinese text a last byte tells words apart where a lead byte seldom does,
// and most tests fail (a memcmp call each had been 0.5% of an analysis).
inline bool starts_with(std::string_view text, std::string_view prefix) {
  const std::size_t n = prefix.size();
  return text.size() >= n && (n == 0 || (text[n - 1] == prefix[n - 1] && std::memcmp(text.data(), prefix.data(), n) == 0));
}
inline bool ends_with(std::string_view text, std::string_view suffix) {
  const std::size_t n = suffix.size();
  return text.size() >= n &&
         (n == 0 || (text.back() == suffix.back() && std::memcmp(text.data() + text.size() - n, suffix.data(), n) == 0));
}
// Whether `word` (non-empty) stands at text[i], i < text.size(). The first
// byte is compared alone first, so a scan may ask at every byte: the lead
// bytes of 。！？（），、；： are rare among a report's.
inline bool word_at(std::string_view text, std::size_t i, std::string_view word) {
  const std::size_t n = word.size();
  return text[i] == word[0] && text.size() - i >= n && std::memcmp(text.data() + i, word.data(), n) == 0;
}

// RE2's \s ([\t\n\f\r ]), for the patterns written out by hand, and the
// index of the first byte at or after i that is not one.
inline bool is_re2_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
inline std::size_t skip_re2_spaces(std::string_view s, std::size_t i) {
  while (i < s.size() && is_re2_space(s[i])) ++i;
  return i;
}

// ---- numbers.cpp ---------------------------------------------------------

struct ParsedNumber {
  CellKind kind = CellKind::Empty;
  std::optional<Decimal> value;
};
// Reads a table cell: "1,802.64", "-12.5", "（12.5）", "99.97%", "——", "".
ParsedNumber parse_cell_number(std::string_view text);

// Digits in a figure-shaped cell ("(1,802.64)" -> 6); 0 when it is not one.
std::size_t figure_digits(std::string_view text);

// Cells whose figures have more digits than limits.max_number_digits (at most
// 18, what a Decimal holds) become unreadable text, with one limit.number_digits
// message: a too-large figure is never wrapped or rounded.
void enforce_number_digits(std::vector<Table>& tables, const Limits& limits,
                           std::vector<InputMessage>& messages);

// A figure in prose: the first ASCII number at or after `from`, read as the
// RE2 pattern (\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(亿元|万元|元|%|
// 个|辆|人次|批次|台\(套\)|台（套）|人)? would read it (leftmost-first), by hand:
// it runs over every sentence. Offsets are bytes in `text`; no unit when
// unit_begin == unit_end. tests/cpp/numbers_test.cpp compares it with RE2.
struct ProseNumber {
  std::size_t begin = 0, end = 0;            // the digits, separators and decimals
  std::size_t unit_begin = 0, unit_end = 0;  // the unit, after optional spaces
  std::size_t match_end = 0;                 // where the next search starts
};
bool next_prose_number(std::string_view text, std::size_t from, ProseNumber& out);
extern const char* const kProseNumberPattern;  // the pattern above, for RE2

// "元", "万元", "千元", "亿元" -> power of ten relative to 元 (0, 4, 3, 8).
std::optional<int> unit_power(std::string_view unit);

// ---- tables.cpp ----------------------------------------------------------

// Makes a cell line whose one or two filled cells are a caption or a note
// (a table's title, label, unit, department, "注：…") a line of text, as
// it stands above or below a tab-separated table: a web page or spreadsheet
// may put them in the table's first or last rows.
void lift_caption_rows(std::vector<Line>& lines);

// Finds every table in the lines; lines inside tables are marked in
// `in_table` (indexed like `lines`) so the narrative skips them.
std::vector<Table> extract_tables(const std::vector<Line>& lines,
                                  const Limits& limits,
                                  std::vector<bool>& in_table,
                                  std::vector<InputMessage>& messages);

// The caption and row-name patterns extract_tables reads, written out by
// hand: each is what RE2's leftmost-first search finds of the pattern in
// its comment in tables.cpp (tests/cpp/tables_patterns_test.cpp compares
// them). Lengths in bytes; the views are the captured group, empty when
// nothing matches.
std::size_t digit_run(std::string_view text);    // bytes of the ASCII digits text starts with
std::size_t numeral_run(std::string_view text);  // bytes of the numerals 一 … 十 text starts with
std::size_t ordinal_length(std::string_view text);       // "一、", "(1)", "2." at the start
bool is_numbered_heading(std::string_view text);         // "第二部分", "二、", "(二)" at the start
std::string_view caption_unit(std::string_view text);    // 单位：万元 -> 万元
std::string_view cell_unit(std::string_view text);       // 单位：元, (万元) -> 元, 万元
std::string_view public_label(std::string_view text);    // 公开 08 表 -> 08
std::string_view plain_label(std::string_view text, bool spaces);  // (表 3) -> 3

// ---- formulas.cpp --------------------------------------------------------

// Parses the formulas printed in one note line ("27 行 = (1+2+…+8) 行；...").
std::vector<Formula> parse_formulas(std::string_view text, int line);

// One printed formula: what RE2 finds (leftmost-first) of kFormulaPattern
// at or after `from`, with its seven groups, written out by hand: it is
// asked of every note line. Views of `text`; an absent 各行 is empty.
// tests/cpp/formulas_test.cpp compares it with RE2.
struct FormulaMatch {
  std::size_t begin = 0, end = 0;  // the whole match
  std::string_view target, axis, each1, expr, axis2, each2;
};
bool next_formula(std::string_view text, std::size_t from, FormulaMatch& out);
extern const char* const kFormulaPattern;  // for RE2, in the test

// ---- year_pattern.cpp ----------------------------------------------------

// The digits of the first "20dd年" in text, by RE2. For text without white
// space (without_spaces of a normalized line: \f, \v and \r are spaces by
// then), so "2020 年" reads as 2020 once its space is gone. References
// only: see the file.
bool find_report_year(const std::string_view& text, std::string* year);

// ---- document.cpp --------------------------------------------------------

DocumentInfo detect_document(const std::vector<Line>& lines,
                             const std::vector<Table>& tables);

// Where a second report starts when several were pasted into one input
// (index into lines, or npos when there is one report); `same` when it is
// the first report pasted again.
struct SecondReport {
  std::size_t index = static_cast<std::size_t>(-1);
  bool same = false;
};
SecondReport find_second_report(const std::vector<Line>& lines, const std::vector<Table>& tables,
                                const DocumentInfo& doc);

// ---- narrative.cpp -------------------------------------------------------

std::vector<Section> extract_sections(const std::vector<Line>& lines,
                                      const std::vector<bool>& in_table);

// A section heading at the start of a line without spaces: what RE2 matches
// (anchored, the first pattern that fits) of
//   depth 0: (第[一二三四五六七八九十]{1,3}部分)     "第二部分"
//   depth 1: ([一二三四五六七八九十]{1,3})、          "二"
//   depth 2: [(（]([一二三四五六七八九十]{1,3})[)）]  "(二)"
//   depth 3: (\d{1,2})[.、．]\s*[^\d.]              "2"
//   depth 4: [(（](\d{1,2})[)）]                     "(2)"
// written out, as every line of prose is asked (tests/cpp/section_headings_test.cpp
// compares it with RE2). `number` is the group, bracketed at depths 2 and 4.
struct HeadingMatch {
  int depth = 0;
  std::string number;
};
bool match_heading(std::string_view text, HeadingMatch& heading);

// ---- messages ------------------------------------------------------------

InputMessage make_message(std::string id, std::string severity, int line,
                          std::string zh, std::string en);
// "20.0 MB": sizes in messages.
std::string megabytes(std::uint64_t bytes);

}  // namespace hezhang
