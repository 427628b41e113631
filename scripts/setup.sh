#!/usr/bin/env bash
# Idempotent set-up: Debian packages, then npm dependencies (which bring the
# RE2 and abseil sources). Quick when everything is already present.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(cmake g++ ninja-build emscripten catch2 nlohmann-json3-dev)
# Fuzzing (scripts/fuzz.sh): clang with libFuzzer; GNU time for bench/scaling.mjs.
packages+=(clang libclang-rt-dev time)
# Browser tests (tests/browser/) drive Debian's chromium via playwright-core; a small
# CJK font (1.6 MB) makes their screenshots of Chinese text legible.
if [[ -d tests/browser ]]; then
  packages+=(chromium chromium-driver fonts-wqy-microhei)
fi
# Extra packages a caller names: bench/run.sh asks for valgrind (instruction counts).
packages+=("$@")

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

for tool in node npm cmake ninja em++ clang++; do
  command -v "$tool" >/dev/null || { echo "setup: '$tool' not found on PATH" >&2; exit 1; }
done

# npm dependencies: skip when node_modules is up to date with the lock file.
# (.npmrc has ignore-scripts=true: the "re2" package is used only for its
# vendored C++ sources, its Node addon is never built.)
if [[ ! -f node_modules/re2/vendor/re2/CMakeLists.txt || ! -f node_modules/.package-lock.json \
      || package.json -nt node_modules/.package-lock.json \
      || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: npm install"
  # (loglevel error: the "re2" package declares node >= 22 for its addon, which is
  # never built; its EBADENGINE warnings are noise here.)
  npm install --ignore-scripts --no-audit --no-fund --loglevel=error
fi
echo "setup: ok"
