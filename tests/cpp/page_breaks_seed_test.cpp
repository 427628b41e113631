// What a page break leaves in text taken from a PDF or a word processor, put
// into the real reports: after every 12th row of each table, a page number
// and the table's column headers printed again. The findings and checks must
// be those of the report as it is, line for line once the inserted lines are
// mapped away: no table cut in two, no header read as a row, no new finding.
// Nothing here is written down per seed: each variant is compared with the
// analysis of its own original.
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
  int page_breaks = 0;
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
    ++v.page_breaks;
    v.text += "- " + std::to_string(v.page_breaks + 1) + " -\n";
    v.original_line.push_back(0);
    for (int n : repeat_after[i + 1]) {
      v.text += lines[static_cast<std::size_t>(n - 1)] + "\n";
      v.original_line.push_back(0);
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
    for (int n : f.related_lines) related.push_back(map(n));
    keys.emplace_back(f.rule, f.materiality, map(f.first_line), map(f.last_line), related, f.expected, f.actual);
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
  return std::get<0>(k) + " " + std::get<1>(k) + " L" + std::to_string(std::get<2>(k)) + " expected " +
         std::get<5>(k) + " actual " + std::get<6>(k);
}

}  // namespace

TEST_CASE("page numbers and repeated headers inside the seeds' tables change no finding", "[seed][layout]") {
  for (const char* file : {"000_9c8107d782db8362.txt", "001_f4a815153176995a.txt", "002_dc4432bf91a26f7a.txt",
                           "003_7723f8960340c19d.txt", "004_b4f9d2b1ef90862f.txt"}) {
    INFO(file);
    const hezhang::Report& original = seed::report(file);
    const Variant v = with_page_breaks(seed::fixture_text(file), original);
    hezhang::Options options;
    options.name = file;
    const hezhang::Report broken = hezhang::analyze(v.text, options);
    INFO(v.page_breaks << " page breaks put in");
    // Seed 002's two tables are short; every other seed has long ones.
    if (std::string(file) != "002_dc4432bf91a26f7a.txt") CHECK(v.page_breaks >= 5);
    const auto same = [](int n) { return n; };
    // An inserted line has no original: -n keeps it apart from every original line.
    const auto back = [&](int n) {
      return n > 0 && static_cast<std::size_t>(n) < v.original_line.size() && v.original_line[n] ? v.original_line[n] : -n;
    };
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
