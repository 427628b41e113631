// The five real reports laid out as other tools lay them out, each compared
// with the analysis of its own original, line for line once the variant's
// lines are mapped back (nothing here is written down per seed):
// - page breaks: after every 12th row of each table, a page number and the
//   table's column headers printed again (text from a PDF or a word
//   processor): no table cut in two, no header read as a row, the same
//   findings and checks;
// - prose wrapped short, as text copied from a PDF is (numbered paragraphs
//   cut after a few words, figures cut in two): no new finding, none lost.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "hezhang/hezhang.h"
#include "seed_tests_support.h"

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The report with page breaks put in, and for each of its lines (1-based)
// the original line it is, or 0 for an inserted one.
struct Variant {
  std::string text;
  std::vector<int> original_line{0};
  int changes = 0;  // page breaks put in, or lines wrapped
};

Variant with_page_breaks(const std::string& text, const hezhang::Report& report) {
  const std::vector<std::string> lines = split_lines(text);
  // After which original lines a break goes, and what it repeats: the cell
  // lines above the table's first row (its column headers).
  std::vector<std::vector<int>> repeat_after(lines.size() + 1);
  std::vector<bool> breaks_after(lines.size() + 1, false);
  for (const auto& table : report.tables) {
    std::set<int> row_lines;
    for (const auto& row : table.rows) row_lines.insert(row.line);
    if (row_lines.size() < 13) continue;
    std::vector<int> header;
    for (int n = table.first_line; n < *row_lines.begin(); ++n)
      if (lines[static_cast<std::size_t>(n - 1)].find('\t') != std::string::npos) header.push_back(n);
    int count = 0;
    for (int n : row_lines)
      if (++count % 12 == 0 && n != *row_lines.rbegin()) {
        breaks_after[static_cast<std::size_t>(n)] = true;
        repeat_after[static_cast<std::size_t>(n)] = header;
      }
  }
  Variant v;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    v.text += lines[i] + "\n";
    v.original_line.push_back(static_cast<int>(i + 1));
    if (!breaks_after[i + 1]) continue;
    ++v.changes;
    v.text += "- " + std::to_string(v.changes + 1) + " -\n";
    v.original_line.push_back(0);
    for (int n : repeat_after[i + 1]) {
      v.text += lines[static_cast<std::size_t>(n - 1)] + "\n";
      v.original_line.push_back(0);
    }
  }
  return v;
}

// Each line of prose (outside the tables, not a markdown heading) cut every
// `width` characters.
Variant with_prose_wrapped(const std::string& text, const hezhang::Report& report, std::size_t width) {
  const std::vector<std::string> lines = split_lines(text);
  std::vector<bool> in_table(lines.size() + 1, false);
  for (const auto& table : report.tables)
    for (int n = table.first_line; n <= table.last_line; ++n) in_table[static_cast<std::size_t>(n)] = true;
  Variant v;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    const int number = static_cast<int>(i + 1);
    std::vector<std::size_t> cuts;  // byte offsets of every width-th character
    for (std::size_t b = 0, chars = 0; b < line.size(); ++b)
      if ((static_cast<unsigned char>(line[b]) & 0xC0) != 0x80 && chars++ % width == 0 && b > 0) cuts.push_back(b);
    if (in_table[i + 1] || cuts.empty() || line.find('\t') != std::string::npos || line[0] == '|' || line[0] == '#') {
      v.text += line + "\n";
      v.original_line.push_back(number);
      continue;
    }
    ++v.changes;
    std::size_t from = 0;
    cuts.push_back(line.size());
    for (std::size_t cut : cuts) {
      v.text += line.substr(from, cut - from) + "\n";
      v.original_line.push_back(number);
      from = cut;
    }
  }
  return v;
}

using FindingKey = std::tuple<std::string, std::string, int, int, std::vector<int>, std::string, std::string>;
using CheckKey = std::tuple<std::string, std::string, std::vector<int>>;

template <typename MapLine>
std::vector<FindingKey> finding_keys(const hezhang::Report& r, MapLine map) {
  std::vector<FindingKey> keys;
  for (const auto& f : r.findings) {
    std::vector<int> related;
    const int first = map(f.first_line), last = map(f.last_line);
    // Two lines of a wrapped sentence map to one: its other line is no
    // other place.
    for (int n : f.related_lines)
      if (const int m = map(n); m < first || m > last) related.push_back(m);
    std::sort(related.begin(), related.end());
    related.erase(std::unique(related.begin(), related.end()), related.end());
    keys.emplace_back(f.rule, f.materiality, first, last, related, f.expected, f.actual);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

template <typename MapLine>
std::vector<CheckKey> check_keys(const hezhang::Report& r, MapLine map) {
  std::vector<CheckKey> keys;
  for (const auto& c : r.checks) {
    std::vector<int> lines;
    for (int n : c.lines) lines.push_back(map(n));
    keys.emplace_back(c.rule, c.status, lines);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::string describe(const FindingKey& k) {
  std::string related;
  for (int n : std::get<4>(k)) related += " " + std::to_string(n);
  return std::get<0>(k) + " " + std::get<1>(k) + " L" + std::to_string(std::get<2>(k)) + "-" +
         std::to_string(std::get<3>(k)) + " expected " + std::get<5>(k) + " actual " + std::get<6>(k) +
         " related" + related;
}

// An inserted line has no original: -n keeps it apart from every original line.
int original_of(const Variant& v, int n) {
  return n > 0 && static_cast<std::size_t>(n) < v.original_line.size() && v.original_line[n] ? v.original_line[n] : -n;
}

hezhang::Report analyze_as(const std::string& text, const char* file) {
  hezhang::Options options;
  options.name = file;
  return hezhang::analyze(text, options);
}

const char* const kSeeds[] = {"000_9c8107d782db8362.txt", "001_f4a815153176995a.txt", "002_dc4432bf91a26f7a.txt",
                              "003_7723f8960340c19d.txt", "004_b4f9d2b1ef90862f.txt"};

}  // namespace

TEST_CASE("page numbers and repeated headers inside the seeds' tables change no finding", "[seed][layout]") {
  for (const char* file : kSeeds) {
    INFO(file);
    const hezhang::Report& original = seed::report(file);
    const Variant v = with_page_breaks(seed::fixture_text(file), original);
    const hezhang::Report broken = analyze_as(v.text, file);
    INFO(v.changes << " page breaks put in");
    // Seed 002's two tables are short; every other seed has long ones.
    if (std::string(file) != "002_dc4432bf91a26f7a.txt") CHECK(v.changes >= 5);
    const auto same = [](int n) { return n; };
    const auto back = [&](int n) { return original_of(v, n); };
    CHECK(broken.tables.size() == original.tables.size());
    const auto want = finding_keys(original, same), got = finding_keys(broken, back);
    for (const auto& k : want)
      if (std::find(got.begin(), got.end(), k) == got.end()) UNSCOPED_INFO("lost: " << describe(k));
    for (const auto& k : got)
      if (std::find(want.begin(), want.end(), k) == want.end()) UNSCOPED_INFO("new: " << describe(k));
    CHECK(got == want);
    CHECK(check_keys(broken, back) == check_keys(original, same));
  }
}

TEST_CASE("the seeds' prose wrapped short gives the same findings", "[seed][layout]") {
  // A finding whose sentence now spans two lines may be told once per line:
  // compared as sets. The checks are not compared: a check of a figure cut
  // in two names both lines.
  for (std::size_t width : {38, 50}) {
    for (const char* file : kSeeds) {
      INFO(file << " wrapped at " << width);
      const hezhang::Report& original = seed::report(file);
      const Variant v = with_prose_wrapped(seed::fixture_text(file), original, width);
      INFO(v.changes << " lines wrapped");
      CHECK(v.changes >= 20);
      const hezhang::Report wrapped = analyze_as(v.text, file);
      const auto back = [&](int n) { return original_of(v, n); };
      auto want = finding_keys(original, [](int n) { return n; }), got = finding_keys(wrapped, back);
      got.erase(std::unique(got.begin(), got.end()), got.end());
      for (const auto& k : want)
        if (std::find(got.begin(), got.end(), k) == got.end()) UNSCOPED_INFO("lost: " << describe(k));
      for (const auto& k : got)
        if (std::find(want.begin(), want.end(), k) == want.end()) UNSCOPED_INFO("new: " << describe(k));
      CHECK(got == want);
      CHECK(wrapped.claims.size() >= original.claims.size() * 9 / 10);
    }
  }
}
