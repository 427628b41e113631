// three_public.items: in the basic-expenditure table, 公务接待费 (30217) and
// 公务用车运行维护费 (30231) cannot exceed what the 三公 table reports spent
// on the same items (the 三公 figures also cover project spending).
#include "../src/internal.h"
#include "../src/templates.h"
#include "rules.h"

namespace hezhang {

void run_three_public_items(RuleContext& ctx) {
  static const char* kRule = "three_public.items";
  const Report& report = ctx.report();
  const Table* three = nullptr;
  for (const Table& t : report.tables)
    if (t.template_id == "final.three_public"sv || t.template_id == "budget.three_public"sv) three = &t;
  if (!three) return;
  bool final_accounts = three->template_id == "final.three_public"sv;
  struct Item {
    std::string_view code;  // views: compared per row of every basic table
    std::string_view key;
    const char* zh;
  };
  const Item kItems[] = {{"30217", "reception", "公务接待费"}, {"30231", "vehicle_operation", "公务用车运行维护费"}};
  for (const Item& item : kItems) {
    // The 三公 amount: the 决算数 row / final.* column, or the only row of a budget table.
    std::optional<Figure> limit;
    bool declared_empty = three->declared_empty;
    for (const auto& r : three->rows) {
      const std::string key(item.key);
      if (final_accounts) {
        auto f = figure_at(*three, r, "final." + key);
        if (!f && contains(r.name, "决算")) f = figure_at(*three, r, key);
        if (f) limit = f;
      } else if (r.level == "total"sv) {
        auto f = figure_at(*three, r, key);
        if (f) limit = f;
      }
    }
    for (const Table& t : report.tables) {
      if (!is_basic_expense_template(t.template_id) || final_accounts != starts_with(t.template_id, "final."))
        continue;
      for (const auto& r : t.rows) {
        if (r.code != item.code) continue;
        std::optional<Figure> spent;
        for (const auto& c : r.cells)
          if (c.kind == CellKind::Amount && c.value && !c.value->is_zero()) {
            spent = figure_in_column(t, r, c.column);
            break;
          }
        std::string id = concat({kRule, ":", item.code});
        if (!spent) { ctx.check(id, kRule, "passed", {r.line}); continue; }
        Figure ceiling = limit ? *limit : zero_figure(*three, three->rows.empty() ? r : three->rows.front(), -1);
        if (!limit && !declared_empty && three->rows.empty()) {
          ctx.check(id, kRule, "insufficient_data", {r.line});
          continue;
        }
        Comparison c = RuleContext::compare_equal(*spent, ceiling);
        if (c.overflow || c.difference.units <= 0 || c.outcome != Outcome::Failed) {
          ctx.check(id, kRule, c.outcome == Outcome::Rounding ? "rounding" : "passed", {r.line});
          continue;
        }
        ctx.check(id, kRule, "failed", {r.line});
        Finding f = make_value_finding(
            kRule, *spent, c,
            std::string("“三公”经费表") + (declared_empty ? "（声明为空表）" : "") + "中的" + item.zh + "上限",
            std::string("the “three public” table") + (declared_empty ? " (declared empty)" : "") +
                "'s ceiling for this item",
            {three->first_line});
        ctx.add_finding(std::move(f));
      }
    }
  }
}

}  // namespace hezhang
