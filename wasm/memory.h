// The byte routines wasm/memory.cpp puts in place of libc's in the
// WebAssembly build, here so that tests/cpp/wasm_memory_test.cpp can check
// them natively against libc. Emscripten 3.1.6's libc compares byte by byte
// (memcmp) and searches four bytes at a time after aligning (memchr: size_t
// is 32 bits there); these read eight bytes at a time, unaligned.
#pragma once

#include <cstddef>
#include <cstdint>

namespace hezhang::wasm_memory {

inline std::uint64_t load8(const unsigned char* p) {
  std::uint64_t w;
  __builtin_memcpy(&w, p, 8);
  return w;
}

// As memcmp. The first differing byte of two words is the lowest set byte of
// their xor (WebAssembly, like x86, is little-endian).
inline int compare(const void* a, const void* b, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(a);
  const auto* q = static_cast<const unsigned char*>(b);
  for (; n >= 8; p += 8, q += 8, n -= 8) {
    const std::uint64_t x = load8(p), y = load8(q);
    if (x != y) {
      const int shift = __builtin_ctzll(x ^ y) & ~7;
      return static_cast<int>((x >> shift) & 0xFF) - static_cast<int>((y >> shift) & 0xFF);
    }
  }
  for (; n > 0; ++p, ++q, --n)
    if (*p != *q) return *p - *q;
  return 0;
}

// As memchr. A byte equal to c is a zero byte of the word xor c, found by the
// borrow test (exact for the lowest one, which is the one taken).
inline const void* find_byte(const void* s, int c, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(s);
  const auto b = static_cast<unsigned char>(c);
  constexpr std::uint64_t kOnes = 0x0101010101010101u;
  for (; n >= 8; p += 8, n -= 8) {
    const std::uint64_t w = load8(p) ^ (kOnes * b);
    if (const std::uint64_t zero = (w - kOnes) & ~w & kOnes * 0x80; zero != 0) return p + __builtin_ctzll(zero) / 8;
  }
  for (; n > 0; ++p, --n)
    if (*p == b) return p;
  return nullptr;
}

}  // namespace hezhang::wasm_memory
