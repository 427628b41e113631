// Table layouts (core/src/tables.cpp) on small hand-written reports: the same
// table written with tabs, markdown pipes, HTML rows and as CSV must read the
// same.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "hezhang/hezhang.h"

using hezhang::Table;
using hezhang::TableRow;

namespace {

hezhang::Report run(const std::string& text) {
  hezhang::Options options;
  options.name = "layout.txt";
  return hezhang::analyze(text, options);
}

const Table& only_table(const hezhang::Report& r) {
  for (const auto& m : r.messages) UNSCOPED_INFO("message " << m.id << " L" << m.line);
  REQUIRE(r.tables.size() == 1);
  return r.tables[0];
}

// The values of a row's non-empty cells, in column order: "1802.64|1000.00|802.64".
std::string values(const TableRow& row) {
  std::string out;
  for (const auto& c : row.cells) {
    if (c.kind == hezhang::CellKind::Empty) continue;
    if (!out.empty()) out += "|";
    out += c.value ? c.value->to_string() : "[" + c.text + "]";
  }
  return out;
}

// One line per row: "line group code level name values".
std::string describe(const Table& t) {
  std::ostringstream os;
  for (const auto& r : t.rows)
    os << r.line << " g" << r.group << " " << (r.code.empty() ? "-" : r.code) << " " << r.level
       << " " << r.name << " " << (r.row_number.empty() ? "" : "#" + r.row_number + " ")
       << values(r) << "\n";
  return os.str();
}

// The 支出决算表 of a tiny report; line numbers are the same in every layout
// (the HTML version has no <table> line of its own).
const char* kTabs =
    "支出决算表\n"                                                   // 1
    "公开03表\n"                                                     // 2
    "金额单位：万元\n"                                               // 3
    "项目\t\t本年支出合计\t基本支出\t项目支出\n"                     // 4
    "功能分类科目编码\t科目名称\t\t\t\n"                             // 5
    "合计\t\t1802.64\t1000.00\t802.64\n"                             // 6
    "201\t一般公共服务支出\t1802.64\t1000.00\t802.64\n"              // 7
    "20105\t统计信息事务\t1802.64\t1000.00\t802.64\n"                // 8
    "2010501\t行政运行\t1802.64\t1000.00\t802.64\n";                 // 9

const char* kPipes =
    "支出决算表\n"
    "公开03表\n"
    "金额单位：万元\n"
    "| 项目 |  | 本年支出合计 | 基本支出 | 项目支出 |\n"
    "| 功能分类科目编码 | 科目名称 |  |  |  |\n"
    "|---|---|---|---|---|\n"
    "| 合计 |  | 1802.64 | 1000.00 | 802.64 |\n"
    "| 201 | 一般公共服务支出 | 1802.64 | 1000.00 | 802.64 |\n"
    "| 20105 | 统计信息事务 | 1802.64 | 1000.00 | 802.64 |\n"
    "| 2010501 | 行政运行 | 1802.64 | 1000.00 | 802.64 |\n";

const char* kHtml =
    "支出决算表\n"
    "公开03表\n"
    "金额单位：万元\n"
    "<table><tr><td>项目</td><td></td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>\n"
    "<tr><td>功能分类科目编码</td><td>科目名称</td><td></td><td></td><td></td></tr>\n"
    "<tr><td>合计</td><td></td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr>\n"
    "<tr><td>201</td><td>一般公共服务支出</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr>\n"
    "<tr><td>20105</td><td>统计信息事务</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr>\n"
    "<tr><td>2010501</td><td>行政运行</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr></table>\n";

// Saved by a spreadsheet as CSV: every line as wide as the sheet, a figure
// with a thousands comma quoted.
const char* kCsv =
    "支出决算表,,,,\n"
    "公开03表,,,,\n"
    "金额单位：万元,,,,\n"
    "项目,,本年支出合计,基本支出,项目支出\n"
    "功能分类科目编码,科目名称,,,\n"
    "合计,,\"1,802.64\",\"1,000.00\",802.64\n"
    "201,一般公共服务支出,\"1,802.64\",\"1,000.00\",802.64\n"
    "20105,统计信息事务,\"1,802.64\",\"1,000.00\",802.64\n"
    "2010501,行政运行,\"1,802.64\",\"1,000.00\",802.64\n";

void check_expense_table(const Table& t, int first_data_line) {
  CHECK(t.label == "公开03表");
  CHECK(t.template_id == "final.expense");
  CHECK(t.title == "支出决算表");
  CHECK(t.first_line == 1);
  CHECK(t.unit == "万元");
  CHECK(t.unit_line == 3);
  INFO(describe(t));
  REQUIRE(t.rows.size() == 4);
  const char* codes[] = {"", "201", "20105", "2010501"};
  const char* levels[] = {"total", "类", "款", "项"};
  const char* names[] = {"合计", "一般公共服务支出", "统计信息事务", "行政运行"};
  for (int k = 0; k < 4; ++k) {
    const TableRow& r = t.rows[static_cast<std::size_t>(k)];
    CHECK(r.code == codes[k]);
    CHECK(r.level == levels[k]);
    CHECK(r.name == names[k]);
    CHECK(r.group == 0);
    CHECK(r.line == first_data_line + k);
    CHECK(values(r) == "1802.64|1000.00|802.64");
  }
  // Columns: code, name and three value columns.
  REQUIRE(t.columns.size() >= 5);
  CHECK(t.columns[0].key == "code");
  CHECK(t.columns[1].key == "name");
  CHECK(t.columns[2].key == "expense_total");
  CHECK(t.columns[3].key == "basic");
  CHECK(t.columns[4].key == "project");
}

}  // namespace

TEST_CASE("the expense table in each layout", "[unit][tables]") {
  // The layout, its text, the line of its first data row and its last line
  // (a pipe table's |---| line sits before the data).
  const std::tuple<const char*, const char*, int, int> kLayouts[] = {
      {"tabs", kTabs, 6, 9}, {"markdown pipes", kPipes, 7, 10}, {"HTML rows", kHtml, 6, 9}, {"CSV", kCsv, 6, 9}};
  for (const auto& [layout, text, first_data_line, last_line] : kLayouts) {
    INFO(layout);
    auto r = run(text);
    const Table& t = only_table(r);
    check_expense_table(t, first_data_line);
    CHECK(t.last_line == last_line);
  }
}

TEST_CASE("the four layouts give the same rows", "[unit][tables]") {
  auto a = run(kTabs), b = run(kPipes), c = run(kHtml), d = run(kCsv);
  REQUIRE(a.tables.size() == 1);
  REQUIRE(b.tables.size() == 1);
  REQUIRE(c.tables.size() == 1);
  REQUIRE(d.tables.size() == 1);
  auto strip_lines = [](const Table& t) {
    std::string out;
    for (const auto& r : t.rows)
      out += r.code + "/" + r.level + "/" + r.name + "/" + values(r) + "\n";
    return out;
  };
  CHECK(strip_lines(a.tables[0]) == strip_lines(b.tables[0]));
  CHECK(strip_lines(a.tables[0]) == strip_lines(c.tables[0]));
  CHECK(describe(a.tables[0]) == describe(c.tables[0]));
  CHECK(describe(a.tables[0]) == describe(d.tables[0]));
}

TEST_CASE("a two-sided 01 table gives two groups", "[unit][tables]") {
  const char* text =
      "收入支出决算总表\n"                                                         // 1
      "公开01表\n"                                                                 // 2
      "金额单位：万元\n"                                                           // 3
      "收入\t\t\t支出\t\t\n"                                                       // 4
      "项目\t行次\t决算数\t项目\t行次\t决算数\n"                                   // 5
      "栏次\t\t1\t栏次\t\t2\n"                                                     // 6
      "一、一般公共预算财政拨款收入\t1\t100.00\t一、一般公共服务支出\t32\t60.00\n" // 7
      "二、政府性基金预算财政拨款收入\t2\t50.00\t二、外交支出\t33\t90.00\n"        // 8
      "本年收入合计\t27\t150.00\t本年支出合计\t57\t150.00\n";                      // 9
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.label == "公开01表");
  CHECK(t.template_id == "final.summary");
  REQUIRE(t.columns.size() == 6);
  CHECK(t.columns[0].group == 0);
  CHECK(t.columns[2].group == 0);
  CHECK(t.columns[3].group == 1);
  CHECK(t.columns[5].group == 1);
  CHECK(t.columns[1].key == "row_no");
  CHECK(t.columns[2].number == "1");
  CHECK(t.columns[5].number == "2");
  REQUIRE(t.rows.size() == 6);
  // Reading order: the whole left side, then the right side.
  const char* names[] = {"一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "本年收入合计",
                         "一般公共服务支出", "外交支出", "本年支出合计"};
  const char* numbers[] = {"1", "2", "27", "32", "33", "57"};
  const char* vals[] = {"100.00", "50.00", "150.00", "60.00", "90.00", "150.00"};
  for (int k = 0; k < 6; ++k) {
    const TableRow& row = t.rows[static_cast<std::size_t>(k)];
    CHECK(row.group == (k < 3 ? 0 : 1));
    CHECK(row.line == 7 + k % 3);
    CHECK(row.name == names[k]);
    CHECK(row.row_number == numbers[k]);
    CHECK(values(row) == vals[k]);
  }
  CHECK(t.rows[2].level == "total");
  CHECK(t.rows[5].level == "total");
}

TEST_CASE("a three-group economic table gives three groups", "[unit][tables]") {
  const char* text =
      "一般公共预算财政拨款基本支出决算表\n"                                                       // 1
      "公开06表\n"                                                                                 // 2
      "金额单位：万元\n"                                                                           // 3
      "人员经费\t\t\t公用经费\t\t\t\t\t\n"                                                         // 4
      "科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数\n"       // 5
      "301\t工资福利支出\t378.99\t302\t商品和服务支出\t6.14\t310\t资本性支出\t2.00\n"              // 6
      "30101\t基本工资\t72.27\t30201\t办公费\t1.48\t31002\t办公设备购置\t2.00\n"                   // 7
      "30102\t津贴补贴\t76.27\t30202\t印刷费\t\t\t\t\n";                                          // 8
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.template_id == "final.general_budget_basic");
  REQUIRE(t.columns.size() == 9);
  for (int c = 0; c < 9; ++c) CHECK(t.columns[static_cast<std::size_t>(c)].group == c / 3);
  REQUIRE(t.rows.size() == 8);
  struct Expect { int group; const char* code; const char* level; const char* name; const char* values; int line; };
  const Expect e[] = {
      {0, "301", "econ_class", "工资福利支出", "378.99", 6},
      {0, "30101", "econ_item", "基本工资", "72.27", 7},
      {0, "30102", "econ_item", "津贴补贴", "76.27", 8},
      {1, "302", "econ_class", "商品和服务支出", "6.14", 6},
      {1, "30201", "econ_item", "办公费", "1.48", 7},
      {1, "30202", "econ_item", "印刷费", "", 8},
      {2, "310", "econ_class", "资本性支出", "2.00", 6},
      {2, "31002", "econ_item", "办公设备购置", "2.00", 7},
  };
  for (std::size_t k = 0; k < 8; ++k) {
    const TableRow& row = t.rows[k];
    INFO("row " << k);
    CHECK(row.group == e[k].group);
    CHECK(row.code == e[k].code);
    CHECK(row.level == e[k].level);
    CHECK(row.name == e[k].name);
    CHECK(values(row) == e[k].values);
    CHECK(row.line == e[k].line);
  }
}

TEST_CASE("a name wrapped onto a following cell row is joined", "[unit][tables]") {
  const char* text =
      "支出决算表\n"
      "公开03表\n"
      "金额单位：万元\n"
      "项目\t\t本年支出合计\t基本支出\t项目支出\n"
      "功能分类科目编码\t科目名称\t\t\t\n"
      "合计\t\t10.00\t10.00\t\n"
      "201\t一般公共服务支出\t10.00\t10.00\t\n"
      "20199\t其他一般公共服务支出\t10.00\t10.00\t\n"
      "2019999\t其他一般公共服务支\t10.00\t10.00\t\n"
      "\t出\t\t\t\n";
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[3].code == "2019999");
  CHECK(t.rows[3].name == "其他一般公共服务支出");
  CHECK(t.rows[3].level == "项");
  CHECK(values(t.rows[3]) == "10.00|10.00");
  CHECK(t.last_line == 10);
}

TEST_CASE("a name wrapped onto a following plain line is joined", "[unit][tables]") {
  const char* text =
      "支出决算表\n"
      "公开03表\n"
      "金额单位：万元\n"
      "项目\t\t本年支出合计\t基本支出\t项目支出\n"
      "功能分类科目编码\t科目名称\t\t\t\n"
      "合计\t\t10.00\t10.00\t\n"
      "201\t一般公共服务支出\t10.00\t10.00\t\n"
      "2010199\t其他支\t10.00\t10.00\t\n"
      "出\n"
      "2010201\t行政运行\t0.00\t\t\n";
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[2].code == "2010199");
  CHECK(t.rows[2].name == "其他支出");
  CHECK(t.rows[3].code == "2010201");
  CHECK(t.rows[3].name == "行政运行");
  CHECK(t.rows[3].line == 10);
}

TEST_CASE("a table declared empty by 说明：本表无数据", "[unit][tables]") {
  const char* text =
      "政府性基金预算财政拨款收入支出决算表\n"                          // 1
      "公开08表\n"                                                      // 2
      "金额单位：万元\n"                                                // 3
      "项目\t\t年初结转和结余\t本年收入\t本年支出\n"                    // 4
      "功能分类科目编码\t科目名称\t\t\t\n"                              // 5
      "合计\t\t\t\t\n"                                                  // 6
      "\n"                                                              // 7
      "注：本表反映部门本年度政府性基金预算财政拨款收入、支出情况。\n"  // 8
      "\n"                                                              // 9
      "说明：本表无数据\n";                                             // 10
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.template_id == "final.gov_fund");
  CHECK(t.declared_empty);
  CHECK(t.empty_note == "说明：本表无数据");
  CHECK(t.empty_note_line == 10);
  CHECK(t.last_line == 10);
  for (const auto& row : t.rows) CHECK(values(row).empty());
}

TEST_CASE("a table with figures is not declared empty", "[unit][tables]") {
  auto r = run(kTabs);
  REQUIRE(r.tables.size() == 1);
  CHECK_FALSE(r.tables[0].declared_empty);
  CHECK(r.tables[0].empty_note_line == 0);
}

TEST_CASE("expense table as HTML on one physical line", "[unit][tables]") {
  std::string html = kHtml;
  // Join the <tr> lines 4..9 into one physical line 4.
  std::string head = html.substr(0, html.find("<table>"));
  std::string body = html.substr(html.find("<table>"));
  for (std::size_t p; (p = body.find('\n')) != std::string::npos && p + 1 < body.size();)
    body.erase(p, 1);
  auto r = run(head + body);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.label == "公开03表");
  CHECK(t.unit == "万元");
  REQUIRE(t.rows.size() == 4);
  const char* codes[] = {"", "201", "20105", "2010501"};
  const char* levels[] = {"total", "类", "款", "项"};
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(t.rows[k].line == 4);
    CHECK(t.rows[k].code == codes[k]);
    CHECK(t.rows[k].level == levels[k]);
    CHECK(values(t.rows[k]) == "1802.64|1000.00|802.64");
  }
  CHECK(t.last_line == 4);
}

// kHtml as converters write it: the header's "项目" spans the code and name
// columns (colspan) and each figure's heading the two header rows (rowspan).
// Expanded, every row keeps its columns: the same table as kTabs.
const char* kHtmlMerged =
    "支出决算表\n"
    "公开03表\n"
    "金额单位：万元\n"
    "<table><tr><td colspan=\"2\">项目</td><td rowspan=\"2\">本年支出合计</td><td ROWSPAN=2>基本支出</td>"
    "<td rowspan='2'>项目支出</td></tr>\n"
    "<tr><th>功能分类科目编码</th><th>科目名称</th></tr>\n"
    "<tr><td colspan=2>合计</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr>\n"
    "<tr><td>201</td><td>一般公共服务支出</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr>\n"
    "<tr><td>20105</td><td>统计信息事务</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr>\n"
    "<tr><td>2010501</td><td>行政运行</td><td>1802.64</td><td>1000.00</td><td>802.64</td></tr></table>\n";

TEST_CASE("merged HTML cells (colspan, rowspan) keep every row's columns", "[unit][tables]") {
  auto merged = run(kHtmlMerged), tabs = run(kTabs);
  const Table& t = only_table(merged);
  check_expense_table(t, 6);
  REQUIRE(tabs.tables.size() == 1);
  CHECK(describe(t) == describe(tabs.tables[0]));
  CHECK(merged.findings.size() == tabs.findings.size());
}

TEST_CASE("cells a rowspan covers before a row's own cells come first", "[unit][tables]") {
  // The two header rows of a two-level header: 项目 and 科目名称 span both
  // rows, so the second row's three cells are the figure columns'.
  const char* text =
      "支出决算表\n"
      "公开03表\n"
      "金额单位：万元\n"
      "<table><tr><td rowspan=2>功能分类科目编码</td><td rowspan=2>科目名称</td><td colspan=3>本年支出</td></tr>\n"
      "<tr><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>\n"
      "<tr><td>合计</td><td></td><td>30.00</td><td>10.00</td><td>20.00</td></tr>\n"
      "<tr><td>201</td><td>一般公共服务支出</td><td>30.00</td><td>10.00</td><td>20.00</td></tr>\n"
      "<tr><td>20105</td><td>统计信息事务</td><td>30.00</td><td>10.00</td><td>20.00</td></tr>\n"
      "</table>\n";
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[1].code == "201");
  CHECK(values(t.rows[1]) == "30.00|10.00|20.00");
  REQUIRE(t.columns.size() == 5);
  CHECK(t.columns[2].key == "expense_total");
  CHECK(t.columns[3].key == "basic");
  CHECK(t.columns[4].key == "project");
}

TEST_CASE("a table's title, label, unit and note written as rows of the table are its captions", "[unit][tables]") {
  // As a spreadsheet saves a sheet: the caption lines are rows of one cell
  // across the table, a year line among them, and the note a row below.
  std::string html = kHtmlMerged;
  html.erase(0, html.find("<table>") + 7);
  html = "<table><tr><td colspan=5>支出决算表</td></tr>\n"
         "<tr><td colspan=5>公开03表</td></tr>\n"
         "<tr><td colspan=5>2020年度</td></tr>\n"
         "<tr><td colspan=3>编制部门：某某局</td><td colspan=2>金额单位：万元</td></tr>\n" +
         html.substr(0, html.find("</table>")) + "<tr><td colspan=5>注：本表反映部门本年度各项支出情况。</td></tr></table>\n";
  auto r = run(html);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.title == "支出决算表");
  CHECK(t.label == "公开03表");
  CHECK(t.template_id == "final.expense");
  CHECK(t.unit == "万元");
  CHECK(t.unit_line == 4);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0].line == 7);
  CHECK(t.last_line == 10);
  CHECK(values(t.rows[3]) == "1802.64|1000.00|802.64");
}

TEST_CASE("a lone cell above a table's rows stays a row unless a caption follows it", "[unit][tables]") {
  // "一、政府采购情况" opens 公开10表's rows (no caption after it); "合计"
  // of an empty table stays its row above the table's note.
  const char* text =
      "部门决算相关信息统计表\n"
      "公开10表\n"
      "金额单位：元\n"
      "一、政府采购情况\t\t\n"
      "项目\t行次\t采购金额\n"
      "合计\t1\t300.00\n"
      "货物\t2\t300.00\n"
      "\n"
      "政府性基金预算财政拨款支出决算表\n"
      "公开08表\n"
      "金额单位：元\n"
      "项目\t\t合计\t基本支出\t项目支出\n"
      "功能分类科目编码\t科目名称\t\t\t\n"
      "\t合计\t\t\t\n"
      "注：本表无数据。\t\t\t\t\n";
  auto r = run(text);
  REQUIRE(r.tables.size() == 2);
  INFO(describe(r.tables[0]) << describe(r.tables[1]));
  CHECK(r.tables[0].label == "公开10表");
  CHECK(r.tables[0].unit_line == 3);
  CHECK(describe(r.tables[0]) == "6 g0 - total 合计 #1 300.00\n7 g0 - line 货物 #2 300.00\n");
  CHECK(r.tables[1].label == "公开08表");
  CHECK(describe(r.tables[1]) == "14 g0 - total 合计 \n");
  CHECK(r.tables[1].last_line == 15);
  CHECK(r.tables[1].declared_empty);
}

TEST_CASE("a hostile number of merged cells is bounded, with a warning", "[unit][tables]") {
  std::string text = "<table>";
  for (int k = 0; k < 20000; ++k) text += "<tr><td colspan=1000>1</td></tr>\n";
  text += "</table>\n";
  auto r = run(text);
  bool warned = false;
  for (const auto& m : r.messages) warned = warned || m.id == "input.merged_cells_limited";
  CHECK(warned);
}

TEST_CASE("an HTML cell with <br> inside a wrapped name", "[unit][tables]") {
  std::string html = kHtml;
  std::string from = "<td>统计信息事务</td>";
  html.replace(html.find(from), from.size(), "<td>统计信息<br>事务</td>");
  auto r = run(html);
  const Table& t = only_table(r);
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[2].code == "20105");
  CHECK(t.rows[2].name == "统计信息事务");
}

TEST_CASE("rows named 合计, 总计 or 小计 without a code are totals", "[unit][tables]") {
  // Each total word where it can stand (alone, after other words, before
  // them), and names that only share a character with one.
  auto r = run("收入支出决算表\n"
               "公开01表\n"
               "金额单位：万元\n"
               "项目\t决算数\n"
               "一般公共预算财政拨款收入\t10.00\n"
               "本年收入合计\t10.00\n"
               "收入总计\t10.00\n"
               "小计\t10.00\n"
               "合计数\t10.00\n"
               "计划支出\t10.00\n"
               "总体支出\t10.00\n"
               "支出小计数\t10.00\n");
  const Table& t = only_table(r);
  std::vector<std::string> levels;
  for (const auto& row : t.rows) levels.push_back(row.name + ":" + row.level);
  CHECK(levels == std::vector<std::string>{"一般公共预算财政拨款收入:line", "本年收入合计:total", "收入总计:total",
                                           "小计:total", "合计数:total", "计划支出:line", "总体支出:line",
                                           "支出小计数:line"});
}

// Text from a PDF or a word processor carries what its page breaks left: a
// page number between two rows, and the column headers printed again. Neither
// may end the table (the rows after it would be an unknown table, and the
// 合计 above would fail against the 类 rows left in it) nor be read as a row.
// The head of a table broken by a page: its total is 201 + 205, the 205 row
// coming after the break.
const char* const kBrokenTableHead =
    "支出决算表\n"
    "公开03表\n"
    "金额单位：万元\n"
    "项目\t\t本年支出合计\t基本支出\t项目支出\n"
    "功能分类科目编码\t科目名称\t\t\t\n"
    "合计\t\t30.00\t20.00\t10.00\n"
    "201\t一般公共服务支出\t10.00\t10.00\t\n";

TEST_CASE("a page number between a table's rows does not end the table", "[unit][tables]") {
  for (const char* page : {"5", "- 5 -", "— 5 —", "－５－", "第 5 页", "第5页 共20页", "5/20", "5 / 20"}) {
    const std::string text = std::string(kBrokenTableHead) +
                             "20199\t其他一般公共服务支出\t10.00\t10.00\t\n" +
                             page + "\n\n" +
                             "2019999\t其他一般公共服务支出\t10.00\t10.00\t\n"  // 11
                             "205\t教育支出\t20.00\t10.00\t10.00\n";         // 12
    INFO("page line: " << page);
    auto r = run(text);
    const Table& t = only_table(r);
    INFO(describe(t));
    REQUIRE(t.rows.size() == 5);
    CHECK(t.rows[3].code == "2019999");
    CHECK(t.rows[3].line == 11);
    CHECK(t.rows[3].name == "其他一般公共服务支出");  // the page number joined no name
    CHECK(t.last_line == 12);
    for (const auto& f : r.findings) CHECK(f.materiality != "material");
  }
}

TEST_CASE("a line that only looks like a page number still ends a table", "[unit][tables]") {
  // A sentence, a figure with decimals and a page number with more than four
  // digits are text: what follows is another table.
  for (const char* line : {"本表数据来自财务系统。", "5.5", "第 5 页 说明", "12345"}) {
    const std::string text = std::string(
                                 "项目\t金额\n"
                                 "合计\t10.00\n") +
                             line + "\n" +
                             "项目\t金额\n"
                             "合计\t20.00\n";
    INFO("line: " << line);
    auto r = run(text);
    CHECK(r.tables.size() == 2);
  }
}

TEST_CASE("column headers printed again after a page break are not rows", "[unit][tables]") {
  const char* text =
      "支出决算表\n"                                               // 1
      "公开03表\n"                                                 // 2
      "金额单位：万元\n"                                           // 3
      "项目\t\t本年支出合计\t基本支出\t项目支出\n"                 // 4
      "功能分类科目编码\t科目名称\t\t\t\n"                         // 5
      "栏次\t\t1\t2\t3\n"                                          // 6
      "合计\t\t30.00\t20.00\t10.00\n"                              // 7
      "201\t一般公共服务支出\t10.00\t10.00\t\n"                    // 8
      "- 2 -\n"                                                    // 9
      "项目\t\t本年支出合计\t基本支出\t项目支出\n"                 // 10
      "功能分类科目编码\t科目名称\t\t\t\n"                         // 11
      "栏次\t\t1\t2\t3\n"                                          // 12
      "20199\t其他一般公共服务支出\t10.00\t10.00\t\n"              // 13
      "205\t教育支出\t20.00\t10.00\t10.00\n";                      // 14
  auto r = run(text);
  const Table& t = only_table(r);
  INFO(describe(t));
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[1].name == "一般公共服务支出");
  CHECK(t.rows[2].line == 13);
  CHECK(t.rows[2].code == "20199");
  CHECK(t.rows[3].line == 14);
  // No 栏次 row among the data, so no check of 1 = 2 + 3 on it.
  for (const auto& f : r.findings) CHECK(f.materiality != "material");
  for (const auto& c : r.checks)
    for (int line : c.lines) CHECK((line < 9 || line > 12));
}

// A report saved as a web page (a browser's "save as", a word processor's
// "save as web page"): its head, styles, scripts and comments span lines and
// hold none of the report; empty cells hold &nbsp;. The table is read as the
// same table written with tabs, on the same lines.
TEST_CASE("a report saved as a web page reads like the same report as text", "[unit][tables]") {
  const char* page =
      "<!DOCTYPE html>\n"                                                              // 1
      "<html><head><meta charset=\"utf-8\"><title>公开03表</title>\n"                  // 2
      "<style>\n"                                                                      // 3
      "td { border: 1px solid; } /* 合计 100 */\n"                                     // 4
      "</style>\n"                                                                     // 5
      "<script>var rows = \"<tr><td>201</td><td>9</td></tr>\";</script>\n"             // 6
      "</head><body>\n"                                                                // 7
      "<!--[if gte mso 9]><xml>\n"                                                     // 8
      "<w:WordDocument>合计\t1</w:WordDocument></xml><![endif]-->\n"                   // 9
      "<h2>支出决算表</h2>\n"                                                          // 10
      "<p class=MsoNormal>公开03表<o:p></o:p></p>\n"                                   // 11
      "<p>金额单位：万元</p>\n"                                                        // 12
      "<table border=1>\n"                                                             // 13
      "<tr><td>项目</td><td>&nbsp;</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>\n"  // 14
      "<tr><td>功能分类科目编码</td><td>科目名称</td><td>&nbsp;</td><td>&nbsp;</td><td>&nbsp;</td></tr>\n"  // 15
      "<tr><td>合计</td><td>&nbsp;</td><td>1,802.64</td><td>1,000.00</td><td>802.64</td></tr>\n"  // 16
      "<tr><td>201</td><td>一般公共服务支出</td><td>1,802.64</td><td>1,000.00</td><td>802.64</td></tr>\n"  // 17
      "</table>\n"                                                                     // 18
      "</body></html>\n";
  auto r = run(page);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.title == "支出决算表");
  CHECK(t.label == "公开03表");
  CHECK(t.unit == "万元");
  CHECK(t.template_id == "final.expense");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 16);
  CHECK(t.rows[0].level == "total");
  CHECK(values(t.rows[0]) == "1802.64|1000.00|802.64");
  CHECK(t.rows[1].line == 17);
  CHECK(t.rows[1].code == "201");
  for (const auto& f : r.findings) CHECK(f.materiality != "material");
  // Nothing of the head, the style, the script or the comment became text.
  for (const auto& s : r.sections)
    for (const auto& sentence : s.sentences) {
      CHECK(sentence.text.find("border") == std::string::npos);
      CHECK(sentence.text.find("rows") == std::string::npos);
      CHECK(sentence.line >= 10);
    }
}

TEST_CASE("a <header> is not the page's head, and a head never closed is left as it is", "[unit][tables]") {
  auto r = run("<header>某单位2022年度部门决算</header>\n<head>\n项目\t金额\n合计\t10.00\n");
  CHECK(r.document.year == 2022);  // the header's words were read
  CHECK(r.tables.size() == 1);     // an unclosed <head> hides nothing
}

TEST_CASE("a continuation mark, and after it the label and unit again, do not end the table", "[unit][tables]") {
  for (const char* mark : {"续表", "（续表）", "续表2", "续上表", "公开03表（续）", "- 5 -\n续表\n公开03表\n金额单位：万元"}) {
    const std::string text = std::string(kBrokenTableHead) +
                             mark + "\n" +
                             "205\t教育支出\t20.00\t10.00\t10.00\n";
    INFO("mark: " << mark);
    auto r = run(text);
    const Table& t = only_table(r);
    INFO(describe(t));
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[1].name == "一般公共服务支出");  // the mark joined no name
    CHECK(t.rows[2].code == "205");
    for (const auto& f : r.findings) CHECK(f.materiality != "material");
  }
}

TEST_CASE("after a page number without a continuation mark, a label and a unit open the next table", "[unit][tables]") {
  auto r = run(
      "收入决算表\n"
      "公开02表\n"
      "金额单位：万元\n"
      "项目\t\t本年收入合计\t财政拨款收入\n"
      "合计\t\t10.00\t10.00\n"
      "- 5 -\n"
      "公开03表\n"
      "金额单位：万元\n"
      "项目\t\t本年支出合计\t基本支出\n"
      "合计\t\t10.00\t10.00\n");
  REQUIRE(r.tables.size() == 2);
  CHECK(r.tables[0].label == "公开02表");
  CHECK(r.tables[1].label == "公开03表");
}

TEST_CASE("the report's running title after a page number does not end the table", "[unit][tables]") {
  for (const char* brk : {"- 5 -\n阳泉市大数据应用局2022年度部门决算", "第5页\n某单位 2021 年部门预算公开"}) {
    const std::string text = std::string(kBrokenTableHead) + brk + "\n" + "205\t教育支出\t20.00\t10.00\t10.00\n";
    INFO("page break: " << brk);
    auto r = run(text);
    const Table& t = only_table(r);
    INFO(describe(t));
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[2].code == "205");
    for (const auto& f : r.findings) CHECK(f.materiality != "material");
  }
  // The title of the next table (it ends in 表) opens that table, and a
  // running title without a page number before it is no page break.
  for (const char* next : {"- 5 -\n2022年度一般公共预算财政拨款支出决算表", "阳泉市大数据应用局2022年度部门决算"}) {
    INFO("between: " << next);
    auto r = run(std::string(kBrokenTableHead) + next + "\n" + "205\t教育支出\t20.00\t10.00\t10.00\n");
    CHECK(r.tables.size() == 2);
  }
}

// Word processors and most web pages write each cell of a row on a line of
// its own. The row is read on its <tr> line; every line after it keeps its
// number (CRLF line ends, and a row whose </tr> HTML lets be left out).
TEST_CASE("a web page's table with each cell on a line of its own", "[unit][tables]") {
  const std::string page =
      "<h2>支出决算表</h2>\r\n"                                        // 1
      "<p>公开03表</p>\r\n"                                            // 2
      "<p>金额单位：万元</p>\r\n"                                      // 3
      "<table>\r\n"                                                    // 4
      "<tr>\r\n<td>项目</td>\r\n<td>&nbsp;</td>\r\n<td>本年支出合计</td>\r\n<td>基本支出</td>\r\n</tr>\r\n"  // 5-10
      "<tr><td>功能分类科目编码</td><td>科目名称</td>\r\n<td></td><td></td></tr>\r\n"                           // 11-12
      "<tr>\r\n<td>合计</td>\r\n<td></td>\r\n<td>30.00</td>\r\n<td>20.00</td>\r\n</tr>\r\n"                  // 13-18
      "<TR>\r\n<td>201</td>\r\n<td>一般公共服务支出</td>\r\n<td>10.00</td>\r\n<td>10.00</td>\r\n"            // 19-23
      "<tr>\r\n<td>205</td>\r\n<td>教育支出</td>\r\n<td>20.00</td>\r\n<td>10.00</td>\r\n</tr>\r\n"           // 24-29
      "</table>\r\n"                                                   // 30
      "<p>本年支出合计30.00万元。</p>\r\n";                             // 31
  auto r = run(page);
  const Table& t = only_table(r);
  INFO(describe(t));
  CHECK(t.unit == "万元");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].line == 13);
  CHECK(values(t.rows[0]) == "30.00|20.00");
  CHECK(t.rows[1].line == 19);  // no </tr>: it ends where the next row starts
  CHECK(t.rows[1].code == "201");
  CHECK(t.rows[2].line == 24);
  CHECK(values(t.rows[2]) == "20.00|10.00");
  for (const auto& f : r.findings) CHECK(f.materiality != "material");
  REQUIRE_FALSE(r.claims.empty());
  CHECK(r.claims.back().line == 31);  // the line after the table kept its number
  CHECK(r.input.lines == 31);
}
