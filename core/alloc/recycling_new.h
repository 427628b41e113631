// Global operator new/delete for the programs (CLI, benchmark harness,
// the WebAssembly module), not the library: small blocks freed by an analysis are
// kept per thread and handed out again, in front of malloc. See
// recycling_new.cpp for why and what it bounds.
#pragma once

#include <cstddef>

namespace hezhang::recycling_new {

// Blocks of up to this many bytes are recycled; larger ones go to malloc.
constexpr std::size_t kLargestRecycled = 512;
// At most this many bytes of freed blocks are kept per thread.
constexpr std::size_t kKeptBytesPerThread = std::size_t{8} << 20;

// The calling thread's kept (freed, not yet reused) bytes, headers included.
std::size_t kept_bytes();

}  // namespace hezhang::recycling_new
