// Pathological inputs, one by one (issue 6, item 5): each gets a clear
// message or a sound reading, never a crash, a hang, a wrapped figure or a
// mix of two reports. Empty, whitespace-only, NUL bytes, invalid UTF-8 and GB18030
// bytes passed as UTF-8 are in bad_input_test.cpp; the rest are here.
#include <catch2/catch.hpp>

#include <string>

#include "hezhang/hezhang.h"
#include "input_test_support.h"
#include "seed_tests_support.h"

namespace {

hezhang::Report run(const std::string& text, hezhang::Options o = {}) {
  o.name = "test.txt";
  return hezhang::analyze(text, o);
}

using input_test::find_message;
using input_test::ids;
using seed::fixture_text;

// Both languages say something, and the line is the one expected.
void expect_message(const hezhang::Report& r, const std::string& id, int line) {
  INFO("messages: " << ids(r));
  const hezhang::InputMessage* m = find_message(r, id);
  REQUIRE(m != nullptr);
  CHECK(m->line == line);
  CHECK_FALSE(m->message_zh.empty());
  CHECK_FALSE(m->message_en.empty());
}

int lines_of(const std::string& text) {
  int n = 0;
  for (char c : text) n += c == '\n';
  return n;
}

// A 支出决算表 in 万元 (lines 1-10): 合计 = 类 208 = 款 20805 = 60.00 + 40.00.
// `a` and `b` replace the two 项 figures.
std::string expense_table(const std::string& total, const std::string& a, const std::string& b) {
  return "支出决算表\n"                                                   // 1
         "公开03表\n"                                                     // 2
         "金额单位：万元\n"                                               // 3
         "项目\t\t本年支出合计\t基本支出\t项目支出\n"                     // 4
         "功能分类科目编码\t科目名称\t\t\t\n"                             // 5
         "合计\t\t" + total + "\t" + total + "\t\n"                       // 6
         "208\t社会保障和就业支出\t" + total + "\t" + total + "\t\n"      // 7
         "20805\t行政事业单位养老支出\t" + total + "\t" + total + "\t\n"  // 8
         "2080505\t机关事业单位基本养老保险缴费支出\t" + a + "\t" + a + "\t\n"  // 9
         "2080506\t机关事业单位职业年金缴费支出\t" + b + "\t" + b + "\t\n";     // 10
}

// The cell in `column` of the row on `line`; REQUIREs that it exists, so the
// callers may dereference it.
const hezhang::Cell* cell_at(const hezhang::Report& r, int line, int column) {
  const hezhang::Cell* cell = nullptr;
  for (const auto& t : r.tables) {
    const hezhang::TableRow* row = seed::row_at(t, line);
    if (row && !cell) cell = seed::cell_in(*row, column);
  }
  INFO("cell at line " << line << ", column " << column);
  REQUIRE(cell != nullptr);
  return cell;
}

}  // namespace

TEST_CASE("a 10 000-digit figure is unreadable, with a message, never wrapped", "[pathological]") {
  std::string huge(10000, '9');
  auto r = run(expense_table("100.00", huge, "40.00"));
  expect_message(r, "limit.number_digits", 9);
  const hezhang::Cell* c = cell_at(r, 9, 2);
  REQUIRE(c != nullptr);
  CHECK(c->kind == hezhang::CellKind::Text);
  CHECK_FALSE(c->value.has_value());
  // No relation is decided on it: no finding quotes a wrapped value.
  for (const auto& f : r.findings) CHECK(f.first_line != 9);
  bool seen = false;
  for (const auto& ch : r.checks)
    if (ch.rule == "hierarchy.sum" && !ch.lines.empty() && ch.lines.front() == 8) {
      seen = true;
      CHECK(ch.status != "passed");
    }
  CHECK(seen);  // the 款 = Σ 项 relation over the unreadable cell is in the ledger
}

TEST_CASE("max_number_digits makes shorter figures unreadable too", "[pathological][limits]") {
  hezhang::Options o;
  o.limits.max_number_digits = 4;  // 60.00 has 4 digits, 100.00 has 5
  auto r = run(expense_table("100.00", "60.00", "40.00"), o);
  expect_message(r, "limit.number_digits", 6);
  CHECK(cell_at(r, 9, 2)->value.has_value());
  CHECK_FALSE(cell_at(r, 8, 2)->value.has_value());
  // Above what a Decimal holds exactly, the limit acts as 18.
  o.limits.max_number_digits = 1000;
  auto big = run(expense_table("100.00", std::string(19, '1'), "40.00"), o);
  expect_message(big, "limit.number_digits", 9);
}

TEST_CASE("sums past the 64-bit range are not checked, never wrapped", "[pathological]") {
  // 900000000000000000 + 900000000000000000 does not fit in int64: the
  // relation is recorded as not checkable, and no finding quotes a sum.
  std::string big = "900000000000000000";
  auto r = run(expense_table("100.00", big, big));
  INFO(ids(r));
  CHECK(find_message(r, "limit.number_digits") == nullptr);  // 18 digits are readable
  REQUIRE(cell_at(r, 9, 2) != nullptr);
  CHECK(cell_at(r, 9, 2)->value.has_value());
  bool seen = false;
  for (const auto& ch : r.checks)
    if (ch.rule == "hierarchy.sum" && !ch.lines.empty() && ch.lines.front() == 8) {
      seen = true;
      CHECK(ch.status != "passed");
      CHECK(ch.status != "failed");
    }
  CHECK(seen);
  for (const auto& f : r.findings) {
    INFO(f.message_en);
    CHECK(f.first_line != 8);
  }
}

TEST_CASE("1e308-style text is text, not a figure", "[pathological]") {
  auto r = run(expense_table("100.00", "1e308", "1.7976931348623157E+308"));
  const hezhang::Cell* c = cell_at(r, 9, 2);
  REQUIRE(c != nullptr);
  CHECK(c->kind == hezhang::CellKind::Text);
  CHECK_FALSE(c->value.has_value());
  CHECK(cell_at(r, 10, 2)->kind == hezhang::CellKind::Text);
  // Narrative numbers in that style do not break the reading either.
  auto prose = run("一、部门概况\n本年支出 1e308 万元，比上年增长 1E+308%。\n");
  CHECK(prose.sections.size() >= 1);
}

TEST_CASE("deeply nested parentheses do not recurse or hang", "[pathological]") {
  std::string open(50000, '('), close(50000, ')');
  std::string cell = open + "1" + close;
  std::string fullwidth;
  for (int k = 0; k < 20000; ++k) fullwidth += "（";
  fullwidth += "2";
  for (int k = 0; k < 20000; ++k) fullwidth += "）";
  std::string text = expense_table("100.00", cell, fullwidth) + "注：10行 = " + open + "9+8" + close +
                     "行\n" + "二、说明" + open + "正文" + close + "\n";
  auto r = run(text);
  REQUIRE(r.tables.size() == 1);
  CHECK(cell_at(r, 9, 2)->kind == hezhang::CellKind::Text);
  CHECK(cell_at(r, 10, 2)->kind == hezhang::CellKind::Text);
  // Accounting negatives still read: one pair of brackets.
  auto neg = run(expense_table("100.00", "(60.00)", "（40.00）"));
  REQUIRE(cell_at(neg, 9, 2)->value.has_value());
  CHECK(cell_at(neg, 9, 2)->value->to_string() == "-60.00");
  CHECK(cell_at(neg, 10, 2)->value->to_string() == "-40.00");
}

TEST_CASE("100 000 columns in one row are read, or refused by the cell limit", "[pathological][limits]") {
  std::string row = "2080505\t机关事业单位基本养老保险缴费支出";
  for (int k = 0; k < 100000; ++k) row += "\t1.00";
  std::string text = expense_table("100.00", "60.00", "40.00") + row + "\n";
  auto r = run(text);
  INFO(ids(r));
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].columns.size() >= 100000);

  hezhang::Options o;
  o.limits.max_cells_per_table = 50000;
  auto limited = run(text, o);
  expect_message(limited, "limit.cells", 4);
  CHECK(limited.tables.empty());
}

TEST_CASE("a table header with no rows is a table without figures", "[pathological]") {
  auto r = run("支出决算表\n公开03表\n金额单位：万元\n项目\t\t本年支出合计\t基本支出\t项目支出\n"
               "功能分类科目编码\t科目名称\t\t\t\n\n二、其他说明\n本部门无其他说明。\n");
  INFO(ids(r));
  REQUIRE(r.tables.size() == 1);
  CHECK(r.tables[0].rows.empty());
  CHECK(r.tables[0].columns.size() == 5);
  for (const auto& f : r.findings) CHECK(f.first_line > r.tables[0].last_line);
  for (const auto& ch : r.checks) CHECK(ch.status != "passed");
}

TEST_CASE("a formula over rows that do not exist is not checkable", "[pathological]") {
  std::string text = "收入支出决算总表\n公开01表\n金额单位：万元\n"
                     "项目\t行次\t金额\n栏次\t\t1\n"
                     "一般公共预算财政拨款收入\t1\t10.00\n"
                     "其他收入\t2\t5.00\n"
                     "本年收入合计\t3\t15.00\n"
                     "注：99 行 = (1+2) 行；3 行 = (1+2+77) 行。\n";
  auto r = run(text);
  REQUIRE(r.tables.size() == 1);
  REQUIRE(r.tables[0].formulas.size() == 2);
  int formula_checks = 0;
  for (const auto& ch : r.checks)
    if (ch.rule == "formula.printed") {
      ++formula_checks;
      CHECK(ch.status == "insufficient_data");
    }
  CHECK(formula_checks == 2);
  for (const auto& f : r.findings) CHECK(f.rule != "formula.printed");
}

TEST_CASE("GB18030 bytes that happen to be valid UTF-8 read as no report", "[pathological]") {
  // "翠"/"淌" and friends: GB18030 codes C2..DF 80..BF are also valid two-byte
  // UTF-8, decoding to Latin/Greek/Cyrillic letters. The page says this is not
  // a report instead of finding figures in it.
  std::string mojibake;
  for (int k = 0; k < 200; ++k) {
    mojibake += static_cast<char>(0xC2 + k % 30);
    mojibake += static_cast<char>(0x80 + (k * 7) % 64);
    if (k % 20 == 19) mojibake += "\n";
  }
  auto r = run(mojibake);
  INFO(ids(r));
  expect_message(r, "input.no_tables", 0);
  CHECK(r.document.kind.empty());
  CHECK(r.findings.empty());
}

TEST_CASE("a report pasted twice is checked once, with a message", "[pathological][reports]") {
  for (const char* name : {"000_9c8107d782db8362.txt", "002_dc4432bf91a26f7a.txt", "004_b4f9d2b1ef90862f.txt"}) {
    INFO(name);
    std::string one = fixture_text(name);
    if (one.back() != '\n') one += '\n';
    auto single = run(one);
    auto twice = run(one + one);
    INFO(ids(twice));
    const hezhang::InputMessage* m = find_message(twice, "input.repeated_report");
    REQUIRE(m != nullptr);
    CHECK(m->severity == "warning");
    // The second copy starts on the first non-blank line after the first copy.
    CHECK(m->line > lines_of(one));
    CHECK(m->line <= lines_of(one) + 5);
    CHECK(find_message(twice, "input.multiple_reports") == nullptr);
    // Exactly the first copy's reading: its tables, findings and ledger.
    REQUIRE(twice.tables.size() == single.tables.size());
    for (std::size_t t = 0; t < single.tables.size(); ++t)
      CHECK(twice.tables[t].last_line == single.tables[t].last_line);
    CHECK(twice.findings.size() == single.findings.size());
    CHECK(twice.checks.size() == single.checks.size());
    CHECK(twice.input.lines == 2 * lines_of(one));
    // A single copy says nothing of the kind.
    CHECK(find_message(single, "input.repeated_report") == nullptr);
    CHECK(find_message(single, "input.multiple_reports") == nullptr);
  }
}

TEST_CASE("two different reports pasted together are not mixed", "[pathological][reports]") {
  struct Pair { const char* first; const char* second; };
  // 000+001: both 2020 决算 (a second 收入支出决算总表 restarts the tables);
  // 003+004: 决算 then 预算 (a cover of another kind); 002+003: 2019 then 2022.
  for (Pair p : {Pair{"000_9c8107d782db8362.txt", "001_f4a815153176995a.txt"},
                 Pair{"003_7723f8960340c19d.txt", "004_b4f9d2b1ef90862f.txt"},
                 Pair{"002_dc4432bf91a26f7a.txt", "003_7723f8960340c19d.txt"}}) {
    INFO(p.first << " + " << p.second);
    std::string a = fixture_text(p.first);
    if (a.back() != '\n') a += '\n';
    auto single = run(a);
    auto both = run(a + fixture_text(p.second));
    INFO(ids(both));
    const hezhang::InputMessage* m = find_message(both, "input.multiple_reports");
    REQUIRE(m != nullptr);
    CHECK(m->line > single.tables.back().last_line);
    CHECK(m->line <= lines_of(a) + 6);
    // Only the first report's tables, none of the second's.
    REQUIRE(both.tables.size() == single.tables.size());
    for (const auto& t : both.tables) CHECK(t.last_line < m->line);
    CHECK(both.document.kind == single.document.kind);
    CHECK(both.document.year == single.document.year);
    CHECK(both.findings.size() == single.findings.size());
  }
}

TEST_CASE("a cover title of another kind ends the report, however its ending is spaced", "[pathological][reports]") {
  // 003 is a 决算: a 预算 cover after its tables starts another report. Its
  // 算 stands fifth from the end (预算报告公开, the longest ending a cover
  // may have) with spaces among the last characters; a heading that goes on
  // after the same words is no cover.
  std::string report = fixture_text("003_7723f8960340c19d.txt");
  if (report.back() != '\n') report += '\n';
  const int cover_line = lines_of(report) + 2;
  auto both = run(report + "\n某某局2023年部门预 算 报告 公开\n\n一、部门职责\n");
  INFO(ids(both));
  const hezhang::InputMessage* m = find_message(both, "input.multiple_reports");
  REQUIRE(m != nullptr);
  CHECK(m->line == cover_line);
  auto heading = run(report + "\n某某局2023年部门预算报告公开说明\n");
  CHECK(find_message(heading, "input.multiple_reports") == nullptr);
}

TEST_CASE("limits: tables, line length and input size each have their message", "[pathological][limits]") {
  std::string report = fixture_text("003_7723f8960340c19d.txt");
  hezhang::Options o;
  o.limits.max_tables = 3;
  auto r = run(report, o);
  CHECK(r.tables.size() == 3);
  const hezhang::InputMessage* m = find_message(r, "limit.tables");
  REQUIRE(m != nullptr);
  CHECK(m->line > r.tables.back().last_line);
  CHECK(m->message_en.find("3") != std::string::npos);

  hezhang::Options lines;
  lines.limits.max_line_bytes = 100;
  auto cut = run("一、部门概况\n" + std::string(101, 'x') + "\n二、收入\n", lines);
  expect_message(cut, "input.line_too_long", 2);
  CHECK(cut.sections.size() >= 2);
}

TEST_CASE("options_from_json reads every limit and saturates huge values", "[pathological][limits]") {
  auto o = hezhang::options_from_json(
      R"({"max_input_bytes": 1000, "max_line_bytes": 200, "max_tables": 7,)"
      R"( "max_cells_per_table": 9000, "max_number_digits": 12})");
  CHECK(o.limits.max_input_bytes == 1000);
  CHECK(o.limits.max_line_bytes == 200);
  CHECK(o.limits.max_tables == 7);
  CHECK(o.limits.max_cells_per_table == 9000);
  CHECK(o.limits.max_number_digits == 12);
  // 2^32 + 1 does not fit a 32-bit limit: it means "as many as it holds", not 1.
  auto big = hezhang::options_from_json(R"({"max_tables": 4294967297, "max_number_digits": -3})");
  CHECK(big.limits.max_tables == 4294967295u);
  CHECK(big.limits.max_number_digits == hezhang::Limits{}.max_number_digits);  // negative ignored
}

TEST_CASE("two runs give the same bytes, for fixtures and pathological inputs", "[pathological][determinism]") {
  std::vector<std::string> inputs = {
      fixture_text("000_9c8107d782db8362.txt"), fixture_text("001_f4a815153176995a.txt"),
      fixture_text("003_7723f8960340c19d.txt"), fixture_text("004_b4f9d2b1ef90862f.txt"),
      fixture_text("000_9c8107d782db8362.txt") + fixture_text("001_f4a815153176995a.txt"),
      expense_table("100.00", std::string(300, '9'), "1e308"),
      expense_table("100.00", "900000000000000000", "900000000000000000")};
  hezhang::Options o;
  for (const std::string& text : inputs) {
    std::string first = hezhang::analyze_to_json(text, o);
    CHECK(hezhang::analyze_to_json(text, o) == first);
    CHECK(!first.empty());
  }
}
