// What the narrative rule families share: claims as exact intervals, finding
// the claims a check needs, and findings about a sentence's figure.
//
// The rounding model of the tables holds for the prose: a figure printed with
// d decimals stands for [v - ½·10^-d, v + ½·10^-d]. Money in 元 and 万元 counts
// at least two decimals ("16.3 万元" is 16.30: reports drop trailing zeros),
// and a stated zero is exact. Arithmetic is exact: 128-bit integers in
// millionths of a 元 (or of a percent), so 10^12 元 times 10^5 % still fits.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "../src/claims.h"
#include "rules.h"

namespace hezhang {

using Wide = __int128;

// An interval in millionths (of a 元 for money, of a percent for rates).
struct Span {
  Wide lo = 0, mid = 0, hi = 0;
};

std::optional<Span> money_span(const Claim& c);
std::optional<Span> percent_span(const Claim& c);
// A percentage as printed ("153.96" of "153.96%").
std::optional<Span> percent_value_span(const Decimal& percent);
// A table figure (its table's unit and effective decimals) as a money span.
std::optional<Span> figure_span(const Table& t, const Decimal& value);

Span add(const Span& a, const Span& b);
Span subtract(const Span& a, const Span& b);  // a - b

// Equal within rounding: Passed when the printed values agree, Rounding when
// only the intervals meet, Failed otherwise.
Outcome judge_equal(const Span& stated, const Span& implied);
// One figure stated twice (text vs table, text vs text): Passed when either
// printed value lies within the other's interval (506.81 万元 restates
// 5,068,099.82 元), Rounding when only the intervals meet.
Outcome judge_same(const Span& stated, const Span& other);
// A percentage stated for part / whole · 100.
Outcome judge_ratio(const Span& stated_percent, const Span& part, const Span& whole);
// part / whole · 100 at `decimals` decimals, as text ("54.99").
std::string ratio_text(const Span& part, const Span& whole, int decimals);

// Money in millionths of a 元 shown in `unit` with `decimals` decimals.
std::string money_text(Wide micro, const std::string& unit, int decimals);
// Decimals a claim is shown with (money at least 2).
int shown_decimals(const Claim& c);

bool is_money(const Claim& c);
bool is_amount_relation(const Claim& c);  // value / actual / budget

// Claims by group, built once per family: every lookup stays local, so a
// report with a million figures is still read in linear time.
class ClaimIndex {
 public:
  explicit ClaimIndex(const std::vector<Claim>& claims);
  const std::vector<Claim>& claims() const { return claims_; }
  // Indices of a group's claims, in order.
  struct Indices {
    const std::size_t *first, *last;
    const std::size_t* begin() const { return first; }
    const std::size_t* end() const { return last; }
  };
  Indices group(int g) const;
  // The group's first money figure with an amount relation (value/actual/
  // budget, or only `relation` when not empty), before claim index `before`.
  const Claim* amount(int group, std::size_t before = static_cast<std::size_t>(-1),
                      std::string_view relation = {}) const;
  // The first claim of claims[at]'s group after it with `relation` ("rate").
  const Claim* next_in_group(std::size_t at, std::string_view relation) const;
  // The nearest earlier amount for the same subject and scope as claims[at]
  // in its section, close by ("收入总计 X。…收入总计增加 A"): value, or also
  // actual when `or_actual`.
  const Claim* stated_before(std::size_t at, bool or_actual) const;

 private:
  const std::vector<Claim>& claims_;
  // Group g's claim indices are by_group_[start_[g] .. start_[g + 1]): two
  // arrays, not a vector per group (each rule family builds an index).
  std::vector<std::size_t> start_, by_group_;
};

// A finding about claim `c`: lines from the claim, messages quoting the
// figure, difference = actual - expected as printed. A Rounding outcome is an
// info note saying so.
Finding claim_finding(const std::string& rule, const Claim& c, Outcome outcome, const std::string& expected,
                      const std::string& actual, const std::string& unit, const std::string& zh,
                      const std::string& en, std::vector<int> related);
// An info note about claim `c` that is no rounding matter (a rate from a zero
// base, a completion rate of 0 out of 0).
Finding claim_note(const std::string& rule, const Claim& c, const std::string& actual, const std::string& unit,
                   const std::string& zh, const std::string& en, std::vector<int> related);

// A ledger id for a check about claim `c`: "narrative.percent@L51#12".
std::string claim_check_id(const std::string& rule, const Claim& c);

}  // namespace hezhang
