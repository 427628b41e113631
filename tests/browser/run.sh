#!/usr/bin/env bash
# ctest entry point for the browser end-to-end tests (tests/browser/*.test.mjs):
# Debian's Chromium driven by playwright-core against dist/ (served, and from file://).
# Environment: HEZHANG_CLI (native CLI, for the expected results), HEZHANG_DIST (dist/),
# HEZHANG_CHROMIUM (default /usr/bin/chromium), HEZHANG_REQUIRE_BROWSER=1 to fail
# instead of skip (exit 77) when Chromium or dist/ is absent.
set -euo pipefail
cd "$(dirname "$0")/../.."
chromium="${HEZHANG_CHROMIUM:-/usr/bin/chromium}"
dist="${HEZHANG_DIST:-dist}"
problem=""
[[ -x "$chromium" ]] || problem="Chromium not found at $chromium (bash scripts/setup.sh installs it)"
[[ -n "$problem" || -f "$dist/index.html" && -f "$dist/hezhang.html" ]] || problem="$dist/ is not built (npm run build)"
[[ -n "$problem" || -f node_modules/playwright-core/package.json ]] || problem="playwright-core is not installed (npm install)"
if [[ -n "$problem" ]]; then
  if [[ "${HEZHANG_REQUIRE_BROWSER:-}" == 1 ]]; then
    echo "FAIL: $problem" >&2
    exit 1
  fi
  echo "SKIP: $problem"
  exit 77
fi
export HEZHANG_CHROMIUM="$chromium" HEZHANG_DIST="$dist"
exec "${HEZHANG_NODE:-node}" --test --test-concurrency=1 tests/browser/
