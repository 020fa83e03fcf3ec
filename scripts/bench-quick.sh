#!/usr/bin/env bash
# A quick benchmark of the engine commands on synthetic data sets (S and M of
# issue 5). Prints wall time and peak memory per command; writes nothing in git.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/recsite
work=.bench
mkdir -p "$work"
measure() {  # label, command...
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>"$work/stderr"
    rss=$(tail -n 1 "$work/rss")
  else
    "$@" >/dev/null 2>"$work/stderr"; rss="?"
  fi
  end=$(date +%s.%N)
  printf "| %-34s | %8.2f s | %8s MiB |\n" "$label" "$(echo "$end - $start" | bc)" "$([ "$rss" = "?" ] && echo "?" || echo $((rss / 1024)))"
}
echo "| command | wall | peak RSS |"
echo "|---|---:|---:|"
for size in "S 1000 500 100000" "M 10000 2000 1000000"; do
  set -- $size
  dir="$work/$1"
  measure "synth $1 ($4 events)" $bin synth --users "$2" --items "$3" --events "$4" --seed 1 --out "$dir"
  measure "check $1" $bin check --data "$dir"
  measure "recommend u1 $1" $bin recommend u1 --data "$dir"
done
