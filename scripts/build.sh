#!/usr/bin/env bash
# Builds the native CLI (build/native/cli/hezhang) and the WebAssembly module
# (build/wasm/hezhang.{mjs,wasm}, hezhang.single.mjs), then assembles dist/
# (the page, and dist/hezhang.html: the page in one self-contained file).
#   bash scripts/build.sh          everything (incremental)
#   bash scripts/build.sh --web    dist/ only, from web/ and the WebAssembly module
#                                  already built (build/wasm/hezhang.single.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."

presets=(native wasm)
if [[ "${1:-}" == --web ]]; then
  presets=()
  [[ -f build/wasm/hezhang.single.mjs ]] || { echo "build: build/wasm/hezhang.single.mjs missing (run without --web)" >&2; exit 1; }
elif [[ $# -gt 0 ]]; then
  echo "usage: bash scripts/build.sh [--web]" >&2
  exit 2
fi

for preset in "${presets[@]}"; do
  dir="build/$preset"
  if [[ ! -f "$dir/CMakeCache.txt" || ! -f "$dir/build.ninja" ]]; then
    echo "build: configuring $preset"
    cmake --preset "$preset"
  fi
  echo "build: building $preset"
  cmake --build --preset "$preset"
done

# dist/: the page (web/, with the custom element hezhang-checker.js and examples/), the
# single-file WebAssembly module its worker (and the custom element) imports (the
# page's CSP forbids fetch(), see web/worker.js), the sample as a module the page
# preloads, and dist/hezhang.html, everything in one file for offline use.
rm -rf dist
mkdir -p dist/fixtures
cp -r web/. dist/
cp build/wasm/hezhang.single.mjs dist/
cp tests/fixtures/000_9c8107d782db8362.txt dist/fixtures/sample.txt
node scripts/assemble-dist.mjs dist
