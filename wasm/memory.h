// The byte routines wasm/memory.cpp puts in place of libc's in the
// WebAssembly build, here so that tests/cpp/wasm_memory_test.cpp can check
// them natively against libc. Emscripten 3.1.6's libc compares byte by byte
// (memcmp) and searches four bytes at a time after aligning (memchr: size_t
// is 32 bits there); these read eight bytes at a time, unaligned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "../core/src/word_bytes.h"

// memory.cpp's out-of-line compare under a name of its own: the core's
// memcmp has an inline body in the module (inline_memcmp.h), which calls this
// when the length is not known where it is compiled.
extern "C" int hezhang_wasm_memcmp(const void* a, const void* b, std::size_t n);

namespace hezhang::wasm_memory {

// The order of two words that differ: that of their first differing byte,
// the lowest set byte of their xor (WebAssembly, like x86, is little-endian).
inline int word_order(std::uint64_t x, std::uint64_t y) {
  const int shift = __builtin_ctzll(x ^ y) & ~7;
  return static_cast<int>((x >> shift) & 0xFF) - static_cast<int>((y >> shift) & 0xFF);
}

// As memcmp. Most calls compare a few words of Chinese (3 bytes a character):
// the last bytes are read as one word overlapping bytes already found equal,
// not one at a time.
inline int compare(const void* a, const void* b, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(a);
  const auto* q = static_cast<const unsigned char*>(b);
  if (n >= 8) {
    for (; n > 8; p += 8, q += 8, n -= 8)
      if (const std::uint64_t x = load_word(p), y = load_word(q); x != y) return word_order(x, y);
    const std::uint64_t x = load_word(p + n - 8), y = load_word(q + n - 8);  // 1 to 8 bytes left
    return x == y ? 0 : word_order(x, y);
  }
  if (n >= 4) {
    if (const std::uint32_t x = load_half_word(p), y = load_half_word(q); x != y) return word_order(x, y);
    const std::uint32_t x = load_half_word(p + n - 4), y = load_half_word(q + n - 4);
    return x == y ? 0 : word_order(x, y);
  }
  for (; n > 0; ++p, ++q, --n)
    if (*p != *q) return *p - *q;
  return 0;
}

// memcmp for inline_memcmp.h: with a length known where it is inlined (and
// at most 16), compare folds to a few loads; else the out-of-line call.
__attribute__((always_inline)) inline int compare_call(const void* a, const void* b, std::size_t n) {
  if (__builtin_constant_p(n) && n <= 16) return compare(a, b, n);
  return hezhang_wasm_memcmp(a, b, n);
}

// __builtin_memcmp as libc++ calls it (char_traits::compare), for pointers
// of any types. In a constant expression (a constexpr string_view compared
// at compile time) the compiler's own builtin: inline_memcmp.h defines its
// macro after this, so here the name is still the builtin's.
template <typename A, typename B>
__attribute__((always_inline)) constexpr int builtin_compare(const A* a, const B* b, std::size_t n) {
  if (__builtin_is_constant_evaluated()) return __builtin_memcmp(a, b, n);
  return compare_call(a, b, n);
}

// As memchr. bytes_equal's lowest mark is exact: it is the one taken.
inline const void* find_byte(const void* s, int c, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(s);
  const auto b = static_cast<unsigned char>(c);
  for (; n >= 8; p += 8, n -= 8)
    if (const std::uint64_t marks = bytes_equal(load_word(p), b); marks != 0) return p + first_flagged(marks);
  for (; n > 0; ++p, --n)
    if (*p == b) return p;
  return nullptr;
}

}  // namespace hezhang::wasm_memory
