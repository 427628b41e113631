#!/usr/bin/env bash
# Runs every libFuzzer target (fuzz/fuzz_<entry>.cpp) for SECONDS each, two at
# a time (the machines have 2 cores), and fails on any crash, leak, timeout or
# out-of-memory. `npm run fuzz [SECONDS] [ENTRY...]`; `npm test` runs 60 s each.
#
#   build/fuzz/                 the clang build (preset "fuzz": ASan + UBSan)
#   build/fuzz/seeds/<entry>/   seeds made from tests/fixtures and tests/inputs
#   build/fuzz/corpus/<entry>/  the growing corpus, kept between runs
#   build/fuzz/artifacts/<entry>/  crash-*, leak-*, timeout-*, oom-* inputs
#   build/fuzz/logs/<entry>.log
#
# A find is kept as a regression test by copying its artifact to
# tests/fuzz-regressions/<entry>/ (ctest replays that directory).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
if [[ ! "$seconds" =~ ^[0-9]+$ ]]; then
  echo "usage: npm run fuzz [SECONDS] [ENTRY...]   (entries: numbers normalize tables claims analyze)" >&2
  exit 2
fi
entries=("$@")
if ((${#entries[@]} == 0)); then
  for f in fuzz/fuzz_*.cpp; do
    e=$(basename "$f" .cpp)
    entries+=("${e#fuzz_}")
  done
fi

command -v clang++ >/dev/null || { echo "fuzz: clang++ not found (scripts/setup.sh installs it)" >&2; exit 1; }
if [[ ! -f build/fuzz/CMakeCache.txt || ! -f build/fuzz/build.ninja ]]; then
  echo "fuzz: configuring (preset fuzz)"
  cmake --preset fuzz >/dev/null
fi
echo "fuzz: building"
cmake --build --preset fuzz -j2 | tail -n 1

# ---- seeds: whole reports for the document targets; 40-line chunks for
# normalization; pairs of printed cells for numbers.
seeds=build/fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
sources=(tests/fixtures/*.txt tests/inputs/*)
for e in "${entries[@]}"; do
  mkdir -p "$seeds/$e" "build/fuzz/corpus/$e" "build/fuzz/artifacts/$e"
  case "$e" in
    numbers)
      cat tests/fixtures/*.txt | tr '\t|' '\n\n' | sed 's/^ *//; s/ *$//' |
        grep -E '^[-+(（0-9][0-9,.%)）-]*$' | sort -u | head -n 400 |
        awk -v dir="$seeds/$e" '{ prev = (NR > 1 ? last : "0"); f = dir "/cell" NR;
                                  printf "%s\n%s", $0, prev > f; close(f); last = $0 }'
      ;;
    normalize)
      for f in tests/fixtures/*.txt; do
        split -l 40 -d -a 3 "$f" "$seeds/$e/$(basename "$f" .txt)-"
      done
      cp tests/inputs/* "$seeds/$e/"
      ;;
    *)
      cp "${sources[@]}" "$seeds/$e/"
      ;;
  esac
done

max_len() {
  case "$1" in
    numbers) echo 256 ;;
    normalize) echo 8192 ;;
    *) echo 65536 ;;
  esac
}

# The corpus kept between runs grows with each, and libFuzzer replays all of
# it before fuzzing: in a clone fuzzed for days, 3 400 reports took the whole
# 60 s of a run. Past MERGE_AT files, and twice the size of its last merge
# (noted in build/fuzz/corpus/<entry>.merged-files), it is merged first
# (-merge=1 keeps the inputs that add coverage), outside the run's time; if
# the merge fails the corpus stays as it was.
MERGE_AT=1000
merge_corpus() {
  local e="$1" bin="build/fuzz/fuzz/fuzz_$1" corpus="build/fuzz/corpus/$1"
  local files last=0 merged="build/fuzz/corpus/$1.merged" note="build/fuzz/corpus/$1.merged-files"
  files=$(find "$corpus" -type f | wc -l)
  [[ -f "$note" ]] && last=$(cat "$note")
  ((files > MERGE_AT && files > 2 * last)) || return 0
  rm -rf "$merged"
  mkdir -p "$merged"
  if nice -n 10 "$bin" -merge=1 "$merged" "$corpus" -timeout=30 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -max_len="$(max_len "$e")" -artifact_prefix="build/fuzz/artifacts/$e/" >"build/fuzz/logs/$e.merge.log" 2>&1; then
    rm -rf "$corpus"
    mv "$merged" "$corpus"
    find "$corpus" -type f | wc -l >"$note"
    echo "fuzz: $e corpus merged: $files -> $(cat "$note") files"
  else
    rm -rf "$merged"
    echo "fuzz: $e corpus merge failed (build/fuzz/logs/$e.merge.log); kept as it was"
  fi
}

# Runs one target; the exit status is libFuzzer's (0 when nothing was found).
run_one() {
  local e="$1" bin="build/fuzz/fuzz/fuzz_$1"
  local regressions="tests/fuzz-regressions/$e"
  local dirs=("build/fuzz/corpus/$e" "$seeds/$e")
  [[ -d "$regressions" ]] && dirs+=("$regressions")
  merge_corpus "$e"
  nice -n 10 "$bin" "${dirs[@]}" \
    -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
    -max_len="$(max_len "$e")" -dict=fuzz/report.dict -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$e/" >"build/fuzz/logs/$e.log" 2>&1
}

mkdir -p build/fuzz/logs
declare -A status
pending=("${entries[@]}")
while ((${#pending[@]})); do
  batch=("${pending[@]:0:2}")
  pending=("${pending[@]:2}")
  declare -A pids=()
  for e in "${batch[@]}"; do
    [[ -x "build/fuzz/fuzz/fuzz_$e" ]] || { echo "fuzz: no target fuzz_$e" >&2; exit 1; }
    echo "fuzz: $e for ${seconds}s"
    run_one "$e" &
    pids[$e]=$!
  done
  for e in "${batch[@]}"; do
    if wait "${pids[$e]}"; then status[$e]=0; else status[$e]=$?; fi
  done
  unset pids
done

failed=0
for e in "${entries[@]}"; do
  log="build/fuzz/logs/$e.log"
  runs=$(grep -a -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -n 1 || true)
  corpus=$(find "build/fuzz/corpus/$e" -type f | wc -l)
  if [[ "${status[$e]}" == 0 ]]; then
    echo "fuzz: $e ok: ${runs:-?} runs in ${seconds}s, corpus ${corpus} files"
  else
    failed=1
    echo "fuzz: $e FAILED (exit ${status[$e]}); last lines of $log:" >&2
    grep -a -E 'ERROR|WARNING|SUMMARY|invariant|Test unit written|error' "$log" | head -n 20 >&2 || tail -n 30 "$log" >&2
    echo "fuzz: keep the input as a test: cp build/fuzz/artifacts/$e/<file> tests/fuzz-regressions/$e/" >&2
  fi
done
exit "$failed"
