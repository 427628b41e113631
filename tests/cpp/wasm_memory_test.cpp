// The WebAssembly build's memcmp and memchr (wasm/memory.h), checked here
// natively against libc's: every length up to 40, a difference (and another
// after it) or the byte sought at every offset, bytes on both sides of 0x80
// (a signed char would order them wrongly), starts at every alignment, and
// bytes after the n compared or searched that would change the answer if read.
#include <catch2/catch.hpp>

#include <cstring>
#include <string>
#include <utility>

#include "../../wasm/memory.h"

// As wasm/memory.cpp defines it in the module: compare_call's way out for a
// length not known at compile time (always, in an unoptimized build).
extern "C" int hezhang_wasm_memcmp(const void* a, const void* b, std::size_t n) {
  return hezhang::wasm_memory::compare(a, b, n);
}

namespace {
int sign(int x) { return (x > 0) - (x < 0); }

// builtin_compare with a length the compiler knows (a template argument), as
// at the core's compares of literals, against libc over every offset of a
// difference; each byte value on both sides of 0x80.
template <std::size_t N>
void check_known_length() {
  for (std::size_t at = 0; at <= N; ++at)
    for (unsigned char other : {0x00, 0x7F, 0x80, 0xFF}) {
      char a[N + 1] = {}, b[N + 1] = {};
      for (std::size_t k = 0; k < N; ++k) a[k] = b[k] = static_cast<char>(0xE4 + k * 13 % 27);
      if (at < N) b[at] = static_cast<char>(other);
      const int want = sign(std::memcmp(a, b, N));
      INFO("n " << N << " at " << at << " byte " << int(other));
      REQUIRE(sign(hezhang::wasm_memory::builtin_compare(a, b, N)) == want);
      REQUIRE(sign(hezhang::wasm_memory::builtin_compare(b, a, N)) == -want);
    }
}
template <std::size_t... N>
void check_known_lengths(std::index_sequence<N...>) {
  (check_known_length<N + 1>(), ...);
}
}  // namespace

// In a constant expression builtin_compare is the compiler's builtin: libc++'s
// char_traits compares constexpr string_views with it in the module.
static_assert(hezhang::wasm_memory::builtin_compare("abc", "abd", 3) < 0);
static_assert(hezhang::wasm_memory::builtin_compare("abd", "abc", 3) > 0);
static_assert(hezhang::wasm_memory::builtin_compare("ab\x80", "ab\x7f", 3) > 0);  // bytes unsigned
static_assert(hezhang::wasm_memory::builtin_compare("abc", "abd", 2) == 0);

TEST_CASE("the WebAssembly build's inline string compare orders as libc's does", "[unit][wasm]") {
  check_known_lengths(std::make_index_sequence<20>());  // 1..20: inline up to 16, the call past it
}

TEST_CASE("the WebAssembly memcmp orders as libc's does", "[unit][wasm]") {
  std::size_t checked = 0;
  for (std::size_t align = 0; align < 8; ++align)
    for (std::size_t n = 0; n <= 40; ++n)
      for (std::size_t at = 0; at <= n; ++at)
        for (unsigned char other : {0x00, 0x41, 0x7F, 0x80, 0xFF}) {
          // Eight bytes past n that differ: read, they would decide equal cases.
          std::string a(align + n + 8, 'x'), b(align + n + 8, 'y');
          for (std::size_t k = 0; k < n; ++k) a[align + k] = b[align + k] = static_cast<char>(0x30 + k * 7 % 200);
          if (at < n) b[align + at] = static_cast<char>(other);  // at == n: equal
          // The next byte differs the other way round: only the first may count.
          if (at + 1 < n) a[align + at + 1] = static_cast<char>(other < 0x80 ? 0xFF : 0x00);
          const int want = sign(std::memcmp(a.data() + align, b.data() + align, n));
          INFO("align " << align << " n " << n << " at " << at << " byte " << int(other));
          REQUIRE(sign(hezhang::wasm_memory::compare(a.data() + align, b.data() + align, n)) == want);
          REQUIRE(sign(hezhang::wasm_memory::compare(b.data() + align, a.data() + align, n)) == -want);
          ++checked;
        }
  CHECK(checked == 8 * 861 * 5);  // 8 alignments, 861 (length, offset) pairs, 5 bytes
}

TEST_CASE("the WebAssembly memchr finds the first byte as libc's does", "[unit][wasm]") {
  for (std::size_t align = 0; align < 8; ++align)
    for (std::size_t n = 0; n <= 40; ++n)
      for (std::size_t at = 0; at <= n; ++at)
        for (unsigned char sought : {0x00, 0x0A, 0x80, 0x81, 0xFF}) {
          // Bytes next to the one sought (sought ± 1) would fool a careless
          // borrow test; a second copy after it must not be the one found.
          // The byte sought also right after the n bytes: it must not be found there.
          std::string s(align + n + 8, static_cast<char>(sought));
          for (std::size_t k = 0; k < n; ++k) s[align + k] = static_cast<char>(sought + (k % 2 ? 1 : 255));
          if (at < n) s[align + at] = static_cast<char>(sought);
          if (at + 3 < n) s[align + at + 3] = static_cast<char>(sought);
          const void* want = std::memchr(s.data() + align, sought, n);
          INFO("align " << align << " n " << n << " at " << at << " byte " << int(sought));
          REQUIRE(hezhang::wasm_memory::find_byte(s.data() + align, sought, n) == want);
          REQUIRE((want == nullptr) == (at == n));
        }
}
