#!/usr/bin/env python3
"""recsite's engine as a Spark job (docs/scale.md).

usage: spark-submit spark/recsite_job.py --data DIR --out DIR [-k N]
       [--config recsite.yml] [--weight TYPE=W ...] [--format auto|csv|parquet]
       [--partitions N] [--sums canonical|fast]

Reads users, items and events (CSV, or Parquet where DIR has
`<name>.parquet`), cleanses them as recsite does, and writes into OUT:
  cleansing.json              the counts, repairs and examples per file
                              (`recsite check --json`'s "files")
  recommendations.jsonl       one line per user, ID order
                              (`recsite recommend --all --json`)
  recommendations.parquet/    user_id, rank, item_id, score, source,
                              reason_item_id, reason_share
  popularity.parquet/         rank, item_id, popularity, viewers
  similarity.parquet/         item_id, other_item_id, similarity (i < j)
  results.json, lists.jsonl,  the results folder `recsite build --results`
  neighbours.jsonl            renders the site from (docs/scale.md)
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from recsite_spark import cleansing, engine, output, results, resultskey, scoring, settings  # noqa: E402


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description="recsite's engine as a Spark job")
    parser.add_argument("--data", default="data", help="folder (or URI) with the three tables")
    parser.add_argument("--out", required=True, help="output folder (replaced)")
    parser.add_argument("-k", type=int, default=None, help="recommendations per user (default: settings, else 10)")
    parser.add_argument("--config", default=None, help="settings file (default: recsite.yml when present)")
    parser.add_argument("--weight", action="append", default=[], metavar="TYPE=W", help="override one event weight")
    parser.add_argument("--format", default="auto", choices=["auto", "csv", "parquet"])
    parser.add_argument("--partitions", type=int, default=None,
                        help="shuffle partitions (default: two per core of the master)")
    parser.add_argument("--sums", default="canonical", choices=["canonical", "fast"],
                        help="canonical: recsite's summation order, its bits (default); fast: Spark's sum")
    parser.add_argument("--log-level", default="WARN", help="Spark's log level (INFO shows each job's time)")
    return parser.parse_args(argv)


def main(argv=None):
    arguments = parse_arguments(argv if argv is not None else sys.argv[1:])
    k, weights = settings.resolve(arguments.config, arguments.k, arguments.weight)

    from pyspark.sql import SparkSession
    spark = SparkSession.builder.appName("recsite").getOrCreate()
    spark.sparkContext.setLogLevel(arguments.log_level)
    ship_package(spark.sparkContext)
    # Spark's default of 200 shuffle partitions costs more in task start-up
    # than the work on small sets; two per core unless told otherwise.
    partitions = arguments.partitions or 2 * spark.sparkContext.defaultParallelism
    spark.conf.set("spark.sql.shuffle.partitions", str(partitions))

    kept_users, kept_items, kept_events, report = cleansing.cleanse(spark, arguments.data, weights, arguments.format)
    users = engine.numbered(kept_users.select("user_id"), "user_id", "uidx").cache()
    items = engine.numbered(kept_items.select("item_id", "title", "content_type", "genre"), "item_id", "iidx").cache()
    canonical = arguments.sums == "canonical"
    r = engine.interactions(kept_events, users, items, weights, canonical).cache()
    columns = engine.item_columns(r, canonical).cache()
    pairs = engine.similarities(r, columns, arguments.partitions, canonical).cache()

    item_rows = items.orderBy("iidx").collect()
    item_table = [(row["item_id"], row["title"], row["content_type"], row["genre"]) for row in item_rows]
    pair_rows = pairs.collect()
    rows = scoring.SimilarityRows(len(item_table), [p["i"] for p in pair_rows], [p["j"] for p in pair_rows],
                                  [p["sim"] for p in pair_rows])
    ranking = engine.popularity_ranking(items, columns)

    context = spark.sparkContext
    rows_shared = context.broadcast(rows)
    ranking_shared = context.broadcast([entry[0] for entry in ranking])
    items_shared = context.broadcast(item_table)
    histories = (r.groupBy("uidx").agg(engine.F.array_sort(engine.F.collect_list(engine.F.struct("iidx", "r"))).alias("h")))
    # A fixed number of partitions: adaptive execution would coalesce the
    # small join to one partition, and then one task would score every user.
    per_user = users.join(histories, "uidx", "left").select("uidx", "user_id", "h").repartition(partitions).rdd
    k_value = k
    item_ids = [entry[0] for entry in item_table]
    ids_shared = context.broadcast(item_ids)
    recommended = per_user.mapPartitions(
        lambda part: scoring.score_partition(part, rows_shared.value, ranking_shared.value, k_value,
                                             ids_shared.value)).cache()
    # Score on every partition now: the sort into one ordered file below
    # coalesces to a single task, which would otherwise do all the scoring.
    recommended.count()

    out = arguments.out
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    with open(os.path.join(out, "cleansing.json"), "w", encoding="utf-8") as handle:
        handle.write(output.json_text({"files": report}) + "\n")

    lines = (recommended.sortBy(lambda entry: entry[0], numPartitions=1)
             .map(lambda entry: output.json_text(output.recommendation_document(entry[1], k_value, entry[2],
                                                                                  items_shared.value))))
    write_single_text(lines, os.path.join(out, "recommendations.jsonl"))

    write_results(out, recommended, rows, item_ids, ids_shared, k, weights, arguments.sums)

    flat = recommended.flatMap(lambda entry: [
        (entry[1], rank, items_shared.value[iidx][0], score, source,
         None if reason is None else items_shared.value[reason][0], share)
        for rank, iidx, score, source, reason, share in entry[2]])
    spark.createDataFrame(flat, "user_id string, rank int, item_id string, score double, source string, "
                                "reason_item_id string, reason_share double") \
        .write.parquet(os.path.join(out, "recommendations.parquet"))
    spark.createDataFrame([(rank + 1, item_table[iidx][0], float(popularity), int(viewers))
                           for rank, (iidx, popularity, viewers) in enumerate(ranking)],
                          "rank int, item_id string, popularity double, viewers long") \
        .write.parquet(os.path.join(out, "popularity.parquet"))
    named = items.select(engine.F.col("iidx"), engine.F.col("item_id"))
    (pairs.join(named.withColumnRenamed("iidx", "i"), "i")
     .join(named.withColumnRenamed("iidx", "j").withColumnRenamed("item_id", "other_item_id"), "j")
     .select("item_id", "other_item_id", engine.F.col("sim").alias("similarity"))
     .write.parquet(os.path.join(out, "similarity.parquet")))
    print(f"recsite_job: {len(item_table)} items, {users.count()} users, {r.count()} (user, item) scores, "
          f"{len(pair_rows)} similar pairs → {out}", file=sys.stderr)
    spark.stop()


def write_results(out, recommended, rows, item_ids, ids_shared, k, weights, sums):
    """The results folder: the manifest with the key summed over every
    task's users and the driver's items, the lists by user ID, and the
    nearest neighbours from the broadcast rows."""
    key_rows = recommended.map(lambda entry: entry[4]).fold(0, lambda a, b: (a + b) & resultskey.MASK)
    key = resultskey.key(k, key_rows + resultskey.item_rows(item_ids))
    with open(os.path.join(out, results.MANIFEST), "w", encoding="utf-8") as handle:
        handle.write(output.json_text(results.manifest(key, sums, k, weights, recommended.count(), len(item_ids)))
                     + "\n")
    lines = (recommended.sortBy(lambda entry: entry[0], numPartitions=1)
             .map(lambda entry: output.json_text(results.list_line(entry[1], entry[2], entry[3], ids_shared.value))))
    write_single_text(lines, os.path.join(out, results.LISTS))
    with open(os.path.join(out, results.NEIGHBOURS), "w", encoding="utf-8") as handle:
        for line in results.neighbour_lines(rows, item_ids):
            handle.write(output.json_text(line) + "\n")


def ship_package(context):
    """Sends the recsite_spark package to every executor's Python."""
    folder = tempfile.mkdtemp(prefix="recsite-spark-")
    archive = shutil.make_archive(os.path.join(folder, "recsite_spark"), "zip",
                                  os.path.dirname(os.path.abspath(__file__)), "recsite_spark")
    context.addPyFile(archive)


def write_single_text(lines, path):
    """Writes an RDD of text lines with one partition as one local file."""
    folder = path + ".parts"
    lines.saveAsTextFile(folder)
    parts = sorted(name for name in os.listdir(folder) if name.startswith("part-"))
    with open(path, "w", encoding="utf-8") as target:
        for name in parts:
            with open(os.path.join(folder, name), encoding="utf-8") as source:
                shutil.copyfileobj(source, target)
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
