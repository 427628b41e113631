#include "templates.h"

#include <algorithm>
#include <cstdint>
#include <iterator>

#include "internal.h"

namespace hezhang {

const std::vector<TemplateInfo>& templates() {
  // Order matters: the first keyword found in a title wins, so longer and
  // more specific titles come before the ones they contain.
  static const std::vector<TemplateInfo> kTemplates = {
      // 部门决算 (final accounts)
      {"final.fiscal_summary", "财政拨款收入支出决算总表", "Fiscal appropriation income and expenditure summary", "财政拨款收入支出决算总表", 4},
      {"final.summary", "收入支出决算总表", "Income and expenditure summary", "收入支出决算总表", 1},
      {"final.income", "收入决算表", "Income statement", "收入决算表", 2},
      {"final.general_budget_basic", "一般公共预算财政拨款基本支出决算表", "General budget basic expenditure (economic classification)", "基本支出决算表", 6},
      {"final.general_budget_detail", "一般公共预算财政拨款支出决算明细表", "General budget expenditure detail (economic classification)", "支出决算明细表", 6},
      {"final.general_budget", "一般公共预算财政拨款支出决算表", "General budget expenditure (functional classification)", "一般公共预算财政拨款支出决算表", 5},
      {"final.three_public", "“三公”经费支出决算表", "“Three public” expenses", "三公", 7},
      {"final.gov_fund", "政府性基金预算财政拨款收入支出决算表", "Government fund income and expenditure", "政府性基金预算财政拨款收入支出决算表", 8},
      {"final.state_capital", "国有资本经营预算财政拨款支出决算表", "State capital operations expenditure", "国有资本经营预算财政拨款支出决算表", 9},
      {"final.info_stats", "部门决算公开相关信息统计表", "Related disclosure statistics", "相关信息统计表", 10},
      {"final.expense", "支出决算表", "Expenditure statement", "支出决算表", 3},
      {"final.table_index", "部门决算表目录（是否空表）", "Index of tables (empty or not)", "是否空表", 0},
      {"performance.self_evaluation", "项目支出绩效自评表", "Project performance self-evaluation", "绩效自评表", 0},
      // 部门预算 / 单位预算 (budget)
      {"budget.fiscal_summary", "财政拨款收支预算总表", "Fiscal appropriation budget summary", "财政拨款收支预算总表", 0},
      {"budget.summary", "收支预算总表", "Income and expenditure budget summary", "收支预算总表", 0},
      {"budget.expense_summary", "支出预算总表", "Expenditure budget summary", "支出预算总表", 0},
      {"budget.general_budget_basic", "一般公共预算基本支出表", "General budget basic expenditure", "一般公共预算基本支出表", 0},
      {"budget.general_budget", "一般公共预算支出表", "General budget expenditure", "一般公共预算支出表", 0},
      {"budget.three_public", "一般公共预算“三公”经费表", "“Three public” expenses budget", "三公”经费表", 0},
      {"budget.gov_fund", "政府性基金支出预算表", "Government fund expenditure budget", "政府性基金支出预算表", 0},
      {"budget.project_performance", "项目绩效目标表", "Project performance targets", "项目绩效目标表", 0},
      {"budget.income_summary", "收入预算总表", "Income budget summary", "收入预算总表", 0},
  };
  return kTemplates;
}

const TemplateInfo* find_template(std::string_view id) {
  for (const auto& t : templates())
    if (id == t.id) return &t;
  return nullptr;
}

namespace {

// The budget "三公" table says 预算/经费表; the 决算 one says 决算表.
const TemplateInfo* match_title(std::string_view t) {
  static const std::vector<std::uint64_t> kKeywordMasks =
      pair_masks(templates(), [](const TemplateInfo& info) { return info.keyword; });
  auto budget = [t] {
    return contains(t, "预算表") || contains(t, "预算总表") || contains(t, "经费表") ||
           contains(t, "绩效目标表") || (contains(t, "预算") && !contains(t, "决算"));
  };
  const std::uint64_t mask = pair_mask(t);
  const std::vector<TemplateInfo>& all = templates();  // once: each call tests its static's guard
  for (std::size_t i = 0; i < all.size(); ++i) {
    const TemplateInfo& info = all[i];
    if (!may_contain(mask, kKeywordMasks[i]) || !contains(t, info.keyword)) continue;
    std::string_view id = info.id;
    if (id == "final.three_public"sv && !contains(t, "决算") && budget()) continue;
    if (starts_with(id, "budget.") && contains(t, "决算")) continue;
    return &info;
  }
  // The national 部门预算 template's titles for the same tables (部门收支总表,
  // 部门收入总表, …), read once no title above fits: 财政拨款收支总表 before
  // the 收支总表 it contains.
  static constexpr std::pair<std::string_view, std::string_view> kBudgetTitles[] = {
      {"财政拨款收支总表", "budget.fiscal_summary"}, {"收支总表", "budget.summary"},
      {"支出总表", "budget.expense_summary"},       {"收入总表", "budget.income_summary"},
      {"三公", "budget.three_public"},               {"政府性基金预算支出表", "budget.gov_fund"}};
  if (contains(t, "决算")) return nullptr;
  for (const auto& [keyword, id] : kBudgetTitles)
    if (contains(t, keyword)) return find_template(id);
  return nullptr;
}

}  // namespace

int template_title_score(std::string_view t) {
  if (match_title(t)) return 3;
  if (!contains(t, "表") || contains(t, "。") || t.size() >= 120) return 0;
  // Captions that are metadata ("单位：元", "编制部门：…") are not titles.
  bool metadata = contains(t, "单位:") || contains(t, "单位：") || contains(t, "部门:") ||
                  contains(t, "部门：") || contains(t, "名称:") || contains(t, "名称：");
  return metadata ? 0 : 1;
}

std::string recognise_template(const std::string& title, int label_number, bool label_is_public,
                               const std::vector<Column>& columns) {
  std::string t = without_spaces(title);
  if (const TemplateInfo* info = match_title(t)) return std::string(info->id);
  if (label_is_public) {
    for (const auto& info : templates())
      if (info.public_number == label_number && label_number != 6) return std::string(info.id);
  }
  // Header content.
  bool personnel = false, public_exp = false, code = false, weight = false, is_empty = false;
  for (const auto& c : columns) {
    personnel = personnel || c.key == "personnel"sv;
    public_exp = public_exp || c.key == "public_expense"sv;
    code = code || c.key == "code"sv;
    weight = weight || c.key == "weight"sv;
    is_empty = is_empty || c.key == "is_empty"sv;
  }
  if (is_empty) return "final.table_index";
  if (weight) return "budget.project_performance";
  // A summary table (部门支出总表) splits basic spending the same way.
  if (personnel && public_exp && code && !contains(t, "总表")) return "final.general_budget_basic";
  return "unknown";
}

bool is_label_key(std::string_view key) {
  return key == "code"sv || key == "name"sv || key == "row_no"sv || key == "seq"sv || key == "label"sv;
}

namespace {

struct Rule {
  std::string_view text;
  std::string_view key;
  bool exact;
};
// Matched against each header piece from the bottom up; the first rule that
// fits a piece gives the key.
constexpr Rule kRules[] = {
    {"行次", "row_no", true},
    {"栏次", "label", true},
    {"序号", "seq", true},
    {"科目编码", "code", false},
    {"编码", "code", false},
    {"科目名称", "name", false},
    {"单位名称", "name", false},
    {"项目名称", "name", false},
    {"名称", "name", true},
    {"内容", "name", true},
    {"项目", "name", true},
    {"是否空表", "is_empty", false},
    {"为空的理由", "empty_reason", false},
    {"本年收入合计", "income_total", false},
    {"财政拨款收入", "fiscal_income", false},
    {"上级补助收入", "superior_subsidy_income", false},
    {"其中:教育收费", "education_fees", false},
    {"教育收费", "education_fees", false},
    {"事业单位经营收入", "operating_income", false},
    {"事业收入", "business_income", false},
    {"经营收入", "operating_income", false},
    {"附属单位上缴收入", "affiliated_income", false},
    {"其他收入", "other_income", false},
    {"本年支出合计", "expense_total", false},
    {"其中:基本支出", "basic", false},
    {"基本支出", "basic", false},
    {"项目支出", "project", false},
    {"上缴上级支出", "remit_superior", false},
    {"事业单位经营支出", "operating_expense", false},
    {"经营支出", "operating_expense", false},
    {"对附属单位补助支出", "affiliated_subsidy", false},
    {"人员经费", "personnel", false},
    {"人员支出", "personnel", false},
    {"日常公用经费", "public_expense", false},
    {"公用经费", "public_expense", false},
    {"年初结转和结余", "opening_balance", false},
    {"年末结转和结余", "closing_balance", false},
    {"本年收入", "income", true},
    {"本年支出", "expense", true},
    {"一般公共预算财政拨款", "general_budget", false},
    {"一般公共预算", "general_budget", true},
    {"政府性基金预算财政拨款", "gov_fund", false},
    {"政府性基金", "gov_fund", true},
    {"国有资本经营预算财政拨款", "state_capital", false},
    {"专户资金", "special_account", false},
    {"其他资金", "other_funds", false},
    {"因公出国", "abroad", false},
    {"公务用车购置费", "vehicle_purchase", false},
    {"公务用车运行", "vehicle_operation", false},
    {"公务用车购置及运行", "vehicle", false},
    {"公务接待费", "reception", false},
    {"三公”经费合计", "total", false},
    {"会议费", "meeting", false},
    {"培训费", "training", false},
    {"总体绩效目标", "goal", false},
    {"一级指标", "indicator_1", false},
    {"二级指标", "indicator_2", false},
    {"三级指标", "indicator_3", false},
    {"计算符号", "operator", false},
    {"指标值", "target_value", false},
    {"计量单位", "measure_unit", false},
    {"指标权重", "weight", false},
    {"权重", "weight", false},
    {"决算数", "amount", true},
    {"预算数", "amount", true},
    {"金额", "amount", true},
    {"统计数", "amount", true},
    {"采购金额", "amount", true},
    {"资金安排", "amount", true},
    {"合计", "total", true},
    {"总计", "total", true},
    {"小计", "total", true},
};

// The key of the first rule that fits one header piece (no spaces), or "".
std::string_view piece_key(std::string_view piece) {
  static const std::vector<std::uint64_t> kMasks = pair_masks(kRules, [](const Rule& r) { return r.text; });
  static const std::uint64_t kColonMask = pair_mask("：");
  std::uint64_t mask = pair_mask(piece);
  std::string colons;  // a piece with "：", which normalization keeps, as ":"
  if (may_contain(mask, kColonMask) && piece.find("：") != std::string_view::npos) {
    colons = piece;
    for (std::size_t k; (k = colons.find("：")) != std::string::npos;) colons.replace(k, 3, ":");
    piece = colons;
    mask = pair_mask(piece);
  }
  for (std::size_t r = 0; r < std::size(kRules); ++r) {
    if (!may_contain(mask, kMasks[r])) continue;
    const Rule& rule = kRules[r];
    if (rule.exact ? piece == rule.text : contains(piece, rule.text)) return rule.key;
  }
  return {};
}

// piece_key, each distinct piece looked up once: a header cell spanning many
// columns is the top piece of every one of them, and in some evaluation
// tables it is a paragraph of over a thousand bytes.
class PieceKeys {
 public:
  std::string_view operator()(std::string_view piece) {
    for (const auto& seen : seen_)
      if (seen.first == piece) return seen.second;
    const std::string_view key = piece_key(piece);
    seen_.emplace_back(piece, key);
    return key;
  }

 private:
  std::vector<std::pair<std::string_view, std::string_view>> seen_;  // views of the caller's pieces
};

// The key of a column from its header pieces (the first `n` of `pieces`,
// top to bottom, no spaces), and where in them it was found (n when nowhere).
// Templates: the pieces of a column are strings, a row's name a view; the
// pieces are looked up by piece_key or a PieceKeys.
template <typename Piece, typename KeyOf>
std::string_view base_column_key(const Piece* pieces, std::size_t n, std::size_t* found_at_out, KeyOf& key_of) {
  std::string_view key;
  std::size_t found_at = n;
  for (std::size_t p = n; p-- > 0 && key.empty();) {
    key = key_of(std::string_view(pieces[p]));
    if (!key.empty()) found_at = p;
  }
  *found_at_out = found_at;
  if (key.empty()) return key;
  // A 合计/小计 under a parent takes the parent's meaning ("本年支出/小计").
  if (key == "total"sv && found_at > 0) {
    std::size_t ignored;
    std::string_view parent = base_column_key(pieces, found_at, &ignored, key_of);
    if (parent == "expense"sv || parent == "income"sv || parent == "basic"sv ||
        parent == "business_income"sv || parent == "vehicle"sv)
      key = parent;
  }
  return key;
}

template <typename Piece, typename KeyOf>
std::string key_of_pieces(const Piece* pieces, std::size_t n, KeyOf& key_of) {
  std::size_t found_at = 0;
  std::string_view key = base_column_key(pieces, n, &found_at, key_of);
  // 三公 tables put 预算数 and 决算数 side by side: keep them apart.
  for (std::size_t p = 0; p < found_at && p < n; ++p) {
    if (std::string_view(pieces[p]) == "预算数"sv && key != "amount"sv) return "budget." + std::string(key);
    if (std::string_view(pieces[p]) == "决算数"sv && key != "amount"sv) return "final." + std::string(key);
  }
  return std::string(key);
}

}  // namespace

std::vector<std::string> column_keys(const std::vector<std::vector<std::string>>& columns) {
  PieceKeys key_of;
  std::vector<std::string> keys;
  keys.reserve(columns.size());
  for (const auto& pieces : columns) keys.push_back(key_of_pieces(pieces.data(), pieces.size(), key_of));
  return keys;
}

std::string column_key(std::string_view piece) {
  auto key_of = piece_key;
  return key_of_pieces(&piece, 1, key_of);
}

const std::vector<std::pair<std::string_view, std::string_view>>& national_classes() {
  static const std::vector<std::pair<std::string_view, std::string_view>> kClasses = {
      {"一般公共服务支出", "201"}, {"外交支出", "202"}, {"国防支出", "203"}, {"公共安全支出", "204"},
      {"教育支出", "205"}, {"科学技术支出", "206"}, {"文化旅游体育与传媒支出", "207"},
      {"文化体育与传媒支出", "207"}, {"社会保障和就业支出", "208"}, {"社会保障就业支出", "208"},
      {"卫生健康支出", "210"}, {"医疗卫生与计划生育支出", "210"}, {"节能环保支出", "211"},
      {"城乡社区支出", "212"}, {"农林水支出", "213"}, {"交通运输支出", "214"},
      {"资源勘探工业信息等支出", "215"}, {"资源勘探信息等支出", "215"}, {"商业服务业等支出", "216"},
      {"金融支出", "217"}, {"援助其他地区支出", "219"}, {"自然资源海洋气象等支出", "220"},
      {"国土海洋气象等支出", "220"}, {"住房保障支出", "221"}, {"粮油物资储备支出", "222"},
      {"国有资本经营预算支出", "223"}, {"灾害防治及应急管理支出", "224"}, {"预备费", "227"},
      {"其他支出", "229"}, {"债务还本支出", "231"}, {"债务付息支出", "232"},
      {"债务发行费用支出", "233"}, {"抗疫特别国债安排的支出", "234"}, {"抗疫特别国债安排支出", "234"}};
  return kClasses;
}

std::string_view standard_economic_name(std::string_view code) {
  // (code, name), by code: the 部门预算支出经济分类 items reports' basic
  // expenditure tables print.
  static constexpr std::pair<std::string_view, std::string_view> kItems[] = {
      {"30101", "基本工资"},           {"30102", "津贴补贴"},
      {"30103", "奖金"},               {"30106", "伙食补助费"},
      {"30107", "绩效工资"},           {"30108", "机关事业单位基本养老保险缴费"},
      {"30109", "职业年金缴费"},       {"30110", "职工基本医疗保险缴费"},
      {"30111", "公务员医疗补助缴费"}, {"30112", "其他社会保障缴费"},
      {"30113", "住房公积金"},         {"30114", "医疗费"},
      {"30199", "其他工资福利支出"},   {"30201", "办公费"},
      {"30202", "印刷费"},             {"30203", "咨询费"},
      {"30204", "手续费"},             {"30205", "水费"},
      {"30206", "电费"},               {"30207", "邮电费"},
      {"30208", "取暖费"},             {"30209", "物业管理费"},
      {"30211", "差旅费"},             {"30212", "因公出国(境)费用"},
      {"30213", "维修(护)费"},         {"30214", "租赁费"},
      {"30215", "会议费"},             {"30216", "培训费"},
      {"30217", "公务接待费"},         {"30218", "专用材料费"},
      {"30224", "被装购置费"},         {"30225", "专用燃料费"},
      {"30226", "劳务费"},             {"30227", "委托业务费"},
      {"30228", "工会经费"},           {"30229", "福利费"},
      {"30231", "公务用车运行维护费"}, {"30239", "其他交通费用"},
      {"30240", "税金及附加费用"},     {"30299", "其他商品和服务支出"},
      {"30301", "离休费"},             {"30302", "退休费"},
      {"30303", "退职(役)费"},         {"30304", "抚恤金"},
      {"30305", "生活补助"},           {"30306", "救济费"},
      {"30307", "医疗费补助"},         {"30308", "助学金"},
      {"30309", "奖励金"},             {"30399", "其他对个人和家庭的补助"},
      {"31002", "办公设备购置"},       {"31003", "专用设备购置"},
      {"31007", "信息网络及软件购置更新"}, {"31013", "公务用车购置"},
      {"31099", "其他资本性支出"}};
  const auto* it = std::lower_bound(std::begin(kItems), std::end(kItems), code,
                                    [](const auto& item, std::string_view c) { return item.first < c; });
  return it != std::end(kItems) && it->first == code ? it->second : std::string_view{};
}

bool is_summary_template(std::string_view id) {
  return id == "final.summary"sv || id == "final.fiscal_summary"sv || id == "budget.summary"sv ||
         id == "budget.fiscal_summary"sv;
}

bool is_basic_expense_template(std::string_view id) {
  return id == "final.general_budget_basic"sv || id == "final.general_budget_detail"sv ||
         id == "budget.general_budget_basic"sv;
}

}  // namespace hezhang
