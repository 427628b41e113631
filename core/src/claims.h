// Claims: the figures stated in the prose (情况说明), read into what they say
// (subject, relation, value, unit) and linked to the table cell they restate.
//
//   extract_claims  sentence -> figures (next_prose_number, linear) -> subject and relation
//                   from the words before each figure -> groups and parts
//   link_claims     subject + scope -> the one table figure it must equal,
//                   or "unlinked"/"ambiguous" with a reason (never a guess)
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "hezhang/model.h"

namespace hezhang {

std::vector<Claim> extract_claims(const std::vector<Section>& sections,
                                  const std::vector<Table>& tables);

void link_claims(Report& report);

// Names of subjects for messages ("本年收入合计" / "total income of the year");
// the words the report used when the key is not a known one.
std::string subject_name_zh(const Claim& c);
std::string subject_name_en(const Claim& c);

// The parts a whole is made of, when they are fixed by the templates
// (本年收入合计 = 财政拨款收入 + 上级补助收入 + …); nullptr when open-ended.
const std::vector<std::string_view>* components_of(std::string_view whole);
// Whether `part` is listed under `whole` (a component, a class of an
// expenditure total, a subset such as 授予中小企业 of 政府采购).
bool is_part_of(const std::string& part, const std::string& whole);

}  // namespace hezhang
