#!/usr/bin/env bash
# The whole test suite: set-up, build (native Release + wasm), then ctest.
# ctest runs last so that its summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

# ASan + UBSan (our code): the whole native suite again, fuzz replays included.
if [[ ! -f build/asan/CMakeCache.txt || ! -f build/asan/build.ninja ]]; then
  cmake --preset native-debug-asan >/dev/null
fi
cmake --build --preset native-debug-asan
# (The Node and browser tests run the WebAssembly build, which ASan does not instrument.)
ctest --preset native-debug-asan --exclude-regex '^(node_|browser)'

# Fuzz smoke run: every libFuzzer target for 60 s, two at a time; fails on any
# crash, leak, timeout or out-of-memory (scripts/fuzz.sh).
bash scripts/fuzz.sh 60

# The Node identity tests must not be skipped here: the WASM build is required.
export HEZHANG_REQUIRE_WASM=1
# ... nor the browser tests: setup.sh installed Chromium.
export HEZHANG_REQUIRE_BROWSER=1
ctest --test-dir build/native --output-on-failure
