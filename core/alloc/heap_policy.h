// How the programs (the CLI, the benchmark harness) keep their heap between
// reports. Header-only: the CLI needs it under sanitizers too, where the
// recycling operator new is not built.
#pragma once

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hezhang {

// Each analysis allocates and frees the same few large buffers (the input,
// the lines, a JSON of up to a few hundred KB). With glibc's defaults the
// largest are mapped and unmapped, and the top of the heap is given back to
// the system when they are freed, so every report pays page faults to get
// the memory again: 29 600 per 1 000 reports in the CLI's batch, 12-15% of
// the time of the three larger seeds in the harness. Kept in the heap, they
// cost nothing. (WebAssembly memory never shrinks: it has no such cost.)
inline void keep_heap_between_reports() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}

}  // namespace hezhang
