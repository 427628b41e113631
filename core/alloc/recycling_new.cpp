// Why: an analysis makes about 16 000 small allocations (a cell, a name, a
// claim's text: Chinese strings past the 15 bytes a std::string holds inline)
// and frees them all when the report goes. glibc's per-thread cache keeps 7
// blocks per size, so most of those frees and the next report's mallocs took
// the slow path: malloc and free were ~15% of a run's instructions. Here each
// thread keeps the freed blocks of up to 512 bytes, by size class, and the
// next allocation of that class takes one back: a run over many reports (the
// CLI's batch, the benchmark) allocates from these lists after the first.
// Every block is still its own malloc block, so a thread may free what
// another allocated (the CLI's --jobs workers hand their output to the main
// thread), and what is kept is bounded per thread (kKeptBytesPerThread:
// beyond it, blocks go back to free()).
//
// Linked into programs only (the CLI, the benchmark harness, the WebAssembly
// module, whose dlmalloc frees and allocates more slowly than these lists;
// never into the library: an embedding program chooses its own allocator),
// and not under sanitizers, which replace new.
#include "recycling_new.h"

#include <cstdint>
#include <cstdlib>
#include <new>

namespace hezhang::recycling_new {
namespace {

// A 16-byte header before every block holds its size class: keeps the
// alignment malloc gives (max_align_t) and tells unsized delete the size.
constexpr std::size_t kHeader = 16;
constexpr std::size_t kGrain = 16;
constexpr std::size_t kClasses = kLargestRecycled / kGrain;  // class c: blocks of (c + 1) * 16 bytes
constexpr std::size_t kLarge = kClasses;                      // header value of a block from malloc

struct FreeBlock {
  FreeBlock* next;
};

// Plain data, zero-initialised, no destructor: usable before main and
// after a thread's other thread_locals are gone. (What a finished thread
// kept is not given back: threads here live as long as the process.)
struct ThreadCache {
  FreeBlock* free[kClasses];
  std::size_t kept;
};
thread_local ThreadCache cache;

// Null when malloc fails (or n is past any size): the throwing forms throw.
// (No try/catch here: wasm/CMakeLists.txt turns on exception catching for
// the whole module when a core file has one.)
void* try_allocate(std::size_t n) noexcept {
  const std::size_t c = n == 0 ? 0 : (n - 1) / kGrain;
  if (c < kClasses) {
    ThreadCache& t = cache;
    if (FreeBlock* b = t.free[c]) {
      t.free[c] = b->next;
      t.kept -= kHeader + (c + 1) * kGrain;
      return b;
    }
  } else if (n > SIZE_MAX - kHeader) {
    return nullptr;
  }
  const std::size_t bytes = c < kClasses ? (c + 1) * kGrain : n;
  auto* header = static_cast<std::size_t*>(std::malloc(kHeader + bytes));
  if (!header) return nullptr;
  *header = c < kClasses ? c : kLarge;
  return reinterpret_cast<char*>(header) + kHeader;
}

void release(void* p) noexcept {
  if (!p) return;
  auto* header = reinterpret_cast<std::size_t*>(static_cast<char*>(p) - kHeader);
  const std::size_t c = *header;
  if (c < kClasses) {
    ThreadCache& t = cache;
    const std::size_t bytes = kHeader + (c + 1) * kGrain;
    if (t.kept + bytes <= kKeptBytesPerThread) {
      auto* b = static_cast<FreeBlock*>(p);
      b->next = t.free[c];
      t.free[c] = b;
      t.kept += bytes;
      return;
    }
  }
  std::free(header);
}

void* allocate(std::size_t n) {
  void* p = try_allocate(n);
#if defined(__cpp_exceptions)
  if (!p) throw std::bad_alloc();
#else
  if (!p) std::abort();  // what new does in a build without exceptions
#endif
  return p;
}

}  // namespace

std::size_t kept_bytes() { return cache.kept; }

}  // namespace hezhang::recycling_new

using hezhang::recycling_new::allocate;
using hezhang::recycling_new::try_allocate;
using hezhang::recycling_new::release;

// Every replaceable form but the over-aligned ones (std::align_val_t), which
// keep the standard library's own pair.
void* operator new(std::size_t n) { return allocate(n); }
void* operator new[](std::size_t n) { return allocate(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return try_allocate(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return try_allocate(n); }
void operator delete(void* p) noexcept { release(p); }
void operator delete[](void* p) noexcept { release(p); }
void operator delete(void* p, std::size_t) noexcept { release(p); }
void operator delete[](void* p, std::size_t) noexcept { release(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { release(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { release(p); }
