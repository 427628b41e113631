// Helpers shared by the rule tests (tests/cpp/rules_*test.cpp): analyse a
// hand-written report, pick findings and ledger entries.
#pragma once

#include <string>
#include <vector>

#include "hezhang/hezhang.h"

namespace rules_test {

inline hezhang::Report run(const std::string& text) {
  hezhang::Options o;
  o.name = "test.txt";
  return hezhang::analyze(text, o);
}

inline std::vector<const hezhang::Finding*> findings_at(const hezhang::Report& r, const std::string& rule,
                                                        int line) {
  std::vector<const hezhang::Finding*> out;
  for (const auto& f : r.findings)
    if (f.rule == rule && f.first_line == line) out.push_back(&f);
  return out;
}

// Material findings of the table rules (the narrative rules are tested apart).
inline std::vector<const hezhang::Finding*> material_table_findings(const hezhang::Report& r) {
  std::vector<const hezhang::Finding*> out;
  for (const auto& f : r.findings)
    if (f.materiality == "material" && f.rule.rfind("narrative.", 0) != 0) out.push_back(&f);
  return out;
}

// Ledger entries whose id starts with `prefix`.
inline std::vector<const hezhang::CheckEntry*> checks_with(const hezhang::Report& r, const std::string& prefix) {
  std::vector<const hezhang::CheckEntry*> out;
  for (const auto& c : r.checks)
    if (c.id.rfind(prefix, 0) == 0) out.push_back(&c);
  return out;
}

// Status of the one ledger entry whose id starts with `prefix`, or a
// "<N checks>" sentinel when there is not exactly one (a failed CHECK shows it).
inline std::string only_status(const hezhang::Report& r, const std::string& prefix) {
  auto c = checks_with(r, prefix);
  return c.size() == 1 ? c[0]->status : "<" + std::to_string(c.size()) + " checks>";
}

}  // namespace rules_test
