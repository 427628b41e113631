// The programs' operator new/delete (core/alloc/recycling_new.cpp), in a test
// program of its own linked with them: the unit tests (hezhang_tests) keep the
// standard allocator, as a program embedding the library would.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <random>
#include <thread>
#include <vector>

#include "recycling_new.h"

namespace rn = hezhang::recycling_new;

namespace {
// Through a volatile pointer, so the compiler cannot pair and drop a
// new/delete (C++14 allows it to elide them).
void* (*volatile new_bytes)(std::size_t) = [](std::size_t n) { return ::operator new(n); };
void (*volatile delete_bytes)(void*) = [](void* p) { ::operator delete(p); };
}  // namespace

TEST_CASE("a freed small block is what the next allocation of its size class gets", "[alloc]") {
  // Nothing between the allocations but these calls (a CHECK might allocate).
  void* a = new_bytes(40);
  const std::size_t kept = rn::kept_bytes();
  delete_bytes(a);
  const std::size_t kept_after_free = rn::kept_bytes();
  void* other_class = new_bytes(100);  // 97..112 bytes: another list
  void* b = new_bytes(33);             // 33..48 bytes: a's class
  const std::size_t kept_after_reuse = rn::kept_bytes();
  CHECK(kept_after_free > kept);
  CHECK(other_class != a);
  CHECK(b == a);
  CHECK(kept_after_reuse == kept);
  delete_bytes(b);
  delete_bytes(other_class);
}

TEST_CASE("blocks past the largest recycled size go back to malloc", "[alloc]") {
  const std::size_t kept = rn::kept_bytes();
  void* big = new_bytes(rn::kLargestRecycled + 1);
  delete_bytes(big);
  CHECK(rn::kept_bytes() == kept);
  void* largest = new_bytes(rn::kLargestRecycled);
  delete_bytes(largest);
  CHECK(rn::kept_bytes() > kept);
}

TEST_CASE("what a thread keeps is bounded", "[alloc]") {
  // More than the bound in 512-byte blocks, all freed: the rest went to free().
  const std::size_t count = rn::kKeptBytesPerThread / rn::kLargestRecycled + 1000;
  std::vector<void*> blocks(count);
  for (void*& p : blocks) p = new_bytes(rn::kLargestRecycled);
  for (void* p : blocks) delete_bytes(p);
  CHECK(rn::kept_bytes() <= rn::kKeptBytesPerThread);
  CHECK(rn::kept_bytes() > rn::kKeptBytesPerThread - 2 * rn::kLargestRecycled);
}

TEST_CASE("every block is aligned as malloc's and keeps its bytes while others come and go", "[alloc]") {
  std::mt19937 random(7);
  struct Live {
    unsigned char* p;
    std::size_t n;
    unsigned char fill;
  };
  std::vector<Live> live;
  std::size_t misaligned = 0, overwritten = 0;
  for (int step = 0; step < 20000; ++step) {
    if (!live.empty() && random() % 3 == 0) {
      const std::size_t k = random() % live.size();
      for (std::size_t i = 0; i < live[k].n; ++i) overwritten += live[k].p[i] != live[k].fill;
      delete[] live[k].p;
      live[k] = live.back();
      live.pop_back();
      continue;
    }
    const std::size_t n = random() % 700;  // both sides of kLargestRecycled, and 0
    auto* p = new unsigned char[n];
    misaligned += reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t) != 0;
    const auto fill = static_cast<unsigned char>(step);
    std::memset(p, fill, n);
    live.push_back({p, n, fill});
  }
  for (const Live& l : live) {
    for (std::size_t i = 0; i < l.n; ++i) overwritten += l.p[i] != l.fill;
    delete[] l.p;
  }
  CHECK(misaligned == 0);
  CHECK(overwritten == 0);
}

TEST_CASE("a block may be freed by another thread than the one that allocated it", "[alloc]") {
  // The CLI's --jobs workers hand their output to the main thread.
  std::vector<std::unique_ptr<std::vector<int>>> made;
  made.reserve(1000);
  std::size_t worker_kept_at_start = 1;
  std::thread worker([&] {
    worker_kept_at_start = rn::kept_bytes();
    for (int i = 0; i < 1000; ++i) made.push_back(std::make_unique<std::vector<int>>(8, i));
  });
  worker.join();
  CHECK(worker_kept_at_start == 0);  // each thread keeps its own
  const std::size_t kept = rn::kept_bytes();
  int sum = 0;
  for (const auto& v : made) sum += (*v)[7];
  made.clear();  // freed here: kept by this thread
  CHECK(sum == 999 * 1000 / 2);
  CHECK(rn::kept_bytes() > kept);
}

TEST_CASE("a size no allocation can have fails as the standard says", "[alloc]") {
  const volatile std::size_t huge = SIZE_MAX - 8;
  CHECK(::operator new(huge, std::nothrow) == nullptr);
  CHECK_THROWS_AS(new_bytes(huge), std::bad_alloc);
  // Zero bytes: a distinct, usable pointer each time.
  void* a = new_bytes(0);
  void* b = new_bytes(0);
  CHECK(a != nullptr);
  CHECK(a != b);
  delete_bytes(a);
  delete_bytes(b);
}
