#!/usr/bin/env bash
# Builds the libFuzzer target Fuzz/FuzzCleansing.swift (the CSV reader and
# SPEC §2 cleansing, compiled with the RecEngine sources outside SwiftPM) and
# runs it for FUZZ_SECONDS (default 300), seeded from Tests/Fixtures/bad and
# the data/ files. The working corpus (.fuzz/corpus) is git-ignored; crash
# inputs land in .fuzz/crashes.
#
# usage: scripts/fuzz.sh [seconds] [extra libFuzzer flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-${FUZZ_SECONDS:-300}}
shift || true
work=.fuzz
mkdir -p "$work/corpus" "$work/seeds" "$work/crashes"
binary="$work/fuzz-cleansing"
sources=$(find Sources/RecEngine -name '*.swift' | sort)
if [ ! -x "$binary" ] || [ -n "$(find Fuzz Sources/RecEngine -name '*.swift' -newer "$binary")" ]; then
  echo "fuzz: compiling $binary"
  swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name RecEngineFuzz \
    Fuzz/FuzzCleansing.swift $sources -o "$binary" 2> "$work/compile.log" \
    || { grep -v 'Cannot export local symbol' "$work/compile.log" >&2; exit 1; }
fi
# Seeds: every case folder of the bad-input corpus and the head of data/,
# each as one input with the three files joined by the separator line.
sep=$'\n%%\n'
seed() {  # seed NAME FOLDER
  local out="$work/seeds/$1" f
  : > "$out"
  for f in users items events; do
    [ -f "$2/$f.csv" ] && head -c 4000 "$2/$f.csv" >> "$out"
    [ "$f" != events ] && printf '%s' "$sep" >> "$out"
  done
  return 0
}
for dir in Tests/Fixtures/bad/*/; do seed "bad-$(basename "$dir")" "$dir"; done
seed data data
[ -d Tests/Fixtures/spec-edge ] && seed spec-edge Tests/Fixtures/spec-edge
exec "$binary" "$work/corpus" "$work/seeds" -max_total_time="$seconds" -max_len=65536 \
  -timeout=20 -rss_limit_mb=3072 -artifact_prefix="$work/crashes/" -print_final_stats=1 "$@"
