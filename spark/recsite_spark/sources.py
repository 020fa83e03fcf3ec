"""Where the three tables come from: `<name>.parquet` (a file or folder) when
the data folder has one, else `<name>.csv`; or, for `--data postgresql://…`,
the database's tables through JDBC (postgres.py). Either way the rows come
out as (line, fields, raw text) in file order, with the header's column names."""
import os

from . import postgres
from . import rows as csv_rows


def _exists(path):
    # Local folders are checked here; other file systems (hdfs://, s3a://)
    # name their format explicitly with --format.
    return "://" not in path and os.path.exists(path)


def table_format(data, name, requested):
    if requested != "auto":
        return requested
    return "parquet" if _exists(os.path.join(data, f"{name}.parquet")) else "csv"


def display_name(data, name):
    """How the report names a table: `users.csv`, or the database table's name."""
    return postgres.table_name(data, name) if postgres.is_database(data) else f"{name}.csv"


def read_table(spark, data, name, requested="auto"):
    """(header names, RDD of (line, fields or None, raw)) for one table."""
    if postgres.is_database(data):
        return postgres.read_table(spark, data, name)
    if table_format(data, name, requested) == "parquet":
        return _read_parquet(spark, os.path.join(data, f"{name}.parquet"))
    return _read_csv(spark, os.path.join(data, f"{name}.csv"))


def _read_csv(spark, path):
    if "://" not in path and not os.path.isfile(path):
        raise SystemExit(f"{path}: no such file")
    # Hadoop's line reader ends a line at LF, CRLF or a lone CR, and reads
    # invalid UTF-8 as U+FFFD; zipWithIndex numbers lines in file order.
    lines = spark.sparkContext.textFile(path).zipWithIndex().map(lambda pair: (pair[1] + 1, pair[0]))
    first = lines.filter(lambda line: line[1].lstrip("\ufeff") != "" if line[0] == 1 else line[1] != "").take(1)
    if not first:
        raise SystemExit(f"{path}: the file is empty (no header)")
    header_line, header_text = first[0]
    if header_line == 1:
        header_text = header_text.lstrip("\ufeff")
    names = csv_rows.fields_of(header_text)
    if names is None:
        raise SystemExit(f"{path}: the header has a quoted field that is never closed")
    records = lines.filter(lambda line: line[0] > header_line and line[1] != "")
    return names, records.map(lambda line: (line[0], csv_rows.fields_of(line[1]), line[1]))


def _read_parquet(spark, path):
    frame = spark.read.parquet(path)
    names = list(frame.columns)
    as_text = frame.select(*[frame[name].cast("string") for name in names])

    def fields(pair):
        row, index = pair
        values = ["" if value is None else value for value in row]
        return (index + 1, values, ",".join(values))

    # Row numbers stand for line numbers: a Parquet row has no line.
    return names, as_text.rdd.zipWithIndex().map(fields)
