#!/usr/bin/env bash
# The whole test suite: set-up, build (native Release + wasm), then ctest.
# ctest runs last so that its summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

# --- ASan/UBSan run goes here (preset native-debug-asan), e.g.:
#   cmake --preset native-debug-asan && cmake --build --preset native-debug-asan
#   ctest --preset native-debug-asan
# ---

# The Node identity tests must not be skipped here: the WASM build is required.
export HEZHANG_REQUIRE_WASM=1
# ... nor the browser tests: setup.sh installed Chromium.
export HEZHANG_REQUIRE_BROWSER=1
ctest --test-dir build/native --output-on-failure
