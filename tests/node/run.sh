#!/usr/bin/env bash
# ctest entry point for the Node tests (tests/node/*.test.mjs).
# Environment: HEZHANG_CLI (native CLI), HEZHANG_WASM_DIR (wasm build dir,
# else HEZHANG_WASM_DIR_DEFAULT from CMake, else build/wasm),
# HEZHANG_REQUIRE_WASM=1 to fail instead of skip when the WASM build is absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
export HEZHANG_WASM_DIR="${HEZHANG_WASM_DIR:-${HEZHANG_WASM_DIR_DEFAULT:-build/wasm}}"
wasm_dir="$HEZHANG_WASM_DIR"
missing=()
for f in hezhang.mjs hezhang.wasm hezhang.single.mjs; do
  [[ -f "$wasm_dir/$f" ]] || missing+=("$wasm_dir/$f")
done
if ((${#missing[@]})); then
  if [[ "${HEZHANG_REQUIRE_WASM:-}" == 1 ]]; then
    echo "FAIL: WASM build missing: ${missing[*]}" >&2
    exit 1
  fi
  echo "SKIP: WASM build missing (${missing[*]}); build it with" \
       "'cmake --preset wasm && cmake --build --preset wasm' or run 'npm test'."
  exit 77
fi
exec "${HEZHANG_NODE:-node}" --test tests/node/
