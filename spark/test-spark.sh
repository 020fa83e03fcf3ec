#!/usr/bin/env bash
# make test-spark: the job's unit tests, then the job in local mode on data/
# and two dirty synthetic sets, each compared with recsite's own engine
# (spark/compare.py: cleansing counts exact, every user's top-k within the
# spec's tolerance), and once on a clean set written as Parquet. For each,
# the job's results folder must be the bytes recsite's own
# (`recommend --all --results-out`), and `recsite build --results` on it
# must give the ordinary build's site (`diff -r`). Under
# scripts/postgres-test-server.sh (as make test-spark runs it), data/ is also
# loaded into PostgreSQL and read by both through --data postgresql://… (the
# job through JDBC, with Debian's libpostgresql-jdbc-java).
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
sets=(data dirty303 dirty404 parquet505)
jars=()
if [ -n "${RECSITE_TEST_POSTGRES_URL:-}" ]; then
  jar=/usr/share/java/postgresql.jar
  if [ ! -f "$jar" ]; then
    echo "installing: libpostgresql-jdbc-java" >&2
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libpostgresql-jdbc-java >/dev/null
  fi
  python3 spark/load_postgres.py "$RECSITE_TEST_POSTGRES_URL" data spark_data
  postgres_url="$RECSITE_TEST_POSTGRES_URL?users=spark_data.users&items=spark_data.items&events=spark_data.events"
  sets+=(postgres)
  jars=(--jars "$jar")
else
  echo "test-spark: RECSITE_TEST_POSTGRES_URL is not set (make test-spark sets it): the PostgreSQL set is skipped" >&2
fi
status=0
for set in "${sets[@]}"; do
  csv=$work/$set data=$work/$set
  [[ $set == parquet* ]] && csv=$work/clean${set#parquet}
  [[ $set == postgres ]] && csv=$postgres_url data=$postgres_url
  "$bin" recommend --all --json --data "$csv" > "$work/$set.recommend.jsonl"
  "$bin" check --json --data "$csv" > "$work/$set.check.json" || true  # exit 1 only flags dropped rows
  spark-submit --master 'local[2]' --conf spark.ui.enabled=false "${jars[@]}" spark/recsite_job.py \
    --data "$data" --out "$work/$set.out" 2> "$work/$set.log" || { tail -20 "$work/$set.log"; exit 1; }
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
