// The JSON contract "hezhang.report/1" (docs/json-contract.md). Keys are
// written in a fixed order so that output is byte-identical everywhere.
//
// Written straight into one string rather than built as a nlohmann::json tree
// and dumped: the tree cost a third of the whole analysis (a report's JSON is
// ~4x its input: every cell, sentence and check). The bytes are exactly those
// of nlohmann's dump(-1, ' ', false, replace), which this file used before:
// strings escape '"', '\\', \b \f \n \r \t and other controls as \u00xx
// (lowercase hex), all else verbatim; in a string with invalid UTF-8 (which
// analyze refuses, so never expected) each invalid sequence is one U+FFFD,
// as nlohmann's replaces it (json_test compares the two). In a
// report from analyze (Report::strings_valid_utf8) only the bytes to escape
// are looked for, and the UTF-8 is checked at each string's ends only.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <cstdint>
#include <string>
#include <string_view>

#include "internal.h"

namespace hezhang {

namespace {

// Length of the valid UTF-8 sequence at s[i] (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 when invalid: the same rules as
// nlohmann's decoder.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  auto at = [&](std::size_t k) -> unsigned {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100;
  };
  auto cont = [&](std::size_t k, unsigned lo = 0x80, unsigned hi = 0xBF) {
    unsigned c = at(k);
    return c >= lo && c <= hi;
  };
  unsigned c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// How many bytes at s[i], which start no valid character (utf8_length 0),
// one U+FFFD replaces, as nlohmann's decoder replaces them: a byte that can
// start no character alone; else the lead and the continuation bytes that
// fit it, up to the first that does not (read again, as a start) or the end.
std::size_t replaced_length(std::string_view s, std::size_t i) {
  const unsigned c = static_cast<unsigned char>(s[i]);
  std::size_t need;
  unsigned lo = 0x80, hi = 0xBF;  // the range of the next byte
  if (c >= 0xC2 && c <= 0xDF) {
    need = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 1;
  }
  std::size_t k = 1;
  for (; k < need && i + k < s.size(); ++k) {
    const unsigned d = static_cast<unsigned char>(s[i + k]);
    if (d < lo || d > hi) break;
    lo = 0x80, hi = 0xBF;
  }
  return k;
}

// A compact JSON writer: values are separated by commas as they come, so no
// stack of open containers is needed. A report's JSON is tens of thousands
// of small pieces, and a std::string append costs a call and a capacity
// check each: pieces go into a small block at a cursor instead, appended to
// the output a block at a time.
class Writer {
 public:
  // strings_valid_utf8: the strings to be written are known to be valid
  // UTF-8 (a report from analyze), but for those written with checked_value.
  Writer(std::size_t reserve, bool strings_valid_utf8) : valid_utf8_(strings_valid_utf8) { out_.reserve(reserve); }
  std::string take() {
    flush();
    return std::move(out_);
  }

  Writer& begin_object() { return open('{'); }
  Writer& end_object() { return close('}'); }
  Writer& begin_array() { return open('['); }
  Writer& end_array() { return close(']'); }

  // `"name":` — the value follows. Keys are our own ASCII identifiers, most
  // of them literals, whose length is known here.
  template <std::size_t N>
#if defined(__GNUC__)
  __attribute__((always_inline))
#endif
  Writer& key(const char (&name)[N]) {
    return key_of(name, N - 1);
  }
  Writer& key(std::string_view name) { return key_of(name.data(), name.size()); }

  Writer& value(std::string_view s) {
    separate();
    string(s, valid_utf8_);
    return done();
  }
  // A string from outside the analysis (the caller's file name), checked
  // as UTF-8 in any report.
  Writer& checked_value(std::string_view s) {
    separate();
    string(s, false);
    return done();
  }
  Writer& value(const char* s) { return value(std::string_view(s)); }
  // One of this file's own names (a cell's kind): plain ASCII, quoted as
  // it is, without looking for bytes to escape.
  Writer& name(std::string_view s) {
    separate();
    quoted(s);
    return done();
  }
  Writer& value(const std::string& s) { return value(std::string_view(s)); }
  // As a string: "1802.64", what Decimal::to_string() gives.
  Writer& value(const Decimal& d) {
    const std::size_t n = d.length() + 2;
    if (n > kBlock) return value(d.to_string());  // a scale in the thousands: never read so
    separate();
    char* p = room(n);
    *p = '"';
    p = d.write(p + 1);
    *p = '"';
    used_ = static_cast<std::size_t>(p + 1 - block_);
    return done();
  }
  Writer& value(bool b) {
    separate();
    put(b ? std::string_view("true") : std::string_view("false"));
    return done();
  }
  Writer& value(int n) { return number(n); }
  Writer& value(std::uint64_t n) { return number(n); }
  Writer& null() {
    separate();
    put("null");
    return done();
  }
  Writer& lines(int first, int last) { return begin_array().value(first).value(last).end_array(); }
  Writer& ints(const std::vector<int>& xs) {
    begin_array();
    for (int x : xs) value(x);
    return end_array();
  }

  // Shorthand for an object member.
  template <std::size_t N, typename T>
  Writer& field(const char (&name)[N], const T& v) {
    return key(name).value(v);
  }
  template <typename T>
  Writer& field(std::string_view name, const T& v) {
    return key(name).value(v);
  }

 private:
  // Small enough that appending a block stays a short copy.
  static constexpr std::size_t kBlock = 2048;

  // Room for n (at most kBlock) more bytes in the block; returns where they go.
  char* room(std::size_t n) {
    if (kBlock - used_ < n) flush();
    return block_ + used_;
  }
  void flush() {
    out_.append(block_, used_);
    used_ = 0;
  }
  void put(std::string_view s) {
    if (kBlock - used_ < s.size()) {
      flush();
      if (s.size() > kBlock) {
        out_.append(s);
        return;
      }
    }
    copy(block_ + used_, s.data(), s.size());
    used_ += s.size();
  }
  // memcpy, without a call for the short pieces most are (keys, figures,
  // names): two overlapping moves of 8 or 4 bytes.
  static void copy(char* to, const char* from, std::size_t n) {
    if (n >= 8 && n <= 16) {
      std::memcpy(to, from, 8);
      std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4 && n < 8) {
      std::memcpy(to, from, 4);
      std::memcpy(to + n - 4, from + n - 4, 4);
    } else if (n < 4) {
      for (std::size_t i = 0; i < n; ++i) to[i] = from[i];
    } else {
      std::memcpy(to, from, n);
    }
  }
  void put(char c) {
    *room(1) = c;
    ++used_;
  }
  // Inlined, so that a literal key's length is a constant there: the copy
  // becomes two moves (GCC kept it a call, ~50 instructions, per key).
#if defined(__GNUC__)
  __attribute__((always_inline))
#endif
  Writer& key_of(const char* name, std::size_t n) {
    if (n + 4 > kBlock) {  // never for our keys; kept correct all the same
      separate();
      put('"');
      put(std::string_view(name, n));
      put("\":");
      comma_ = false;
      return *this;
    }
    char* p = room(n + 4);
    if (comma_) *p++ = ',';
    *p++ = '"';
    copy(p, name, n);
    p += n;
    *p++ = '"';
    *p++ = ':';
    used_ = static_cast<std::size_t>(p - block_);
    comma_ = false;
    return *this;
  }
  Writer& open(char c) {
    separate();
    put(c);
    comma_ = false;
    return *this;
  }
  Writer& close(char c) {
    put(c);
    return done();
  }
  Writer& done() {
    comma_ = true;
    return *this;
  }
  void separate() {
    if (comma_) put(',');
  }
  template <typename N>
  Writer& number(N n) {
    separate();
    char* p = room(24);
    if (n >= 0 && n < 100000) {
      // Line numbers, columns, counts: most of a report's numbers. Not
      // std::to_chars: in WebAssembly its chain of calls had been 2% of an
      // analysis (write_digits_backward, internal.h).
      const auto v = static_cast<std::uint32_t>(n);
      // Counted by comparisons, not decimal_digits: for numbers this small
      // its bit-width estimate costs more (0.5% of an analysis).
      char* const end = p + (v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : 5);
      write_digits_backward(end, v);
      used_ = static_cast<std::size_t>(end - block_);
    } else {
      used_ = static_cast<std::size_t>(std::to_chars(p, p + 24, n).ptr - block_);
    }
    return done();
  }

  // What string() needs to know of a byte, by table: plain ASCII, a lead
  // of 3 bytes whose continuations may be any of 80..BF (E1..EC, EE, EF:
  // ideographs and full-width punctuation, most of the text), or anything
  // else (escapes and the other UTF-8 leads, checked by utf8_length).
  enum : unsigned char { kOther, kPlain, kLead3 };
  static constexpr std::array<unsigned char, 256> kByteKind = [] {
    std::array<unsigned char, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[c] = c == '"' || c == '\\' ? kOther : kPlain;
    for (int c = 0xE1; c <= 0xEF; ++c) t[c] = c == 0xED ? kOther : kLead3;
    return t;
  }();

  // Where, from i, the first byte that needs a look is (an escape, or UTF-8
  // other than a 3-byte sequence with a kLead3 lead); n when none does.
  static std::size_t plain_until(const unsigned char* b, std::size_t i, std::size_t n) {
    while (i < n) {
      const unsigned char kind = kByteKind[b[i]];
      if (kind == kPlain) {
        ++i;
      } else if (const std::size_t end = kind == kLead3 ? three_byte_run_end(std::string_view(reinterpret_cast<const char*>(b), n), i) : i; end > i) {
        i = end;
      } else {
        break;
      }
    }
    return i;
  }

  // Where the first byte to escape ('"', '\\' or a control) is in s; its
  // size when none is: what string() needs instead of plain_until for a
  // string known to be valid UTF-8. Eight bytes at a time, Chinese or not,
  // the last few as a word that overlaps those already read.
  static std::size_t first_escape(std::string_view s) {
    const char* const b = s.data();
    const std::size_t n = s.size();
    // The lowest mark of each of bytes_below/bytes_equal is exact (see
    // word_bytes.h), so the lowest of the three together is too; a word's
    // bytes already read hold no escape, so its lowest mark is past them.
    // A word of bytes all past 0x7F (Chinese, most of the text) has none.
    constexpr std::uint64_t kHigh = kEachByte * 0x80;
    const auto marks = [](std::uint64_t w) -> std::uint64_t {
      if ((w & kHigh) == kHigh) return 0;
      return bytes_below(w, 0x20) | bytes_equal(w, '"') | bytes_equal(w, '\\');
    };
    if (n >= 8) {
      const std::size_t i = skip_to_flagged(b, 0, n, marks);
      if (i + 8 <= n) return i;
      const std::uint64_t m = marks(load_word(b + n - 8));
      return m ? n - 8 + first_flagged(m) : n;
    }
    if (n >= 4) {
      // Two words of four bytes (their high halves zero, and not looked at).
      constexpr std::uint64_t kLow = 0x80808080u;
      if (const std::uint64_t m = marks(load_half_word(b)) & kLow) return first_flagged(m);
      const std::uint64_t m = marks(load_half_word(b + n - 4)) & kLow;
      return m ? n - 4 + first_flagged(m) : n;
    }
    for (std::size_t i = 0; i < n; ++i) {
      const auto c = static_cast<unsigned char>(b[i]);
      if (c < 0x20 || c == '"' || c == '\\') return i;
    }
    return n;
  }
  // Whether s starts and ends with whole characters, as a string cut inside
  // a character would not: its first byte is no continuation byte, and its
  // last character a whole, valid one. (Inside, a string from
  // analyze holds what analyze read, whose UTF-8 it checked.)
  static bool whole_characters(std::string_view s) {
    const std::size_t n = s.size();
    if (n == 0) return true;
    const auto byte = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k])); };
    const auto continues = [&](std::size_t k) { return (byte(k) & 0xC0) == 0x80; };
    if (continues(0)) return false;
    if (byte(n - 1) < 0x80) return true;  // most strings end in ASCII or ...
    if (n >= 3 && (byte(n - 3) & 0xF0) == 0xE0 && continues(n - 2) && continues(n - 1))
      return true;  // ... in a 3-byte character
    std::size_t lead = n - 1;
    while (lead > 0 && n - lead < 4 && continues(lead)) --lead;
    return utf8_length(s, lead) == n - lead;  // 0 for a lead that is none
  }

  // Most strings need nothing done to them: copied whole, quoted. `valid`:
  // s is known to be valid UTF-8 (but for its ends, checked all the same).
  void string(std::string_view s, bool valid) {
    const std::size_t n = s.size();
    const std::size_t i = valid && whole_characters(s)
                              ? first_escape(s)
                              : plain_until(reinterpret_cast<const unsigned char*>(s.data()), 0, n);
    if (i < n || n + 2 > kBlock) return string_from(s, i);
    quoted(s);
  }
  // s between quotes, as it is (at most kBlock - 2 bytes, none to escape).
  void quoted(std::string_view s) {
    const std::size_t n = s.size();
    char* p = room(n + 2);
    *p = '"';
    copy(p + 1, s.data(), n);
    p[n + 1] = '"';
    used_ += n + 2;
  }

  // The rest, from s[i] (the first byte that needs a look): runs of bytes
  // that need no escape are copied in one piece each.
  void string_from(std::string_view s, std::size_t i) {
    put('"');
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t run = 0;
    for (; i < n; i = plain_until(b, i, n)) {
      const unsigned c = b[i];
      if (c >= 0x80) {
        const std::size_t len = utf8_length(s, i);
        if (len == 0) {
          // Never expected (see the top of this file): U+FFFD, as nlohmann
          // replaces invalid bytes.
          put(s.substr(run, i - run));
          put("\xEF\xBF\xBD");
          run = i += replaced_length(s, i);
          continue;
        }
        i += len;
        continue;
      }
      put(s.substr(run, i - run));
      switch (c) {
        case '"': put("\\\""); break;
        case '\\': put("\\\\"); break;
        case '\b': put("\\b"); break;
        case '\f': put("\\f"); break;
        case '\n': put("\\n"); break;
        case '\r': put("\\r"); break;
        case '\t': put("\\t"); break;
        default: {
          static const char kHex[] = "0123456789abcdef";
          const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          put(std::string_view(esc, 6));
        }
      }
      run = ++i;
    }
    put(s.substr(run));
    put('"');
  }

  std::string out_;
  char block_[kBlock];  // written after out_, used_ bytes of it
  std::size_t used_ = 0;
  bool comma_ = false;
  const bool valid_utf8_;
};

std::string_view kind_name(CellKind k) {
  switch (k) {
    case CellKind::Empty: return "empty";
    case CellKind::Amount: return "amount";
    case CellKind::Percent: return "percent";
    case CellKind::Placeholder: return "placeholder";
    case CellKind::Text: return "text";
  }
  return "text";
}

void write_table(Writer& w, const Table& t) {
  w.begin_object()
      .field("id", t.id)
      .field("label", t.label)
      .field("template", t.template_id)
      .field("title", t.title);
  w.key("lines").lines(t.first_line, t.last_line);
  w.field("unit", t.unit).field("unit_line", t.unit_line).field("declared_empty", t.declared_empty);
  if (t.declared_empty) w.field("empty_note", t.empty_note).field("empty_note_line", t.empty_note_line);
  w.key("columns").begin_array();
  for (const Column& c : t.columns)
    w.begin_object()
        .field("index", c.index)
        .field("group", c.group)
        .field("header", c.header)
        .field("key", c.key)
        .field("number", c.number)
        .end_object();
  w.end_array();
  w.key("rows").begin_array();
  for (const TableRow& r : t.rows) {
    w.begin_object().field("line", r.line).field("group", r.group).field("code", r.code);
    if (r.code_inferred) w.field("code_inferred", true);
    w.field("name", r.name).field("level", r.level).field("row_number", r.row_number);
    w.key("cells").begin_array();
    for (const Cell& c : r.cells) {
      w.begin_object().field("column", c.column).field("text", c.text).key("kind").name(kind_name(c.kind));
      if (c.value) w.field("value", *c.value);
      else w.key("value").null();
      w.end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  w.key("formulas").begin_array();
  for (const Formula& f : t.formulas) {
    w.begin_object()
        .field("line", f.line)
        .field("text", f.text)
        .field("axis", f.axis)
        .field("each_row", f.each_row)
        .field("target", f.target);
    w.key("terms").begin_array();
    for (const FormulaTerm& term : f.terms) w.value(term.sign * term.index);
    w.end_array().end_object();
  }
  w.end_array();
  w.end_object();
}

}  // namespace

std::string to_json(const Report& r) {
  // The JSON is 4-5 times the input for reports (more for huge tables or
  // prose): one allocation up front for a report, but never more than 8 MB
  // reserved ahead (a 20 MB paste must not claim 120 MB of a phone's memory
  // before it is needed; past that the string grows as it fills).
  Writer w(std::min<std::size_t>(6 * r.input.bytes + 4096, std::size_t{8} << 20), r.strings_valid_utf8);
  w.begin_object().field("schema", "hezhang.report/1");
  w.key("input")
      .begin_object()
      .key("name").checked_value(r.input.name)
      .field("bytes", r.input.bytes)
      .field("lines", r.input.lines)
      .key("encoding").checked_value(r.input.encoding)
      .end_object();
  w.key("document")
      .begin_object()
      .field("kind", r.document.kind)
      .field("year", r.document.year)
      .field("department", r.document.department)
      .field("unit", r.document.unit)
      .end_object();
  w.key("messages").begin_array();
  for (const InputMessage& m : r.messages)
    w.begin_object()
        .field("id", m.id)
        .field("severity", m.severity)
        .field("line", m.line)
        .field("message_zh", m.message_zh)
        .field("message_en", m.message_en)
        .end_object();
  w.end_array();
  w.key("tables").begin_array();
  for (const Table& t : r.tables) write_table(w, t);
  w.end_array();
  w.key("sections").begin_array();
  for (const Section& s : r.sections) {
    w.begin_object().field("number", s.number).field("heading", s.heading).field("depth", s.depth);
    w.key("lines").lines(s.line, s.last_line);
    w.field("topic", s.topic);
    w.key("sentences").begin_array();
    for (const Sentence& x : s.sentences) {
      w.begin_object().key("lines").lines(x.line, x.last_line);
      w.field("text", x.text).end_object();
    }
    w.end_array().end_object();
  }
  w.end_array();
  // The parts a 决算 explanation must have (narrative.sections), as found.
  w.key("required_sections").begin_array();
  for (const CheckEntry& c : r.checks) {
    if (c.rule != "narrative.sections"sv) continue;
    std::size_t at = c.id.find('@');
    const char* state = c.status == "passed"sv ? "present" : c.status == "failed"sv ? "missing" : "not_applicable";
    w.begin_object()
        .field("topic", at == std::string::npos ? std::string() : c.id.substr(at + 1))
        .field("state", state)
        .field("line", c.lines.empty() ? 0 : c.lines.front())
        .end_object();
  }
  w.end_array();
  w.key("claims").begin_array();
  int linked = 0;
  for (const Claim& c : r.claims) {
    w.begin_object().field("line", c.line);
    w.key("span").lines(c.begin, c.end);
    w.field("text", c.text)
        .field("subject", c.subject)
        .field("subject_text", c.subject_text)
        .field("scope", c.scope)
        .field("relation", c.relation);
    if (!c.qualifier.empty()) w.field("qualifier", c.qualifier);
    if (c.relation == "change"sv || c.relation == "rate"sv) w.field("direction", c.direction);
    w.field("value", c.value).field("unit", c.unit).field("group", c.group);
    if (c.parent >= 0) w.field("part_of", c.parent);
    if (c.cell) {
      ++linked;
      w.key("link")
          .begin_object()
          .field("table", c.cell->table_id)
          .field("row_line", c.cell->row_line)
          .field("column", c.cell->column)
          .field("value", c.cell->value)
          .field("unit", c.cell->unit)
          .end_object();
    } else {
      w.field("link", c.link).field("reason", c.reason);
    }
    w.end_object();
  }
  w.end_array();
  int errors = 0, warnings = 0, infos = 0;
  w.key("findings").begin_array();
  for (const Finding& f : r.findings) {
    if (f.severity == "error"sv) ++errors;
    else if (f.severity == "warning"sv) ++warnings;
    else ++infos;
    w.begin_object().field("rule", f.rule).field("severity", f.severity).field("materiality", f.materiality);
    w.key("lines").lines(f.first_line, f.last_line);
    w.key("related_lines").ints(f.related_lines);
    w.field("expected", f.expected)
        .field("actual", f.actual)
        .field("difference", f.difference)
        .field("unit", f.unit)
        .field("message_zh", f.message_zh)
        .field("message_en", f.message_en)
        .end_object();
  }
  w.end_array();
  // One count per ledger status, in this order; other statuses are not counted.
  static constexpr std::string_view kStatuses[] = {"passed",         "failed",
                                                   "rounding",       "not_applicable",
                                                   "insufficient_data", "ambiguous"};
  int counts[6] = {};
  w.key("checks").begin_array();
  for (const CheckEntry& c : r.checks) {
    w.begin_object().field("id", c.id).field("rule", c.rule).field("status", c.status);
    w.key("lines").ints(c.lines).end_object();
    for (int k = 0; k < 6; ++k)
      if (c.status == kStatuses[k]) ++counts[k];
  }
  w.end_array();
  w.key("summary").begin_object().field("checks", static_cast<std::uint64_t>(r.checks.size()));
  for (int k = 0; k < 6; ++k) w.field(kStatuses[k], counts[k]);
  w.field("errors", errors)
      .field("warnings", warnings)
      .field("infos", infos)
      .field("tables", static_cast<std::uint64_t>(r.tables.size()))
      .field("claims", static_cast<std::uint64_t>(r.claims.size()))
      .field("claims_linked", linked)
      .end_object();
  w.end_object();
  return w.take();
}

}  // namespace hezhang
