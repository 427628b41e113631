// The catalogue of report table templates and column meanings: one place
// that says which 决算 / 预算 tables exist and how to recognise them.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hezhang/model.h"

namespace hezhang {

struct TemplateInfo {
  std::string_view id;       // stable id used in JSON and by the rules (views: looked up by id)
  const char* name_zh;
  const char* name_en;
  std::string_view keyword;  // title (spaces removed) contains this
  int public_number;     // standard 公开NN表 number of 决算 tables, 0 if none
};

const std::vector<TemplateInfo>& templates();
const TemplateInfo* find_template(std::string_view id);

// How strongly a caption line looks like a table title (0: not at all).
int template_title_score(std::string_view title_without_spaces);

// Template id from the title, else the 公开NN表 number, else the header.
std::string recognise_template(const std::string& title, int label_number, bool label_is_public,
                               const std::vector<Column>& columns);

// Meaning of each column from its header pieces (top to bottom, no spaces).
std::vector<std::string> column_keys(const std::vector<std::vector<std::string>>& columns);
// The same for a header of one piece (a header word repeated in a row).
std::string column_key(std::string_view piece);

// The national function classification's 类 (name -> 3-digit code), with the
// names used in reports of different years ("卫生健康支出" / "医疗卫生与计划生育支出").
const std::vector<std::pair<std::string_view, std::string_view>>& national_classes();

// The standard name of an economic classification item ("30109" ->
// "职业年金缴费"), normalized (half-width brackets), or "" when not listed:
// text may name an item so where its table prints another name ("职业年金经费").
std::string_view standard_economic_name(std::string_view code);

// Columns that label a row rather than hold a figure.
bool is_label_key(std::string_view key);

// The summary tables, income beside expenditure: 收入支出决算总表,
// 财政拨款收入支出决算总表 and the budget ones.
bool is_summary_template(std::string_view id);
// The tables of (basic) expenditure by economic classification: 基本支出决算表,
// 支出决算明细表, 一般公共预算基本支出表.
bool is_basic_expense_template(std::string_view id);

}  // namespace hezhang
