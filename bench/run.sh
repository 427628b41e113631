#!/usr/bin/env bash
# `npm run bench`: set-up and build as `npm test` does (build/native, build/wasm,
# dist/), plus the native timing harness, then bench/run.mjs prints one table
# and writes build/bench/results.json.
#   HEZHANG_BENCH_NO_BUILD=1  use what is already built (with HEZHANG_BENCH_*_DIR, see run.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."

native_dir="${HEZHANG_BENCH_NATIVE_DIR:-build/native}"
if [[ "${HEZHANG_BENCH_NO_BUILD:-}" != 1 ]]; then
  bash scripts/setup.sh valgrind   # valgrind: the instruction counts (bench/run.mjs)
  bash scripts/build.sh
fi
# hezhang_bench is outside the default build (EXCLUDE_FROM_ALL): the tests do not need it.
cmake --build "$native_dir" --target hezhang_bench
# The same harness on the WebAssembly core, for the time by phase (the part "phases").
wasm_dir="${HEZHANG_BENCH_WASM_DIR:-build/wasm}"
if [[ -f "$wasm_dir/build.ninja" ]]; then
  cmake --build "$wasm_dir" --target hezhang_bench_wasm
fi
exec node bench/run.mjs
