// The caption and row-name patterns of core/src/tables.cpp, written out by
// hand (ordinal_length, is_numbered_heading, caption_unit, cell_unit,
// public_label, plain_label), against the RE2 patterns they replaced.
#include <catch2/catch.hpp>
#include <re2/re2.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "internal.h"

namespace {

// What each hand-written scanner reads of s, and what RE2 reads, as one
// comparable line: a match's offset and text, or "-" for none.
std::string where(const std::string& s, std::string_view found) {
  if (found.empty()) return "-";
  return std::to_string(found.data() - s.data()) + ":" + std::string(found);
}

struct Patterns {
  RE2 ordinal{R"(^(?:[一二三四五六七八九十]{1,3}、|\((?:[一二三四五六七八九十]{1,3}|\d{1,2})\)|\d{1,2}(?:\.|、)))"};
  RE2 heading{R"(^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)))"};
  RE2 caption_unit{R"(单位\s*[:：]\s*(亿元|百万元|万元|千元|元))"};
  RE2 cell_unit{R"((?:单位\s*[:：]\s*|[(（]\s*)(亿元|万元|千元|元)\s*[)）]?)"};
  RE2 public_label{R"(公开\s*(\d{1,2})\s*表)"};
  RE2 plain_label{R"((?:^|[(（\s])表\s*(\d{1,2})(?:[)）\s]|$))"};
  RE2 plain_label_compact{R"((?:^|[(（])表(\d{1,2})(?:[)）]|$))"};
};

std::vector<std::string> by_re2(const Patterns& p, const std::string& s) {
  auto capture = [&s](const RE2& re) {
    re2::StringPiece group;
    return RE2::PartialMatch(s, re, &group) ? where(s, std::string_view(group.data(), group.size())) : "-";
  };
  re2::StringPiece in(s);
  const std::size_t ordinal = RE2::Consume(&in, p.ordinal) ? static_cast<std::size_t>(in.data() - s.data()) : 0;
  return {std::to_string(ordinal),
          RE2::PartialMatch(s, p.heading) ? "heading" : "-",
          capture(p.caption_unit),
          capture(p.cell_unit),
          capture(p.public_label),
          capture(p.plain_label),
          capture(p.plain_label_compact)};
}

std::vector<std::string> by_hand(const std::string& s) {
  return {std::to_string(hezhang::ordinal_length(s)),
          hezhang::is_numbered_heading(s) ? "heading" : "-",
          where(s, hezhang::caption_unit(s)),
          where(s, hezhang::cell_unit(s)),
          where(s, hezhang::public_label(s)),
          where(s, hezhang::plain_label(s, true)),
          where(s, hezhang::plain_label(s, false))};
}

}  // namespace

TEST_CASE("the caption and row-name scanners read what their RE2 patterns read", "[unit][tables]") {
  const Patterns p;
  for (const RE2* re : {&p.ordinal, &p.heading, &p.caption_unit, &p.cell_unit, &p.public_label, &p.plain_label,
                        &p.plain_label_compact})
    REQUIRE(re->ok());
  const std::vector<std::string> cases = {
      "", "一、基本情况", "二十三、其他", "一二三四、", "(一)收入", "(十一)", "(一二三四)", "(1)项目", "(12)", "(123)",
      "1.5万元", "12、", "123.", "1.", "第二部分 情况说明", "第部分", "第十二三部分", "第二", "（一）全角括号",
      "单位：万元", "单位: 元", "单位 ：\t亿元", "单位：百万元", "金额单位：千元", "单位单位：元", "单位：美元",
      "项目资金 (万元)", "项目资金（ 元）", "((万元", "（百万元）", "单位:百万元(元)",
      "公开01表", "公开 8 表", "公开123表", "公开 1 2表", "公开公开 3表", "公开\f09\n表",
      "表 1", "表1", "（表 12）", "(表3)", "表 123", "附表 2", "表 2 收入", "表\t7\f", "表3）", "a表3", "表 3表 4"};
  for (const auto& s : cases) {
    INFO(s);
    CHECK(by_hand(s) == by_re2(p, s));
  }
  // Random strings of the pieces the patterns are made of: every scanner
  // must agree with RE2 on each, and each must have found something often.
  // (The literals that start a match stand twice, so that matches are common.)
  const std::vector<std::string> pieces = {
      "一", "二", "十", "三", "、", "(", ")", "（", "）", "第", "部分", "单位", "单位", "公开", "公开", "表", "表",
      ":", "：", "：", " ", "\t", "\f", "\n", "1", "2", "0", ".", "亿元", "百万元", "万元", "千元", "元", "百",
      "x", "收入"};
  const std::vector<std::vector<std::string>> shape = {
      {"", "公开", "单位", "表", "第", "(", "（", "x"}, {"", " ", "\t "}, {"", ":", "：", "表"}, {"", " ", "\f"},
      {"1", "12", "123", "一", "二十", "十一二三", ""},  {"", " ", "\n"}, {"表", "元", "万元", "、", ")", "）", "部分", ".", ""}};
  std::uint32_t seed = 2024;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  std::vector<int> found(7, 0);
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    auto noise = [&] {
      for (std::uint32_t k = 0, len = next() % 4; k < len; ++k) s += pieces[next() % pieces.size()];
    };
    if (n % 2) {
      // Pieces anywhere.
      for (std::uint32_t k = 0, len = 1 + next() % 8; k < len; ++k) s += pieces[next() % pieces.size()];
    } else {
      // The shape of a match, any slot of it possibly wrong.
      noise();
      for (const auto& options : shape) s += options[next() % options.size()];
      noise();
    }
    // Also as read_context reads a title for its compact label: without spaces.
    std::string compact;
    for (char c : s)
      if (c != ' ') compact += c;
    for (const std::string* text : {&s, &compact}) {
      const auto hand = by_hand(*text);
      INFO(*text);
      REQUIRE(hand == by_re2(p, *text));
      found[0] += hand[0] != "0";
      for (std::size_t i = 1; i < hand.size(); ++i) found[i] += hand[i] != "-";
    }
  }
  // The random strings did exercise every pattern (for this seed: 210
  // ordinals, 89 headings, 86 caption units, 758 cell units, 42 public
  // labels, 673 and 42 plain ones).
  for (std::size_t i = 0; i < found.size(); ++i) {
    INFO("pattern " << i);
    CHECK(found[i] >= 20);
  }
}
