#!/usr/bin/env bash
# Builds the native CLI (build/native/cli/hezhang) and the WebAssembly module
# (build/wasm/hezhang.{mjs,wasm}, hezhang.single.mjs), then assembles dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

for preset in native wasm; do
  dir="build/$preset"
  if [[ ! -f "$dir/CMakeCache.txt" || ! -f "$dir/build.ninja" ]]; then
    echo "build: configuring $preset"
    cmake --preset "$preset"
  fi
  echo "build: building $preset"
  cmake --build --preset "$preset"
done

rm -rf dist
mkdir -p dist/fixtures
cp -r web/. dist/
cp build/wasm/hezhang.mjs build/wasm/hezhang.wasm dist/
cp tests/fixtures/000_9c8107d782db8362.txt dist/fixtures/sample.txt
wasm_bytes=$(stat -c %s dist/hezhang.wasm)
wasm_gz=$(gzip -9 -c dist/hezhang.wasm | wc -c)
echo "build: dist/ ready (hezhang.wasm ${wasm_bytes} bytes, ${wasm_gz} gzipped)"
