// Exact decimals (core/include/hezhang/decimal.h): parsing keeps the printed
// scale, arithmetic is exact and overflow-checked.
#include <catch2/catch.hpp>

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "hezhang/decimal.h"
#include "internal.h"

using hezhang::Decimal;

namespace {

Decimal D(const char* text) {
  auto d = Decimal::parse(text);
  REQUIRE(d.has_value());
  return *d;
}

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();

}  // namespace

TEST_CASE("Decimal::parse keeps the printed scale", "[unit][decimal]") {
  Decimal a = D("4000");
  CHECK(a.units == 4000);
  CHECK(a.scale == 0);
  CHECK(a.to_string() == "4000");

  Decimal b = D("4000.00");
  CHECK(b.units == 400000);
  CHECK(b.scale == 2);
  CHECK(b.to_string() == "4000.00");

  CHECK(D("1802.64").to_string() == "1802.64");
  CHECK(D("0.05").to_string() == "0.05");
  CHECK(D("0.05").units == 5);
  CHECK(D("0.05").scale == 2);
  CHECK(D("32.00").to_string() == "32.00");
  CHECK(D("0").to_string() == "0");
  CHECK(D("0.00").to_string() == "0.00");
}

TEST_CASE("Decimal::parse handles signs and leading zeros", "[unit][decimal]") {
  Decimal n = D("-12.5");
  CHECK(n.units == -125);
  CHECK(n.scale == 1);
  CHECK(n.to_string() == "-12.5");

  CHECK(D("-0.5").to_string() == "-0.5");
  CHECK(D("+7").units == 7);

  // Leading zeros are not significant and are not printed back.
  Decimal z = D("00012.30");
  CHECK(z.units == 1230);
  CHECK(z.scale == 2);
  CHECK(z.to_string() == "12.30");
  CHECK(D("007").to_string() == "7");
}

TEST_CASE("Decimal::parse rejects what is not a plain number", "[unit][decimal]") {
  CHECK_FALSE(Decimal::parse("12.").has_value());
  CHECK_FALSE(Decimal::parse(".").has_value());
  CHECK_FALSE(Decimal::parse("").has_value());
  CHECK_FALSE(Decimal::parse("-").has_value());
  CHECK_FALSE(Decimal::parse("1.2.3").has_value());
  CHECK_FALSE(Decimal::parse("12a").has_value());
  CHECK_FALSE(Decimal::parse("1,802.64").has_value());  // separators removed by the caller
  CHECK_FALSE(Decimal::parse(" 12").has_value());
  CHECK_FALSE(Decimal::parse("--12").has_value());
  // More decimals than kMaxScale (8).
  CHECK(Decimal::parse("0.12345678").has_value());
  CHECK_FALSE(Decimal::parse("0.123456789").has_value());
}

TEST_CASE("Decimal::parse accepts 18 significant digits and rejects 19", "[unit][decimal]") {
  auto d18 = Decimal::parse("123456789012345678");
  REQUIRE(d18.has_value());
  CHECK(d18->units == 123456789012345678LL);
  CHECK(d18->to_string() == "123456789012345678");

  auto d18f = Decimal::parse("1234567890123456.78");
  REQUIRE(d18f.has_value());
  CHECK(d18f->scale == 2);
  CHECK(d18f->to_string() == "1234567890123456.78");

  CHECK(Decimal::parse("999999999999999999").has_value());
  CHECK_FALSE(Decimal::parse("1234567890123456789").has_value());
  CHECK_FALSE(Decimal::parse("9999999999999999999").has_value());
  CHECK_FALSE(Decimal::parse("12345678901234567.89").has_value());
  CHECK_FALSE(Decimal::parse("-1234567890123456789").has_value());
  // Leading zeros do not count as significant digits.
  auto padded = Decimal::parse("000000123456789012345678");
  REQUIRE(padded.has_value());
  CHECK(padded->units == 123456789012345678LL);
}

TEST_CASE("Decimal add and subtract across scales", "[unit][decimal]") {
  auto s = hezhang::add(D("1.5"), D("2.25"));
  REQUIRE(s.has_value());
  CHECK(s->scale == 2);
  CHECK(s->to_string() == "3.75");

  auto t = hezhang::add(D("4000"), D("0.01"));
  REQUIRE(t.has_value());
  CHECK(t->to_string() == "4000.01");

  auto u = hezhang::subtract(D("1802.64"), D("1802"));
  REQUIRE(u.has_value());
  CHECK(u->to_string() == "0.64");

  auto v = hezhang::subtract(D("10"), D("12.5"));
  REQUIRE(v.has_value());
  CHECK(v->to_string() == "-2.5");

  auto w = hezhang::add(D("-1.10"), D("1.1"));
  REQUIRE(w.has_value());
  CHECK(w->is_zero());
  CHECK(w->to_string() == "0.00");
}

TEST_CASE("Decimal arithmetic overflow gives nullopt, never a wrapped value", "[unit][decimal]") {
  CHECK_FALSE(hezhang::add(Decimal{kMax, 0}, Decimal{1, 0}).has_value());
  CHECK_FALSE(hezhang::subtract(Decimal{kMin, 0}, Decimal{1, 0}).has_value());
  CHECK_FALSE(hezhang::add(Decimal{kMin, 0}, Decimal{-1, 0}).has_value());
  CHECK_FALSE(hezhang::subtract(Decimal{kMax, 0}, Decimal{-1, 0}).has_value());
  // Rescaling the larger operand to the common scale overflows.
  CHECK_FALSE(hezhang::add(D("999999999999999999"), D("0.01")).has_value());
  // Right at the edge still works.
  auto edge = hezhang::add(Decimal{kMax - 1, 0}, Decimal{1, 0});
  REQUIRE(edge.has_value());
  CHECK(edge->units == kMax);
  CHECK(Decimal{kMin, 0}.to_string() == "-9223372036854775808");
  CHECK(Decimal{kMax, 2}.to_string() == "92233720368547758.07");
}

TEST_CASE("Decimal write and length give to_string's characters", "[unit][decimal]") {
  // write() is what the JSON writer uses; to_string() is built on it.
  const struct {
    Decimal d;
    const char* text;
  } kCases[] = {
      {Decimal{kMin, 18}, "-9.223372036854775808"}, {Decimal{kMin, 19}, "-0.9223372036854775808"},
      {Decimal{5, 25}, "0.0000000000000000000000005"}, {Decimal{-5, 1}, "-0.5"},
      {Decimal{12, -1}, "12"}, {Decimal{0, 3}, "0.000"}, {Decimal{120, 1}, "12.0"},
  };
  for (const auto& c : kCases) {
    CHECK(c.d.to_string() == c.text);
    CHECK(c.d.length() == std::string(c.text).size());
    char buf[64];
    CHECK(std::string(buf, c.d.write(buf)) == c.text);
  }
}

TEST_CASE("decimal_digits and write_digits_backward give std::to_chars' digits", "[unit][decimal]") {
  // Every power of ten and its neighbours, both sides of 2^32 (where the
  // writer goes from 64 to 32 bits), the largest values, and a sweep of
  // pseudo-random values of every width. Counted, then one assertion.
  std::vector<std::uint64_t> values = {0, std::numeric_limits<std::uint64_t>::max(), 0xFFFFFFFFull, 0x100000000ull,
                                       static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1};
  for (std::uint64_t p = 1;; p *= 10) {
    for (std::uint64_t v : {p - 1, p, p + 1}) values.push_back(v);
    if (p > std::numeric_limits<std::uint64_t>::max() / 10) break;
  }
  std::uint64_t state = 20261123;
  for (int k = 0; k < 20000; ++k) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    values.push_back(state >> (state % 64));
  }
  std::size_t wrong = 0;
  std::string first_wrong;
  for (std::uint64_t v : values) {
    char want[24], got[24];
    const std::string expected(want, std::to_chars(want, want + sizeof want, v).ptr);
    const std::size_t n = hezhang::decimal_digits(v);
    char* const start = hezhang::write_digits_backward(got + n, v);
    if ((n != expected.size() || start != got || std::string(got, n) != expected) && wrong++ == 0)
      first_wrong = std::to_string(v);
  }
  INFO("first wrong: " << first_wrong);
  CHECK(wrong == 0);
  CHECK(values.size() > 20000);
}

TEST_CASE("Decimal compare is exact across scales", "[unit][decimal]") {
  CHECK(hezhang::compare(D("4000"), D("4000.00")) == 0);
  CHECK(hezhang::compare(D("1.5"), D("1.50000001")) < 0);
  CHECK(hezhang::compare(D("1.50000001"), D("1.5")) > 0);
  CHECK(hezhang::compare(D("-2"), D("-1.99")) < 0);
  CHECK(hezhang::compare(D("-0.00"), D("0")) == 0);
  CHECK(hezhang::compare(D("12.30"), D("12.3")) == 0);
  // Rescaling overflows here: the comparison must still be exact.
  CHECK(hezhang::compare(Decimal{kMax, 0}, Decimal{1, 8}) > 0);
  CHECK(hezhang::compare(Decimal{kMin, 0}, Decimal{-1, 8}) < 0);
  CHECK(hezhang::compare(Decimal{1, 8}, Decimal{kMax, 0}) < 0);
  CHECK(hezhang::compare(Decimal{kMax, 8}, Decimal{kMax, 0}) < 0);
}

TEST_CASE("Decimal rescaled widens only", "[unit][decimal]") {
  auto r = D("12.5").rescaled(3);
  REQUIRE(r.has_value());
  CHECK(r->units == 12500);
  CHECK(r->to_string() == "12.500");
  CHECK_FALSE(D("12.50").rescaled(1).has_value());
  CHECK_FALSE(Decimal{kMax, 0}.rescaled(1).has_value());
}

TEST_CASE("Decimal shifted converts 万元 and 元 exactly", "[unit][decimal]") {
  // 1802.64 万元 = 18026400 元
  auto yuan = D("1802.64").shifted(4);
  REQUIRE(yuan.has_value());
  CHECK(yuan->to_string() == "18026400");
  CHECK(hezhang::compare(*yuan, D("18026400")) == 0);

  auto wan = D("18026400").shifted(-4);
  REQUIRE(wan.has_value());
  CHECK(wan->to_string() == "1802.6400");
  CHECK(hezhang::compare(*wan, D("1802.64")) == 0);

  // Round trip.
  auto back = wan->shifted(4);
  REQUIRE(back.has_value());
  CHECK(hezhang::compare(*back, D("18026400")) == 0);

  auto partial = D("1.23456").shifted(4);
  REQUIRE(partial.has_value());
  CHECK(partial->to_string() == "12345.6");

  CHECK(D("12.34").shifted(-2)->to_string() == "0.1234");
  CHECK(D("-1.5").shifted(4)->to_string() == "-15000");
  CHECK(D("7").shifted(0)->to_string() == "7");
  // Past kMaxScale decimals: not exact any more.
  CHECK_FALSE(D("0.00001").shifted(-4).has_value());
  // Past INT64: nullopt.
  CHECK_FALSE(D("999999999999999999").shifted(8).has_value());
  CHECK_FALSE(D("1").shifted(19).has_value());
}

TEST_CASE("multiply_checked agrees with __builtin_mul_overflow, both sides of its shortcut", "[unit][decimal]") {
  // The shortcut that 32-bit targets take (no 128-bit product when the
  // leading zero bits add up to 65 or more), tested here natively, must give
  // the same product and never hide an overflow: values
  // at and around powers of two and of ten, both signs, INT64_MIN included.
  std::vector<std::int64_t> values = {0, 1, -1, 10, 3, INT64_MAX, INT64_MIN, INT64_MIN + 1};
  for (int k = 1; k < 63; ++k)
    for (std::int64_t d : {-1, 0, 1}) {
      const std::int64_t p = (std::int64_t{1} << k) + d;
      values.push_back(p);
      values.push_back(-p);
    }
  for (std::int64_t p = 10; p <= INT64_MAX / 10; p *= 10)
    for (std::int64_t d : {-1, 0, 1}) values.push_back(p + d), values.push_back(-(p + d));
  std::size_t shortcut = 0;
  for (std::int64_t a : values)
    for (std::int64_t b : values) {
      std::int64_t want = 0, got = 0;
      const bool fits = !__builtin_mul_overflow(a, b, &want);
      INFO(a << " * " << b);
      REQUIRE(hezhang::multiply_checked_by_size(a, b, &got) == fits);
      if (fits) REQUIRE(got == want);
      REQUIRE(hezhang::multiply_checked(a, b, &got) == fits);
      if (fits) REQUIRE(got == want);
      const auto magnitude = [](std::int64_t v) { return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v); };
      shortcut += __builtin_clzll(magnitude(a) | 1) + __builtin_clzll(magnitude(b) | 1) >= 65;
    }
  CHECK(shortcut > values.size() * values.size() / 4);  // the shortcut is taken often, not only the slow way
}
