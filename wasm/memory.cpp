// libc's memory routines for the WebAssembly build, in place of Emscripten
// 3.1.6's (defined here, they are the ones linked). Its prebuilt libc++
// calls them for every string copy, comparison and search:
// - memcpy, memmove, memset: one bulk-memory instruction each (this file is
//   compiled with -mbulk-memory); libc's are C loops, memcpy calling out to
//   JS from 512 bytes;
// - memcmp, memchr: eight bytes at a time (memory.h, tested natively).
#include "memory.h"

// Without bulk memory the builtins below would compile to calls to the very
// functions they are in.
#ifndef __wasm_bulk_memory__
#error "wasm/memory.cpp needs -mbulk-memory (see wasm/CMakeLists.txt)"
#endif

extern "C" {

void* memcpy(void* __restrict dest, const void* __restrict src, std::size_t n) {
  __builtin_memcpy(dest, src, n);  // memory.copy
  return dest;
}

void* memmove(void* dest, const void* src, std::size_t n) {
  __builtin_memmove(dest, src, n);  // memory.copy allows overlap
  return dest;
}

void* memset(void* dest, int c, std::size_t n) {
  __builtin_memset(dest, c, n);  // memory.fill
  return dest;
}

int memcmp(const void* a, const void* b, std::size_t n) { return hezhang::wasm_memory::compare(a, b, n); }

// The same for the core's compares of a length not known where they are
// compiled (memory.h's compare_call).
int hezhang_wasm_memcmp(const void* a, const void* b, std::size_t n) { return hezhang::wasm_memory::compare(a, b, n); }

void* memchr(const void* s, int c, std::size_t n) {
  return const_cast<void*>(hezhang::wasm_memory::find_byte(s, c, n));
}

}  // extern "C"
