"""docs/spec.md "Cleansing" on Spark: per-row checks in Python (rows.py),
then the checks that need every row — duplicate IDs (the earliest line stays),
unknown users and items, duplicate events — as joins and windows.

Returns the kept tables and, per file, the counts and the first five example
lines of each reason, in the shape of `recsite check --json`.
"""
from pyspark.sql import Window
from pyspark.sql import functions as F
from pyspark.sql import types as T

from . import rows, sources

EXAMPLES = 5

_USER_SCHEMA = T.StructType([
    T.StructField("line", T.LongType()), T.StructField("reason", T.StringType()),
    T.StructField("user_id", T.StringType()), T.StructField("invalid_age", T.BooleanType()),
    T.StructField("name", T.StringType()), T.StructField("gender", T.StringType()),
    T.StructField("region", T.StringType()), T.StructField("raw", T.StringType())])
_ITEM_SCHEMA = T.StructType([
    T.StructField("line", T.LongType()), T.StructField("reason", T.StringType()),
    T.StructField("item_id", T.StringType()), T.StructField("title", T.StringType()),
    T.StructField("content_type", T.StringType()), T.StructField("genre", T.StringType()),
    T.StructField("repairs", T.ArrayType(T.StringType())), T.StructField("raw", T.StringType())])
_EVENT_SCHEMA = T.StructType([
    T.StructField("line", T.LongType()), T.StructField("reason", T.StringType()),
    T.StructField("user_id", T.StringType()), T.StructField("item_id", T.StringType()),
    T.StructField("event_type", T.StringType()), T.StructField("watch_seconds", T.DoubleType()),
    T.StructField("epoch", T.LongType()), T.StructField("fraction", T.StringType()),
    T.StructField("raw", T.StringType())])


def _checked(spark, data, name, required, check, schema, table_format):
    names, records = sources.read_table(spark, data, name, table_format)
    label = (sources.display_name(data, name) if sources.postgres.is_database(data)
             else f"{name}.{sources.table_format(data, name, table_format)}")
    header = rows.Header(names, required, label)
    checked = records.map(lambda record: check(record[0], record[1], header) + (record[2],))
    return spark.createDataFrame(checked, schema)


def _first_of_each(frame, key_columns, reason):
    """Marks every row but the earliest line of each key with `reason`."""
    earliest = Window.partitionBy(*key_columns).orderBy("line")
    ranked = frame.withColumn("_n", F.row_number().over(earliest))
    return ranked.withColumn("reason", F.when(F.col("_n") > 1, F.lit(reason))).drop("_n")


def cleanse(spark, data, weights, table_format="auto"):
    """(users, items, events, report): kept rows and the cleansing report."""
    users = _checked(spark, data, "users", ["user_id"], rows.user_row, _USER_SCHEMA, table_format).cache()
    items = _checked(spark, data, "items", ["item_id"], rows.item_row, _ITEM_SCHEMA, table_format).cache()
    weight_table = dict(weights)
    events = _checked(spark, data, "events", list(rows.EVENT_COLUMNS),
                      lambda line, fields, header: rows.event_row(line, fields, header, weight_table),
                      _EVENT_SCHEMA, table_format).cache()

    user_rows = users.where("reason IS NULL")
    user_rows = _first_of_each(user_rows, ["user_id"], "duplicate user_id")
    user_dropped = users.where("reason IS NOT NULL").unionByName(user_rows.where("reason IS NOT NULL"))
    kept_users = user_rows.where("reason IS NULL").cache()
    # An invalid age keeps its row: it is flagged, not dropped.
    flagged_ages = kept_users.where("invalid_age").withColumn("reason", F.lit("invalid age"))

    item_rows = _first_of_each(items.where("reason IS NULL"), ["item_id"], "duplicate item_id")
    item_dropped = items.where("reason IS NOT NULL").unionByName(item_rows.where("reason IS NOT NULL"))
    kept_items = item_rows.where("reason IS NULL").cache()

    parsed = events.where("reason IS NULL")
    known_users = kept_users.select("user_id", F.lit(True).alias("_user"))
    known_items = kept_items.select("item_id", F.lit(True).alias("_item"))
    joined = parsed.join(known_users, "user_id", "left").join(known_items, "item_id", "left")
    joined = joined.withColumn("reason", F.when(F.col("_user").isNull(), F.lit("unknown user"))
                               .when(F.col("_item").isNull(), F.lit("unknown item"))).drop("_user", "_item")
    known = _first_of_each(joined.where("reason IS NULL"),
                           ["user_id", "item_id", "event_type", "watch_seconds", "epoch", "fraction"],
                           "duplicate event")
    event_dropped = (events.where("reason IS NOT NULL").select("line", "reason", "raw")
                     .unionByName(joined.where("reason IS NOT NULL").select("line", "reason", "raw"))
                     .unionByName(known.where("reason IS NOT NULL").select("line", "reason", "raw")))
    kept_events = known.where("reason IS NULL").select("user_id", "item_id", "event_type", "watch_seconds", "epoch")

    repairs = (kept_items.select(F.explode("repairs").alias("repair")).groupBy("repair").count().collect())
    report = [
        _file_report(sources.display_name(data, "users"), users.count(), kept_users.count(),
                     user_dropped.select("line", "reason", "raw").unionByName(flagged_ages.select("line", "reason", "raw")), {}),
        _file_report(sources.display_name(data, "items"), items.count(), kept_items.count(), item_dropped.select("line", "reason", "raw"),
                     {row["repair"]: row["count"] for row in repairs}),
        None,  # events: filled below, after the kept events are counted
    ]
    kept_events = kept_events.cache()
    report[2] = _file_report(sources.display_name(data, "events"), events.count(), kept_events.count(), event_dropped, {})
    return kept_users, kept_items, kept_events, report


def _file_report(name, read, kept, reasons, repairs):
    """One file of the report: rows, kept, dropped, counts and examples."""
    counts = {row["reason"]: row["count"] for row in reasons.groupBy("reason").count().collect()}
    first = Window.partitionBy("reason").orderBy("line")
    examples = (reasons.withColumn("_n", F.row_number().over(first)).where(F.col("_n") <= EXAMPLES)
                .orderBy("line").collect())
    return {"file": name, "rows": read, "kept": kept, "dropped": read - kept, "reasons": counts,
            "repairs": repairs,
            "examples": [{"reason": row["reason"], "line": row["line"], "raw": row["raw"]} for row in examples]}
