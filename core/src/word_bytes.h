// Word-at-a-time byte tests, with no other dependency: shared by the core's
// scanners (internal.h) and the WebAssembly build's memcmp/memchr
// (wasm/memory.h), which cannot pull in the core's headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

// The scanners read bytes in little-endian order (x86, ARM, WebAssembly).
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "hezhang's byte scanners assume a little-endian target"
#endif

namespace hezhang {

// The hot scanners read eight bytes as one word. bytes_below(w, n) has the
// high bit set in each byte of w below n (n <= 128): a byte minus n borrows
// into its high bit. The lowest set byte is exact, a higher one may be a
// borrow's false mark, so a scanner that needs positions checks them; one
// that only asks "any?" needs nothing more.
constexpr std::uint64_t kEachByte = 0x0101010101010101u;
inline std::uint64_t load_word(const void* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);  // one unaligned load
  return w;
}
inline std::uint32_t load_half_word(const void* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}
inline std::uint64_t bytes_below(std::uint64_t w, unsigned n) { return (w - kEachByte * n) & ~w & kEachByte * 0x80; }
// Bytes of w equal to b.
inline std::uint64_t bytes_equal(std::uint64_t w, unsigned char b) { return bytes_below(w ^ (kEachByte * b), 1); }
// The position in its word (0-7) of the first byte such a mask flags (the
// mask not 0): its lowest set byte, which is exact (see above).
inline std::size_t first_flagged(std::uint64_t flags) { return static_cast<std::size_t>(__builtin_ctzll(flags)) / 8; }
// From p[i], eight bytes at a time, to the first byte that flags(word) marks
// (a mask as above): its index, or, when no whole word before n has one,
// the index of the last few bytes, which are the caller's to test.
template <typename Flags>
inline std::size_t skip_to_flagged(const char* p, std::size_t i, std::size_t n, Flags flags) {
  for (; i + 8 <= n; i += 8)
    if (const std::uint64_t z = flags(load_word(p + i))) return i + first_flagged(z);
  return i;
}

}  // namespace hezhang
