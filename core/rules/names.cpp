// names.consistent: the same classification code printed with different
// names in different tables (20604 技术与研究开发 vs 技术与开发) is a warning:
// one of the tables used an outdated or mistyped subject name.
#include <map>
#include <string_view>
#include <unordered_map>

#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

namespace {

// Names compared without spaces and with brackets of either width; any
// other difference counts ("社会保障就业支出" vs "社会保障和就业支出" differ).
std::string comparable(std::string_view name) {
  std::string n = without_spaces(name);
  for (std::size_t k; (k = n.find("（")) != std::string::npos;) n.replace(k, 3, "(");
  for (std::size_t k; (k = n.find("）")) != std::string::npos;) n.replace(k, 3, ")");
  return n;
}

}  // namespace

void run_names(RuleContext& ctx) {
  static const char* kRule = "names.consistent";
  struct Seen {
    const std::string* name;  // the row's (tables do not change while rules run)
    std::string key;        // comparable(name), filled only when compared
    const Table* table;
    int line;
  };
  // Rows by code, codes in the order first seen: one hash look-up per row.
  std::unordered_map<std::string_view, std::size_t> code_index;
  std::vector<std::pair<std::string_view, std::vector<Seen>>> by_code;
  for (const Table& t : ctx.report().tables)
    for (const TableRow& r : t.rows) {
      if (r.code.empty() || r.code_inferred || r.name.empty() || r.level == "unit"sv) continue;
      const auto [at, fresh] = code_index.try_emplace(r.code, by_code.size());
      if (fresh) by_code.emplace_back(r.code, std::vector<Seen>());
      by_code[at->second].second.push_back({&r.name, std::string(), &t, r.line});
    }
  for (auto& [code_view, seen] : by_code) {
    // In two tables or more: some row is not in the first row's table.
    bool several_tables = false;
    for (const auto& s : seen) several_tables = several_tables || s.table != seen.front().table;
    if (!several_tables) continue;
    const std::string code(code_view);
    const std::string id = std::string(kRule) + ":" + code;
    for (auto& s : seen) s.key = comparable(*s.name);
    std::vector<int> lines;
    lines.reserve(seen.size());
    for (const auto& s : seen) lines.push_back(s.line);
    // Most codes have one name everywhere: nothing to count.
    bool one_name = true;
    for (const auto& s : seen) one_name = one_name && s.key == seen.front().key;
    if (one_name) {
      ctx.check(id, kRule, "passed", lines);
      continue;
    }
    // The name most tables use is the reference.
    std::map<std::string, int> votes;
    for (const auto& s : seen) ++votes[s.key];
    const Seen* reference = nullptr;
    int best = 0;
    for (const auto& s : seen)
      if (votes[s.key] > best) { best = votes[s.key]; reference = &s; }
    int leaders = 0;
    for (const auto& v : votes) leaders += v.second == best ? 1 : 0;
    if (leaders > 1) {
      // No majority: list every spelling rather than guess which is right.
      Finding f;
      f.rule = kRule;
      f.severity = "warning";
      f.materiality = "material";
      f.first_line = f.last_line = seen.front().line;
      std::string zh, en;
      for (const auto& s : seen) {
        if (s.line != f.first_line) f.related_lines.push_back(s.line);
        zh += (zh.empty() ? "" : "、") + std::string("「") + *s.name + "」（" + table_name_zh(*s.table) + " 第" +
              std::to_string(s.line) + "行）";
        en += (en.empty() ? "" : ", ") + std::string("\"") + *s.name + "\" (" + table_name_en(*s.table) +
              " line " + std::to_string(s.line) + ")";
      }
      f.message_zh = "科目 " + code + " 在各表中的名称不一致：" + zh + "。";
      f.message_en = "Code " + code + " is named differently in the tables: " + en + ".";
      ctx.add_finding(std::move(f));
      ctx.check(id, kRule, "failed", lines);
      continue;
    }
    bool differ = false;
    for (const auto& s : seen) {
      if (s.key == reference->key) continue;
      differ = true;
      Finding f;
      f.rule = kRule;
      f.severity = "warning";
      f.materiality = "material";
      f.first_line = f.last_line = s.line;
      for (const auto& o : seen)
        if (o.key == reference->key) f.related_lines.push_back(o.line);
      f.message_zh = table_name_zh(*s.table) + " 第" + std::to_string(s.line) + "行科目 " + code + " 名为「" +
                     *s.name + "」，而其他表格中同一科目名为「" + *reference->name + "」。";
      f.message_en = table_name_en(*s.table) + " line " + std::to_string(s.line) + ": code " + code +
                     " is named \"" + *s.name + "\", while other tables name it \"" + *reference->name + "\".";
      ctx.add_finding(std::move(f));
    }
    ctx.check(id, kRule, differ ? "failed" : "passed", lines);
  }
}

}  // namespace hezhang
