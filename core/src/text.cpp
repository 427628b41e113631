// UTF-8 handling and line normalization. Normalization works line by line,
// so every extracted thing keeps the 1-based line of the user's own text.
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#include <functional>
#include <map>

#include "internal.h"

namespace hezhang {

std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t length;
  if (c < 0x80) { cp = c; return 1; }
  if (c >= 0xC2 && c <= 0xDF) { length = 2; cp = c & 0x1F; }
  else if (c >= 0xE0 && c <= 0xEF) { length = 3; cp = c & 0x0F; }
  else if (c >= 0xF0 && c <= 0xF4) { length = 4; cp = c & 0x07; }
  else return 0;
  if (length > s.size() - i) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are invalid.
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return length;
}

namespace {

// Reads s as UTF-8 up to its first invalid byte, whose position it returns
// (npos when there is none), and hands what it read to the sink in order:
// sink.ascii(from, to) for a run of ASCII bytes, sink.three_byte_run(from,
// to) for a run of valid 3-byte characters, sink.code_point(cp) for any
// other character. One reader for validating and for converting to UTF-16.
template <typename Sink>
std::size_t read_utf8(std::string_view s, Sink& sink) {
  std::size_t i = 0, n = s.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      // Runs of ASCII (figures, table tabs, pasted markup) eight bytes at a time.
      const std::size_t from = i;
      for (++i; i + 8 <= n && (load_word(s.data() + i) & kEachByte * 0x80) == 0;) i += 8;
      sink.ascii(from, i);
      continue;
    }
    // Most of a report: runs of 3-byte characters (see three_byte_run_end).
    if (const std::size_t end = three_byte_run_end(s, i); end > i) {
      sink.three_byte_run(i, end);
      i = end;
      continue;
    }
    char32_t cp;
    const std::size_t length = decode_utf8(s, i, cp);
    if (length == 0) return i;
    sink.code_point(cp);
    i += length;
  }
  return std::string_view::npos;
}

struct IgnoreUtf8 {
  void ascii(std::size_t, std::size_t) {}
  void three_byte_run(std::size_t, std::size_t) {}
  void code_point(char32_t) {}
};

// Writes UTF-16 code units to `out`, which has room for one per byte read
// (a 4-byte character gives two units, every other character fewer units than bytes).
struct Utf16Writer {
  const unsigned char* bytes;
  char16_t* out;
  void ascii(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) *out++ = bytes[i];
  }
  void three_byte_run(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; i += 3)
      *out++ = static_cast<char16_t>(((bytes[i] & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
  }
  void code_point(char32_t cp) {
    if (cp < 0x10000) {
      *out++ = static_cast<char16_t>(cp);
    } else {
      *out++ = static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      *out++ = static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    }
  }
};

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
  IgnoreUtf8 sink;
  return read_utf8(s, sink);
}

bool utf8_to_utf16(std::string_view utf8, std::u16string& utf16) {
  utf16.resize(utf8.size());
  Utf16Writer sink{reinterpret_cast<const unsigned char*>(utf8.data()), utf16.data()};
  const bool valid = read_utf8(utf8, sink) == std::string_view::npos;
  utf16.resize(valid ? static_cast<std::size_t>(sink.out - utf16.data()) : 0);
  return valid;
}

bool is_valid_utf8(std::string_view bytes) { return find_invalid_utf8(bytes) == std::string_view::npos; }

const char* utf16_bom_encoding(std::string_view bytes) {
  if (bytes.size() < 2) return nullptr;
  if (bytes[0] == '\xFF' && bytes[1] == '\xFE') return "utf-16le";
  if (bytes[0] == '\xFE' && bytes[1] == '\xFF') return "utf-16be";
  return nullptr;
}

char32_t next_code_point(std::string_view s, std::size_t& i) {
  char32_t cp;
  const std::size_t length = decode_utf8(s, i, cp);
  i += length ? length : 1;
  return length ? cp : 0xFFFD;
}

void append_utf8(std::string& out, char32_t cp) {
  // One append per code point, not one per byte (this runs for every
  // character of the report).
  char b[4];
  std::size_t n;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
    return;
  } else if (cp < 0x800) {
    b[0] = static_cast<char>(0xC0 | (cp >> 6));
    b[1] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 2;
  } else if (cp < 0x10000) {
    b[0] = static_cast<char>(0xE0 | (cp >> 12));
    b[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[2] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 3;
  } else {
    b[0] = static_cast<char>(0xF0 | (cp >> 18));
    b[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    b[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    b[3] = static_cast<char>(0x80 | (cp & 0x3F));
    n = 4;
  }
  out.append(b, n);
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x2E80 && cp <= 0x9FFF) ||  // radicals, CJK punctuation, ideographs
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
         cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019;
}

std::string trim(std::string_view t) { return std::string(trimmed(t)); }

int code_points(std::string_view s) { return static_cast<int>(count_code_points(s.data(), s.size())); }

void write_without_spaces(std::string_view t, std::size_t first_space, std::string& out) {
  // Copied in runs between spaces (most text has none): a byte-by-byte
  // append cost more than everything else done with the copy, and in
  // WebAssembly an append call per run still cost as much as the copying.
  // Written into out's own storage: a buffer kept by the caller is reused
  // (unless t is a view of it, read while written: then into a new string).
  const std::less<const char*> before;
  if (!before(t.data(), out.data()) && before(t.data(), out.data() + out.capacity())) {
    std::string fresh;
    write_without_spaces(t, first_space, fresh);
    out.swap(fresh);
    return;
  }
  out.resize(t.size() - 1);  // at least one byte goes
  char* o = out.data();
  for (std::size_t i = 0, j = first_space;;) {
    std::memcpy(o, t.data() + i, j - i);
    o += j - i;
    if (j == t.size()) break;
    i = j + 1;
    j = find_space_or_tab(t, i);
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
}

std::string without_spaces(std::string_view t) {
  const std::size_t j = find_space_or_tab(t);
  if (j == t.size()) return std::string(t);
  std::string out;
  write_without_spaces(t, j, out);
  return out;
}

namespace {

// join_wrapped's work, written at `out`, which has room for t.size() bytes;
// returns the end of what was written. (A cell goes straight into its
// line's text, a byte copy rather than a string append per piece.)
char* write_joined(char* out, std::string_view t) {
  // Text is valid UTF-8 here (analyze refuses anything else), so a piece
  // without spaces comes out unchanged: most cells, copied without decoding.
  if (t.find(' ') == std::string_view::npos) {
    if (!t.empty()) std::memcpy(out, t.data(), t.size());
    return out + t.size();
  }
  // Drop a run of spaces when the characters on both sides are CJK.
  char* const start = out;
  char32_t prev = 0;  // the code point before a run of spaces
  for (std::size_t i = 0; i < t.size();) {
    if (t[i] == ' ') {
      std::size_t j = i;
      while (j < t.size() && t[j] == ' ') ++j;
      const bool written = out > start;
      bool left = written && is_cjk(prev);
      std::size_t k = j;
      bool right = j < t.size() && is_cjk(next_code_point(t, k));
      if (!(left && right) && written && j < t.size()) *out++ = ' ';
      i = j;
      continue;
    }
    // The characters up to the next space, copied in one piece; only the
    // last of them matters to the next run of spaces.
    const std::size_t at = i;
    i = std::min(t.find(' ', i), t.size());
    std::memcpy(out, t.data() + at, i - at);
    out += i - at;
    std::size_t last = i - 1;
    while (last > at && (static_cast<unsigned char>(t[last]) & 0xC0) == 0x80) --last;
    prev = next_code_point(t, last);
  }
  return out;
}

}  // namespace

std::string join_wrapped(std::string_view t) {
  if (t.find(' ') == std::string_view::npos) return std::string(t);
  std::string out(t.size(), '\0');
  out.resize(static_cast<std::size_t>(write_joined(out.data(), t) - out.data()));
  return out;
}

void Line::set_cells(const std::vector<std::string>& cells) {
  text.clear();
  cell_spans.clear();
  for (const std::string& cell : cells) {
    if (!cell_spans.empty()) text += '\t';
    cell_spans.push_back({text.size(), cell.size()});
    text += cell;
  }
}

// Maps one code point to its normalized form; returns false to drop it.
// Full-width ASCII becomes ASCII, except the prose punctuation ，；：！？
// which stays Chinese (a full-width comma is only a thousands separator
// between digits, handled by the caller).
bool map_code_point(char32_t cp, char32_t& out) {
  switch (cp) {
    case 0x00A0: case 0x3000: case 0x2002: case 0x2003: case 0x2009:
    case 0x202F: case 0x205F:
      out = ' '; return true;
    case 0x200B: case 0x200C: case 0x200D: case 0xFEFF: case 0x00AD:
      return false;  // invisible: zero-width spaces, BOM, soft hyphen
    case 0x2212: case 0xFF0D: case 0x2013:
      out = '-'; return true;  // minus signs (not the dash pair ——)
    case 0xFF0C: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
      out = cp; return true;
    default: break;
  }
  if (cp >= 0xFF01 && cp <= 0xFF5E) { out = cp - 0xFEE0; return true; }
  if (cp == '\r' || cp == '\f' || cp == '\v') { out = ' '; return true; }
  if (cp < 0x20 && cp != '\t') return false;  // other control characters
  out = cp;
  return true;
}

// The length of the character at raw[i] when map_code_point leaves it as
// it is, else 0. Decided from its bytes, not decoded: this runs for every
// character of the report. The changed ones are the controls, U+00A0,
// U+00AD, U+2000..U+207F (odd spaces, invisible ones, the en dash),
// U+2200..U+223F (the minus sign), U+3000, U+FEC0..U+FF7F (the BOM and the
// full-width forms); their neighbours are tested with them, and go the
// slow way to the same result. Invalid UTF-8 goes the slow way too (0:
// normalize_line's check of the text's UTF-8 relies on it).
std::size_t maps_to_itself(std::string_view raw, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(raw[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return c >= 0x20 || c == '\t' ? 1 : 0;
  const auto continues = [&](std::size_t k) { return k < raw.size() && (byte(k) & 0xC0) == 0x80; };
  if (c >= 0xE0 && c <= 0xEF) {
    if (!continues(i + 1) || !continues(i + 2)) return 0;
    const unsigned char b1 = byte(i + 1);
    if ((c == 0xE0 && b1 < 0xA0) || (c == 0xED && b1 >= 0xA0)) return 0;  // overlong, surrogate
    // Full-width ！：；？ stay as they are (prose punctuation, frequent).
    if (c == 0xEF && b1 == 0xBC) {
      const unsigned char b2 = byte(i + 2);
      if (b2 == 0x81 || b2 == 0x9A || b2 == 0x9B || b2 == 0x9F) return 3;
    }
    if ((c == 0xE2 && (b1 == 0x80 || b1 == 0x81 || b1 == 0x88)) || (c == 0xE3 && b1 == 0x80 && byte(i + 2) == 0x80) ||
        (c == 0xEF && b1 >= 0xBB && b1 <= 0xBD))
      return 0;
    return 3;
  }
  if (c >= 0xC2 && c <= 0xDF) return continues(i + 1) && !(c == 0xC2 && (byte(i + 1) == 0xA0 || byte(i + 1) == 0xAD)) ? 2 : 0;
  if (c >= 0xF0 && c <= 0xF4)  // not overlong, not past U+10FFFF
    return continues(i + 1) && continues(i + 2) && continues(i + 3) && !(c == 0xF0 && byte(i + 1) < 0x90) &&
                   !(c == 0xF4 && byte(i + 1) >= 0x90)
               ? 4
               : 0;
  return 0;
}

namespace {

// LaTeX remnants of PDF conversion: "$\geq 99.99\%$" -> "≥99.99%".
void replace_latex(std::string& s) {
  if (s.find('$') == std::string::npos && s.find('\\') == std::string::npos) return;
  static const std::pair<const char*, const char*> kMacros[] = {
      {"\\geqslant", "≥"}, {"\\leqslant", "≤"}, {"\\geq", "≥"}, {"\\leq", "≤"},
      {"\\ge", "≥"},       {"\\le", "≤"},       {"\\times", "×"}, {"\\%", "%"},
      {"\\pm", "±"},       {"\\neq", "≠"},      {"\\sim", "~"},   {"\\cdot", "·"},
      {"\\mathrm", ""},    {"\\text", ""},      {"\\left", ""},   {"\\right", ""},
      {"\\,", ""},         {"\\ ", ""}};
  const bool math = s.find('$') != std::string::npos;  // once, not per brace
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] == '$') { ++i; continue; }
    if (s[i] == '\\') {
      bool hit = false;
      for (auto& m : kMacros) {
        std::size_t len = std::strlen(m.first);
        if (s.compare(i, len, m.first) == 0) {
          out += m.second;
          i += len;
          while (i < s.size() && s[i] == ' ' && std::strlen(m.second) > 0) ++i;
          hit = true;
          break;
        }
      }
      if (!hit) out += s[i++];
      continue;
    }
    if ((s[i] == '{' || s[i] == '}') && math) { ++i; continue; }
    out += s[i++];
  }
  s.swap(out);
}

// Lower-cased tag name at s[i] == '<', or "" when it is not a tag: an
// HTML tag or a word processor's ("<o:p>", namespaced). *end is past its '>'.
std::string tag_name(std::string_view s, std::size_t i, std::size_t* end) {
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') ++j;
  std::size_t start = j;
  bool namespaced = false;
  while (j < s.size() && ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
                          (s[j] >= '0' && s[j] <= '9') || (s[j] == ':' && j > start))) {
    namespaced |= s[j] == ':';
    ++j;
  }
  if (j == start || j - start > 10) return "";
  // Only a '>' within 200 bytes closes a tag: looking further would make a
  // line of many '<' quadratic.
  std::size_t close = s.substr(0, std::min(s.size(), i + 201)).find('>', j);
  if (close == std::string_view::npos) return "";
  std::string name(s.substr(start, j - start));
  for (char& c : name) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static constexpr std::string_view kKnown[] = {
      "b",     "strong", "i",     "em",      "u",      "br",     "p",       "span",  "div",    "font",
      "sup",   "sub",    "table", "tbody",   "thead",  "tfoot",  "tr",      "td",    "th",     "colgroup",
      "col",   "caption", "h1",   "h2",      "h3",     "h4",     "h5",      "h6",    "html",   "body",
      "meta",  "title",  "link",  "a",       "ul",     "ol",      "li",    "dl",     "dt",
      "dd",    "hr",     "small", "big",     "center", "strike", "s",       "del",   "ins",    "tt",
      "code",  "pre",    "blockquote", "label", "section", "article", "header", "footer", "main", "nav"};
  // Not <img>: a page's pictures stand on lines of their own, and an image
  // tag inside a report's words is shown as written (the page's tests put
  // one in a row's name).
  for (std::string_view k : kKnown)
    if (name == k) { *end = close + 1; return name; }
  if (namespaced) { *end = close + 1; return name; }
  return "";
}

// The code point an HTML character reference names ("nbsp", "ldquo",
// "#12289", "#x3001": what lies between '&' and ';'), or 0.
char32_t entity_code_point(std::string_view name) {
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    std::uint32_t cp = 0;
    std::size_t k = hex ? 2 : 1;
    if (k == name.size() || name.size() - k > 7) return 0;
    for (; k < name.size(); ++k) {
      const char c = name[k];
      const int digit = c >= '0' && c <= '9' ? c - '0'
                        : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                      : -1;
      if (digit < 0) return 0;
      cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
    }
    return cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) ? 0 : cp;
  }
  // The named ones a report's page uses: spaces, markup characters, quotes,
  // dashes and the signs of figures.
  static constexpr std::pair<std::string_view, char32_t> kNamed[] = {
      {"nbsp", 0xA0},    {"ensp", 0x2002},  {"emsp", 0x2003},  {"thinsp", 0x2009}, {"amp", '&'},
      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},    {"ldquo", 0x201C},
      {"rdquo", 0x201D}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"mdash", 0x2014},  {"ndash", 0x2013},
      {"hellip", 0x2026}, {"middot", 0xB7}, {"times", 0xD7},   {"divide", 0xF7},   {"yen", 0xA5},
      {"plusmn", 0xB1},  {"le", 0x2264},    {"ge", 0x2265},    {"ne", 0x2260},     {"permil", 0x2030},
      {"deg", 0xB0},     {"bull", 0x2022},  {"minus", 0x2212}, {"shy", 0xAD},      {"zwsp", 0x200B}};
  for (const auto& [entity, cp] : kNamed)
    if (name == entity) return cp;
  return 0;
}

// HTML character references in a line ("&nbsp;" in an empty cell,
// "&ldquo;三公&rdquo;"), each as its character would have been normalized.
// A '&' that starts none stays.
void decode_entities(std::string& s) {
  std::size_t amp = s.find('&');
  if (amp == std::string::npos) return;
  std::string out(s, 0, amp);
  out.reserve(s.size());
  for (std::size_t i = amp; i < s.size();) {
    const std::size_t semi = s[i] == '&' ? s.find(';', i + 1) : std::string::npos;
    if (semi != std::string::npos && semi - i <= 9) {
      if (const char32_t cp = entity_code_point(std::string_view(s).substr(i + 1, semi - i - 1))) {
        char32_t mapped;
        if (map_code_point(cp, mapped)) append_utf8(out, mapped);
        i = semi + 1;
        continue;
      }
    }
    out += s[i++];
  }
  s.swap(out);
}

// Appends the cells of `text`, split on `sep`, to line.text (joined by '\t')
// and their places to line.cell_spans.
void split_cells(std::string_view text, char sep, Line& line) {
  const std::size_t base = line.text.size();
  if (sep == '\t' && text.find(' ') == std::string_view::npos) {
    // Most rows: cells between tabs with no space to trim or join. The row
    // is the text as it is, its cells cut at the tabs, found eight bytes at
    // a time (two calls per cell, the search and the copy, had been most of
    // the split in WebAssembly).
    line.text.append(text.data(), text.size());
    line.cell_spans.reserve(8);
    std::size_t start = 0;
    const auto cut = [&](std::size_t tab) {
      line.cell_spans.push_back({base + start, tab - start});
      start = tab + 1;
    };
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8)
      for (std::uint64_t marks = bytes_equal(load_word(text.data() + i), '\t'); marks != 0; marks &= marks - 1)
        if (const std::size_t k = i + first_flagged(marks); text[k] == '\t') cut(k);
    for (; i < text.size(); ++i)
      if (text[i] == '\t') cut(i);
    cut(text.size());
    return;
  }
  // Trimming and joining only remove bytes, and a separator becomes a tab:
  // the text is written in place, then cut to what was written.
  line.text.resize(base + text.size());
  char* const data = line.text.data();
  char* out = data + base;
  line.cell_spans.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), sep)) + 1);
  // Separators found with memchr: a test of each byte was most of the split.
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find(sep, start), text.size());
    if (!line.cell_spans.empty()) *out++ = '\t';
    char* const begin = out;
    out = write_joined(out, trimmed(text.substr(start, end - start)));
    // A tab inside a pipe cell is a space: the tab joins cells in Line::text.
    if (sep != '\t') std::replace(begin, out, '\t', ' ');
    line.cell_spans.push_back({static_cast<std::size_t>(begin - data), static_cast<std::size_t>(out - begin)});
    if (end == text.size()) break;
    start = end + 1;
  }
  line.text.resize(static_cast<std::size_t>(out - data));
}

bool is_pipe_separator_row(LineCells cells) {
  bool any = false;
  for (std::string_view c : cells) {
    if (c.empty()) continue;
    for (char ch : c)
      if (ch != '-' && ch != ':' && ch != ' ') return false;
    any = true;
  }
  return any;
}

void clear_cells(Line& line) {
  line.cell_spans.clear();
  line.text.clear();
}

// The bytes normalize_line's later steps act on, as bits: a tag's '<', a
// markdown '*', LaTeX's '$' and '\\', a tab between cells.
// kMarkDot and kMarkE2: a '.' or a character U+2000..U+2FFF (lead byte E2:
// '…' among them), which leader dots are made of; apart, because either
// alone is common (a figure's decimal point, the quotes “”) and each needs
// its own search. No step below makes either.
// kMarkAmp: an HTML character reference's '&'.
// kMarkComma: a comma, returned to split_lines (a CSV sheet's separator).
enum : unsigned char {
  kMarkTag = 1,
  kMarkStar = 2,
  kMarkLatex = 4,
  kMarkTab = 8,
  kMarkDot = 16,
  kMarkE2 = 32,
  kMarkAmp = 64,
  kMarkComma = 128
};
constexpr auto kMarkOf = [] {
  std::array<unsigned char, 256> marks{};
  marks['<'] = kMarkTag;
  marks['*'] = kMarkStar;
  marks['$'] = marks['\\'] = kMarkLatex;
  marks['\t'] = kMarkTab;
  marks['.'] = kMarkDot;
  marks[0xE2] = kMarkE2;
  marks['&'] = kMarkAmp;
  marks[','] = kMarkComma;
  return marks;
}();

// Whether text has "....": each '.' found by memchr and the three after it
// compared. Most lines with a '.' are rows of figures, whose few decimal
// points this passes at once; find_text read every byte of them.
bool has_dot_run(std::string_view text) {
  for (std::size_t p = text.find('.'); p != std::string_view::npos; p = text.find('.', p + 1))
    if (text.substr(p, 4) == "...."sv) return true;
  return false;
}

}  // namespace

bool normalize_line(std::string_view raw, int number, std::vector<Line>& out, std::size_t* invalid_at) {
  // 1. Code points: full-width forms, odd spaces, invisible characters.
  // Decoded on the fly (no array of code points: this is every character of
  // the report); printable ASCII, which maps to itself, is copied in runs.
  std::string s;
  s.reserve(raw.size());
  auto digit = [](char32_t c) { return (c >= '0' && c <= '9') || (c >= 0xFF10 && c <= 0xFF19); };
  char32_t prev = 0;  // the previous code point as read (even when dropped)
  // Which of the bytes the steps below look for occur at all, noted as each
  // character is read: one test per character instead of a search per byte
  // (a call each, and in WebAssembly a loop each).
  unsigned marks = 0;
  for (std::size_t i = 0; i < raw.size();) {
    // Characters that map to themselves (all but those map_code_point
    // changes: see maps_to_itself) are copied in runs.
    std::size_t run = i;
    bool ascii_last = false;
    while (run < raw.size()) {
      // Two ideographs U+4000..U+9FFF (lead bytes E4..E9, each followed by
      // two continuation bytes) at a time, read as one word: most of a
      // report's text, with no mark and no comma.
      if (run + 8 <= raw.size()) {
        const std::uint64_t w = load_word(raw.data() + run);
        if ((w & 0xFF) - 0xE4 <= 5 && (w >> 24 & 0xFF) - 0xE4 <= 5 &&
            (w & 0xC0C000C0C000u) == 0x808000808000u) {
          run += 6;
          ascii_last = false;
          continue;
        }
      }
      // Printable ASCII, tabs (between a row's cells) and the ideographs
      // first: most of the rest.
      const unsigned char c = static_cast<unsigned char>(raw[run]);
      marks |= kMarkOf[c];
      std::size_t length = (c >= 0x20 && c < 0x80) || c == '\t' ? 1
                           : c >= 0xE4 && c <= 0xE9 && run + 2 < raw.size() &&
                                   (static_cast<unsigned char>(raw[run + 1]) & 0xC0) == 0x80 &&
                                   (static_cast<unsigned char>(raw[run + 2]) & 0xC0) == 0x80
                               ? 3
                               : maps_to_itself(raw, run);
      // A full-width comma stays one unless a digit comes before it (then
      // the test below reads the next character too).
      if (length == 0 && c == 0xEF && raw.substr(run, 3) == "，"sv &&
          !(run > i ? raw[run - 1] >= '0' && raw[run - 1] <= '9' : digit(prev)))
        length = 3;
      if (length == 0) break;
      ascii_last = length == 1;
      run += length;
    }
    if (run > i) {
      s.append(raw.data() + i, run - i);
      // Only the digits matter to the comma test below; no non-ASCII
      // character copied here is one (full-width digits are mapped).
      prev = ascii_last ? static_cast<unsigned char>(raw[run - 1]) : 0x4E00;
      i = run;
      continue;
    }
    // Each character that takes this way is checked (decode_utf8); those
    // above were by their bytes: the line's UTF-8 is checked as it is read.
    char32_t cp;
    std::size_t length = decode_utf8(raw, i, cp);
    if (length == 0) {
      if (invalid_at) {
        *invalid_at = i;
        return false;
      }
      cp = 0xFFFD;  // a caller that checked (Options::utf8_checked) was wrong: one byte replaced
      length = 1;
    }
    i += length;
    char32_t m;
    if (map_code_point(cp, m)) {
      // A full-width comma between digits is a thousands separator.
      if (m == 0xFF0C && i < raw.size() && digit(prev)) {  // prev = 0 (no digit) at the start
        std::size_t k = i;
        if (digit(next_code_point(raw, k))) m = ',';
      }
      if (m < 0x80) marks |= kMarkOf[m];  // a full-width '＜' became '<'
      append_utf8(s, m);
    }
    prev = cp;
  }

  // 2. Markup: markdown headings and emphasis, HTML tags, LaTeX.
  bool heading = false;
  {
    std::size_t i = 0;
    while (i < s.size() && s[i] == ' ') ++i;
    std::size_t hashes = i;
    while (hashes < s.size() && s[hashes] == '#') ++hashes;
    if (hashes > i && hashes - i <= 6 && (hashes == s.size() || s[hashes] == ' ')) {
      heading = true;
      s.erase(0, hashes);
    }
  }
  bool html_row = false;
  if (marks & kMarkTag) {
    std::string t;
    t.reserve(s.size());
    bool in_row = false;
    for (std::size_t i = 0; i < s.size();) {
      // "<!DOCTYPE html>", "<!-- … -->" on one line (longer ones were blanked
      // with the page's head: blank_html_blocks).
      if (s[i] == '<' && i + 1 < s.size() && s[i + 1] == '!') {
        const bool comment = s.compare(i, 4, "<!--") == 0;
        const std::size_t close = comment ? s.find("-->", i + 4) : s.find('>', i + 2);
        if (close != std::string::npos) {
          i = close + (comment ? 3 : 1);
          continue;
        }
      }
      std::size_t end = 0;
      std::string name = s[i] == '<' ? tag_name(s, i, &end) : "";
      if (name.empty()) { t += s[i++]; continue; }
      bool closing = s[i + 1] == '/';
      // <h1>…<h6>: a heading, as a markdown '#' makes one.
      if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') {
        if (!closing) heading = true;
        t += ' ';
        i = end;
        continue;
      }
      if (name == "td"sv || name == "th"sv) {
        html_row = true;
        if (!closing && in_row) t += '\t';
        in_row = true;
      } else if (name == "tr"sv) {
        html_row = true;
        if (closing || in_row) { t += '\n'; in_row = false; }
      } else if (name == "br"sv || name == "p"sv || name == "div"sv || name == "li"sv) {
        t += ' ';
      }
      i = end;
    }
    s.swap(t);
  }
  // Markdown bold markers, removed in one pass (erasing each in place would
  // be quadratic on a long line of them).
  if ((marks & kMarkStar) && s.find("**") != std::string::npos) {
    std::string t;
    t.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '*') { ++i; continue; }
      t += s[i];
    }
    s.swap(t);
  }
  // After the tags: "&lt;" is a character, never the start of one.
  if (marks & kMarkAmp) decode_entities(s);
  if (marks & kMarkLatex) replace_latex(s);
  // Tags may have put in the tabs between cells and the line ends between rows.
  const bool tabs = (marks & kMarkTab) || html_row;

  // 3. Split into logical lines (one per HTML row) and cells.
  std::size_t start = 0;
  do {
    std::size_t nl = html_row ? s.find('\n', start) : std::string::npos;
    std::string_view piece = std::string_view(s).substr(
        start, nl == std::string::npos ? std::string::npos : nl - start);
    start = nl == std::string::npos ? std::string::npos : nl + 1;
    if (html_row && trimmed(piece).empty() && start != std::string::npos) continue;

    Line line;
    line.number = number;
    line.markdown_heading = heading;
    // A view until the line turns out to be text: a row's text is its
    // cells joined, written as the cells are split.
    std::string_view body = trimmed(piece);
    bool pipe = !body.empty() && body.front() == '|' && body.size() > 1;
    if (pipe) {
      std::string_view inner = body.substr(1);
      if (inner.back() == '|') inner.remove_suffix(1);
      split_cells(inner, '|', line);
      if (is_pipe_separator_row(line.cells())) clear_cells(line), body = {};
      else body = inner;
    } else if ((tabs && piece.find('\t') != std::string::npos) || html_row) {
      // Keep leading empty cells: they carry the column position.
      std::string_view p = piece;
      while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
      split_cells(p, '\t', line);
      // A line of only empty cells (its text only the tabs between them) is blank.
      if (line.text.size() < line.cell_spans.size()) clear_cells(line), body = {};
    }
    if (line.cell_spans.size() == 1) clear_cells(line);
    // Leader dots mark a table-of-contents entry, never a table row.
    if (((marks & kMarkDot) && has_dot_run(body)) ||
        ((marks & kMarkE2) && find_text(body, "……") != std::string_view::npos)) {
      // "一、收入支出决算总表......  2": leader dots then a page number.
      std::string_view t = trimmed(body);
      bool page_number = !t.empty() && t.back() >= '0' && t.back() <= '9';
      if (line.cell_spans.size() == 2 || (line.cell_spans.empty() && page_number)) line.toc_entry = true;
    }
    if (line.toc_entry) clear_cells(line);
    if (line.cell_spans.empty()) {
      // trimmed drops the tabs at either end, so spaces put for the rest
      // leave the text trimmed.
      const std::string_view t = trimmed(body);
      if (start == std::string::npos && !t.empty()) {
        // The last piece of s (most lines are one piece): its storage is
        // taken rather than copied; s is not read again. (A non-empty body
        // is always a view of s.)
        const std::size_t from = static_cast<std::size_t>(t.data() - s.data());
        s.resize(from + t.size());
        s.erase(0, from);
        line.text = std::move(s);
      } else {
        line.text = std::string(t);
      }
      if (tabs && line.text.find('\t') != std::string::npos) std::replace(line.text.begin(), line.text.end(), '\t', ' ');
    }
    out.push_back(std::move(line));
  } while (start != std::string::npos && start < s.size());
  return (marks & kMarkComma) != 0;
}

namespace {

// ---- comma-separated values -------------------------------------------------
// A sheet saved as CSV (or exported by a converter) writes a table's rows as
// fields between commas, quoted when they hold a comma or a quote
// ("1,234.56"), every line of a sheet as wide as the sheet ("收入支出决算总表,,,,").
// Prose has commas too: full-width ones, or ASCII ones where a converter
// folded them. A run of lines is read as a sheet's only when at least two
// of its lines have the same number of fields (three or more) and the run
// shows what prose never does: an empty field between two others, a quoted
// one, two lines numbered one after the other, or figures alone in their
// fields on half its lines.

struct CsvShape {
  std::size_t fields = 0;  // 0: not a line of a sheet
  bool empty_or_quoted = false;
  bool figure = false;  // a field that is a figure alone (is_figure_field)
  int serial = -1;      // the first field's number when it is one (序号 1, 2, …), else -1
  // A space after a comma (which no program writing CSV puts there), or a
  // sentence's end at the line's end and no serial number at its start:
  // prose unless a field above says otherwise. (A header's cell may hold
  // sentences, but not its last; a numbered row's may.)
  bool prose = false;
  bool sheet_like() const { return empty_or_quoted || figure; }
};

// A figure alone in its field, with decimals or a percent sign ("1234.56",
// "-3.5", "12%"), after a field that does not end in a digit. Not a bare
// integer: prose whose thousands commas are ASCII cuts "6,000.00" into
// "6" and "000.00"; and after a digit, a field is the rest of a figure
// ("1,234,567.89").
bool is_figure_field(std::string_view f, std::string_view before) {
  if (!before.empty() && before.back() >= '0' && before.back() <= '9') return false;
  f = trimmed(f);
  if (!f.empty() && f.front() == '-') f.remove_prefix(1);
  const bool percent = !f.empty() && f.back() == '%';
  if (percent) f.remove_suffix(1);
  const auto digits = [](std::string_view d) { return !d.empty() && digit_run(d) == d.size(); };
  const std::size_t point = f.find('.');
  if (point == std::string_view::npos) return percent && digits(f);
  return digits(f.substr(0, point)) && digits(f.substr(point + 1));
}

// Calls field(text, quoted) for each field of raw read as a line of a
// sheet, and returns their number, or 0 when it is none: a tab (then it is
// a tab-separated row), a markdown or HTML row, a quote left open, or fewer
// than three fields.
template <typename Field>
std::size_t read_csv_fields(std::string_view raw, Field&& field) {
  if (raw.find(',') == std::string_view::npos || raw.find('\t') != std::string_view::npos) return 0;
  const std::string_view t = trimmed(raw);
  if (t.empty() || t.front() == '|') return 0;
  // An HTML table's row ("<td>1,234</td>"); other tags are markup in a cell.
  for (std::size_t k = raw.find('<'); k != std::string_view::npos && k + 2 < raw.size(); k = raw.find('<', k + 1)) {
    const char a = static_cast<char>(raw[k + 1] | 0x20), b = static_cast<char>(raw[k + 2] | 0x20);
    if (a == 't' && (b == 'd' || b == 'h' || b == 'r')) return 0;
  }
  std::size_t count = 0;
  for (std::size_t i = 0;;) {
    ++count;
    if (i < raw.size() && raw[i] == '"') {
      // "a ""quoted"" field", ended by a quote before a comma or the end.
      std::size_t j = i + 1;
      while (true) {
        j = raw.find('"', j);
        if (j == std::string_view::npos) return 0;
        if (j + 1 < raw.size() && raw[j + 1] == '"') { j += 2; continue; }
        break;
      }
      if (j + 1 < raw.size() && raw[j + 1] != ',') return 0;
      field(raw.substr(i + 1, j - i - 1), true);
      if (j + 1 >= raw.size()) break;
      i = j + 2;
      continue;
    }
    const std::size_t comma = std::min(raw.find(',', i), raw.size());
    field(raw.substr(i, comma - i), false);
    if (comma == raw.size()) break;
    i = comma + 1;
  }
  return count >= 3 ? count : 0;
}

CsvShape csv_shape(std::string_view raw) {
  CsvShape shape;
  std::string_view before;
  // An empty field counts with fields on both sides only: prose cut after
  // a figure's comma ends with one, and the next line starts with one.
  bool first = true, empty_inside = false;
  shape.fields = read_csv_fields(raw, [&](std::string_view f, bool quoted) {
    const bool empty = trimmed(f).empty();
    if (quoted || empty_inside) shape.empty_or_quoted = true;
    // Not the first field: a line of prose wrapped inside a figure starts
    // with the figure's end ("6%,用于…").
    if (!first && !empty && is_figure_field(f, before)) shape.figure = true;
    if (first && !f.empty() && f.size() <= 3 && digit_run(f) == f.size()) {
      shape.serial = 0;
      for (char c : f) shape.serial = shape.serial * 10 + (c - '0');
    }
    empty_inside = empty && !first;
    if (!first && !f.empty() && f.front() == ' ') shape.prose = true;
    before = f;
    first = false;
  });
  if (ends_with(trimmed(before), "。") && shape.serial < 0) shape.prose = true;
  return shape;
}

// raw's fields joined by tabs, unquoted ("" is a quote), as a row of cells.
std::string csv_as_cells(std::string_view raw) {
  std::string row;
  row.reserve(raw.size());
  bool first = true;
  read_csv_fields(raw, [&](std::string_view f, bool quoted) {
    if (!first) row += '\t';
    first = false;
    if (!quoted) { row.append(f); return; }
    for (std::size_t k = 0; k < f.size(); ++k) {
      row += f[k];
      if (f[k] == '"') ++k;  // the second quote of ""
    }
  });
  return row;
}

// Where the line starting at text[i] ends (its \n, \r or the text's end).
// A \r is looked for before the \n only: looking further for each line
// would read the rest of a text without one again and again.
std::size_t line_end(std::string_view text, std::size_t i) {
  const std::size_t lf = std::min(text.find('\n', i), text.size());
  const std::size_t cr = text.substr(i, lf - i).find('\r');
  return cr == std::string_view::npos ? lf : i + cr;
}
std::size_t next_line_start(std::string_view text, std::size_t end) {
  if (end >= text.size()) return text.size();
  return end + ((text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? 2 : 1);
}

// The lines of CSV sheets in a text, found as the text is read line by
// line: at a line with a comma, the run of lines from there that read as a
// sheet's is looked at once, and which of them are its rows kept.
class CsvSheets {
 public:
  explicit CsvSheets(std::string_view text) : text_(text) {}

  // Whether the line that starts at text[i] (one with a comma) is a sheet's
  // row. Asked of lines in order.
  bool holds(std::size_t i) {
    if (i >= scanned_) scan(i);
    while (next_ < rows_.size() && rows_[next_] < i) ++next_;
    return next_ < rows_.size() && rows_[next_] == i;
  }

 private:
  void scan(std::size_t i) {
    std::vector<std::pair<std::size_t, CsvShape>> run;  // each line's start and shape
    std::map<std::size_t, int> lines_of_width;
    int with_figure = 0, serial = -1;
    // Two lines numbered one after the other (序号): a table's rows.
    bool empty_or_quoted = false, numbered = false;
    std::size_t end_of_run = i;
    for (std::size_t at = i; at < text_.size();) {
      const std::size_t end = line_end(text_, at);
      const CsvShape shape = csv_shape(text_.substr(at, end - at));
      if (shape.fields == 0) break;
      run.emplace_back(at, shape);
      if (shape.sheet_like() || !shape.prose) ++lines_of_width[shape.fields];
      with_figure += shape.figure;
      empty_or_quoted |= shape.empty_or_quoted;
      numbered |= serial >= 0 && shape.serial == serial + 1;
      serial = shape.serial;
      end_of_run = end;
      at = next_line_start(text_, end);
    }
    scanned_ = std::max(end_of_run, i + 1);
    rows_.clear();
    next_ = 0;
    const auto shared = [&](std::size_t width) {
      const auto it = lines_of_width.find(width);
      return it != lines_of_width.end() && it->second >= 2;
    };
    const bool any_shared =
        std::any_of(lines_of_width.begin(), lines_of_width.end(), [](const auto& w) { return w.second >= 2; });
    if (!any_shared || !(empty_or_quoted || numbered || 2 * with_figure >= static_cast<int>(run.size()))) return;
    // A line of the run with no empty, quoted or figure field is prose next
    // to the sheet (a note whose commas are ASCII) when it reads as prose
    // or is not as wide as two of the run's lines.
    for (const auto& [start, shape] : run)
      if (shape.sheet_like() || (!shape.prose && shared(shape.fields))) rows_.push_back(start);
  }

  std::string_view text_;
  std::size_t scanned_ = 0;        // the lines before it were read for a run
  std::vector<std::size_t> rows_;  // where the last run's rows of a sheet start
  std::size_t next_ = 0;           // the first of them not yet passed
};

}  // namespace

std::vector<Line> split_lines(std::string_view text, const Limits& limits, std::vector<InputMessage>& messages,
                              int& physical_lines, std::size_t* first_invalid) {
  if (first_invalid) *first_invalid = std::string_view::npos;
  // \n, \r\n and a lone \r all end a line; a final newline opens no new line.
  std::vector<Line> lines;
  int number = 0;
  // The next \n and the next \r at or after i, each found with memchr and
  // looked for again only once passed: linear however the lines end (a
  // test of each byte for both was a tenth of normalization).
  auto next = [&](char c, std::size_t from) {
    std::size_t p = text.find(c, from);
    return p == std::string_view::npos ? text.size() : p;
  };
  std::size_t next_lf = next('\n', 0), next_cr = next('\r', 0);
  CsvSheets sheets(text);
  for (std::size_t i = 0; i <= text.size();) {
    if (next_lf < i) next_lf = next('\n', i);
    if (next_cr < i) next_cr = next('\r', i);
    const std::size_t end = std::min(next_lf, next_cr);
    std::string_view raw = text.substr(i, end - i);
    ++number;
    if (raw.size() > limits.max_line_bytes) {
      // Skipped, but its UTF-8 checked all the same.
      if (first_invalid) {
        if (const std::size_t bad = find_invalid_utf8(raw); bad != std::string_view::npos) {
          *first_invalid = i + bad;
          break;
        }
      }
      messages.push_back(make_message(
          "input.line_too_long", "warning", number,
          "第 " + std::to_string(number) + " 行过长（" + megabytes(raw.size()) + "，上限 " +
              megabytes(limits.max_line_bytes) + "），已跳过。",
          "Line " + std::to_string(number) + " is too long (" + megabytes(raw.size()) +
              "; the limit is " + megabytes(limits.max_line_bytes) + "); it was skipped."));
      lines.push_back(Line{number, "", {}, false, false});
    } else {
      std::size_t bad = std::string_view::npos;
      const std::size_t before = lines.size();
      const bool comma = normalize_line(raw, number, lines, first_invalid ? &bad : nullptr);
      // A line of text that is a sheet's row saved as CSV: read again, its
      // fields as cells. (Asked of lines of text with a comma only: a row
      // with tabs is none, and most lines with commas are such rows,
      // "1,802.64"; looking for commas in each line had cost 1.4% of an
      // analysis.)
      if (comma && bad == std::string_view::npos && lines.size() == before + 1 && lines.back().cell_spans.empty() &&
          sheets.holds(i)) {
        lines.pop_back();
        normalize_line(csv_as_cells(raw), number, lines, nullptr);
      }
      if (bad != std::string_view::npos) {
        *first_invalid = i + bad;
        break;
      }
    }
    if (end >= text.size()) break;
    i = next_line_start(text, end);
    if (i >= text.size()) break;
  }
  physical_lines = number;
  return lines;
}

std::string megabytes(std::uint64_t bytes) {
  // One decimal, rounded half up: "20.0 MB". Integer arithmetic only.
  std::uint64_t tenths = (bytes / 1024 * 10 + 1024 / 2) / 1024;
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " MB";
}

InputMessage make_message(std::string id, std::string severity, int line, std::string zh,
                          std::string en) {
  InputMessage m;
  m.id = std::move(id);
  m.severity = std::move(severity);
  m.line = line;
  m.message_zh = std::move(zh);
  m.message_en = std::move(en);
  return m;
}

}  // namespace hezhang
