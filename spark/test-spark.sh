#!/usr/bin/env bash
# make test-spark: the job's unit tests, then the job in local mode on data/
# and two dirty synthetic sets, each compared with recsite's own engine
# (spark/compare.py: cleansing counts exact, every user's top-k within the
# spec's tolerance), and once on a clean set written as Parquet. For each,
# the job's results folder must be the bytes recsite's own
# (`recommend --all --results-out`), and `recsite build --results` on it
# must give the ordinary build's site (`diff -r`).
# usage: spark/test-spark.sh RECSITE_BINARY SPARK_VENV
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 venv=$2
export PATH="$PWD/$venv/bin:$PATH"
"$venv/bin/python" -m unittest discover -s spark/tests
work=.bench/spark-test
rm -rf "$work" && mkdir -p "$work"
ln -s "$PWD/data" "$work/data"
# Small dirty sets, seeds no other test uses, so the run takes minutes.
for seed in 303 404; do
  "$bin" synth --users 300 --items 200 --events 20000 --seed "$seed" --dirty --out "$work/dirty$seed" 2>/dev/null
done
# A clean set as Parquet (strings), read by the job, compared with recsite on the CSV.
"$bin" synth --users 150 --items 100 --events 6000 --seed 505 --out "$work/clean505" 2>/dev/null
spark-submit --master 'local[2]' --conf spark.ui.enabled=false spark/csv_to_parquet.py \
  "$work/clean505" "$work/parquet505" 2> "$work/parquet505.convert.log"
status=0
for set in data dirty303 dirty404 parquet505; do
  csv=$work/$set
  [[ $set == parquet* ]] && csv=$work/clean${set#parquet}
  "$bin" recommend --all --json --data "$csv" > "$work/$set.recommend.jsonl"
  "$bin" check --json --data "$csv" > "$work/$set.check.json" || true  # exit 1 only flags dropped rows
  spark-submit --master 'local[2]' --conf spark.ui.enabled=false spark/recsite_job.py \
    --data "$work/$set" --out "$work/$set.out" 2> "$work/$set.log" || { tail -20 "$work/$set.log"; exit 1; }
  python3 spark/compare.py "$work/$set.out" "$work/$set.recommend.jsonl" "$work/$set.check.json" || status=1
  "$bin" recommend --all --data "$csv" --results-out "$work/$set.results" > /dev/null
  for file in results.json lists.jsonl neighbours.jsonl; do
    cmp "$work/$set.out/$file" "$work/$set.results/$file" || { echo "$set: the job's $file is not recsite's"; status=1; }
  done
  "$bin" build --quiet --data "$csv" --out "$work/$set.site"
  if "$bin" build --quiet --data "$csv" --results "$work/$set.out" --out "$work/$set.site-from-results"; then
    diff -r "$work/$set.site" "$work/$set.site-from-results" > "$work/$set.site.diff" \
      && echo "$set: the site built from the job's results is the ordinary build's" \
      || { echo "$set: the site from the job's results differs (see $work/$set.site.diff)"; status=1; }
  else
    status=1
  fi
done
exit $status
