// memcpy, memmove and memset as single bulk-memory instructions.
// Emscripten 3.1.6's libc has them as C loops (and memcpy calls out to JS
// from 512 bytes), and its prebuilt libc++ calls them for every string copy;
// defined here, they take the place of libc's in the link.
#include <cstddef>

extern "C" {

void* memcpy(void* __restrict dest, const void* __restrict src, std::size_t n) {
  __builtin_memcpy(dest, src, n);  // memory.copy with -mbulk-memory
  return dest;
}

void* memmove(void* dest, const void* src, std::size_t n) {
  __builtin_memmove(dest, src, n);  // memory.copy handles overlap
  return dest;
}

void* memset(void* dest, int c, std::size_t n) {
  __builtin_memset(dest, c, n);  // memory.fill
  return dest;
}

}  // extern "C"
