#!/usr/bin/env bash
# npm start: set up, build, show the CLI on a sample, then serve dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/build.sh

sample=tests/fixtures/000_9c8107d782db8362.txt
echo
echo "\$ build/native/cli/hezhang check $sample"
status=0
build/native/cli/hezhang check "$sample" || status=$?
if ((status > 1)); then echo "hezhang exited with $status" >&2; exit "$status"; fi
echo
echo "The same page in one file, for offline use: dist/hezhang.html"
exec node scripts/serve.mjs dist
