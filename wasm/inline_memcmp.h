// Included first into every source of the core when it is compiled for
// WebAssembly (wasm/CMakeLists.txt, -include), never natively: string
// compares of a known length made inline, as GCC makes them natively.
//
// Clang 14 expands memcmp with a constant length into loads only for 1, 2, 4
// and 8 bytes when compiling to WebAssembly; every other length is a call.
// The core compares Chinese words, 3 bytes a character, against literals
// everywhere (`s == "类"sv`, starts_with(s, "其中")), and libc++'s
// char_traits<char>::compare calls __builtin_memcmp, so each such compare
// whose lengths matched was a call to memcmp (memory.cpp) and its loop.
// Here both ways in are routed to wasm_memory::compare_call (memory.h):
// with a constant length of at most 16, wasm_memory::compare is inlined and
// folds to a few loads; otherwise it calls the one out-of-line compare, as
// before.
#pragma once

#include <cstddef>
#include <cstring>

#include "memory.h"

// A direct call to memcmp: this body, inlined (gnu_inline: never emitted, so
// memory.cpp's memcmp stays the only definition).
extern "C" {
extern inline __attribute__((gnu_inline, always_inline)) int memcmp(const void* a, const void* b, std::size_t n) {
  return ::hezhang::wasm_memory::compare_call(a, b, n);
}
}

// libc++'s char_traits<char>::compare.
#define __builtin_memcmp(a, b, n) ::hezhang::wasm_memory::builtin_compare((a), (b), (n))
