#!/usr/bin/env bash
# `hezhang check --jobs N` prints exactly what --jobs 1 prints (stdout, stderr
# and exit code), in input order, for a mix of reports, bad inputs, an
# unreadable path and standard input, in both output formats.
#   jobs.sh CLI REPO_ROOT
set -euo pipefail
cli="$1"
root="$2"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

files=()
# Each fixture three times, interleaved, so that workers finish out of order
# (large and small reports alternate).
for round in 1 2 3; do
  for f in "$root"/tests/fixtures/*.txt; do files+=("$f"); done
done
files+=("$root"/tests/inputs/bad_*.txt "$tmp/does-not-exist.txt" - -)
n=${#files[@]}

run() {  # run NAME ARGS...: stdout, stderr and exit status into $tmp/NAME.*
  local name="$1"; shift
  local status=0
  "$cli" check "$@" "${files[@]}" < "$root/tests/fixtures/002_dc4432bf91a26f7a.txt" \
    > "$tmp/$name.out" 2> "$tmp/$name.err" || status=$?
  echo "$status" > "$tmp/$name.status"
}

for format in json text; do
  run "$format-1" --format "$format" --jobs 1
  for jobs in 2 3 0; do
    run "$format-$jobs" --format "$format" --jobs "$jobs"
    for part in out err status; do
      if ! cmp -s "$tmp/$format-1.$part" "$tmp/$format-$jobs.$part"; then
        echo "FAIL: --format $format --jobs $jobs: $part differs from --jobs 1" >&2
        diff <(head -c 2000 "$tmp/$format-1.$part") <(head -c 2000 "$tmp/$format-$jobs.$part") >&2 || true
        exit 1
      fi
    done
  done
done

# The comparison above means something only if the run did real work: one
# JSON line per readable input (all but the missing path), names in input
# order, the read error on stderr, exit 2 (an input error among the files).
lines=$(wc -l < "$tmp/json-1.out")
[[ "$lines" -eq $((n - 1)) ]] || { echo "FAIL: $lines JSON lines for $((n - 1)) readable inputs" >&2; exit 1; }
node -e '
const fs = require("fs");
const lines = fs.readFileSync(process.argv[1], "utf8").trimEnd().split("\n").map((l) => JSON.parse(l));
const expected = JSON.parse(process.argv[2]).filter((f) => !f.endsWith("does-not-exist.txt"))
  .map((f) => (f === "-" ? "stdin" : f));
const names = lines.map((j) => j.input.name);
if (JSON.stringify(names) !== JSON.stringify(expected))
  throw new Error("reports out of input order: " + names.join(", "));
const fromStdin = lines.filter((j) => j.input.name === "stdin");
if (!(fromStdin[0].input.bytes > 0 && fromStdin[1].input.bytes === 0))
  throw new Error("the first - should read standard input, the second nothing");
' "$tmp/json-1.out" "$(printf '%s\n' "${files[@]}" | node -e 'process.stdout.write(JSON.stringify(require("fs").readFileSync(0,"utf8").trimEnd().split("\n")))')"
grep -q "does-not-exist.txt" "$tmp/json-1.err" || { echo "FAIL: no read error for the missing file" >&2; exit 1; }
[[ "$(cat "$tmp/json-1.status")" -eq 2 ]] || { echo "FAIL: exit $(cat "$tmp/json-1.status"), expected 2" >&2; exit 1; }
echo "--jobs 2, 3 and 0 print the same bytes as --jobs 1 ($n inputs, json and text)"
