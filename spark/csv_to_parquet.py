#!/usr/bin/env python3
"""Writes a data folder's three CSV files as Parquet (every column a string),
for trying the job's Parquet input: `<name>.parquet/` beside nothing else.

usage: spark-submit spark/csv_to_parquet.py CSV_DIR PARQUET_DIR

Spark's CSV reader is used as it is, so this is for clean files (a dirty
row's fields may be read differently from recsite's rules).
"""
import os
import sys

from pyspark.sql import SparkSession


def main(source, target):
    spark = SparkSession.builder.appName("recsite csv to parquet").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    for name in ("users", "items", "events"):
        # RFC 4180 doubles a quote inside a quoted field; Spark escapes with \\ unless told.
        frame = (spark.read.option("header", True).option("inferSchema", False).option("escape", '"')
                 .csv(os.path.join(source, f"{name}.csv")))
        # One file in row order, so that "first row stays" means the same row.
        frame.coalesce(1).write.mode("overwrite").parquet(os.path.join(target, f"{name}.parquet"))
    spark.stop()


if __name__ == "__main__":
    main(*sys.argv[1:])
