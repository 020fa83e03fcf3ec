"""ID order (docs/spec.md, "ID order"), in plain Python and as Spark columns.

An ID splits into a prefix and the run of ASCII digits it ends with. Prefixes
compare by code points (Spark compares strings by UTF-8 bytes, the same
order); an ID without digits comes first; digit runs compare as numbers
(leading zeros stripped, then shorter first, then the digits as text, so any
length works); then the whole IDs by code points.
"""
import re

_TRAILING_DIGITS = re.compile(r"[0-9]*\Z")


def id_key(value):
    """The sort key of one ID."""
    digits = _TRAILING_DIGITS.search(value).group(0)
    prefix = value[: len(value) - len(digits)]
    stripped = digits.lstrip("0")
    return (prefix.encode("utf-8"), bool(digits), len(stripped), stripped, value.encode("utf-8"))


def id_order_columns(column_name):
    """Spark columns that sort a DataFrame's `column_name` in ID order."""
    from pyspark.sql import functions as F

    column = F.col(column_name)
    # A lazy prefix before a greedy run of digits up to the very end: the
    # run is the longest trailing one.
    split = r"(?s)^(.*?)([0-9]*)\z"
    prefix = F.regexp_extract(column, split, 1)
    digits = F.regexp_extract(column, split, 2)
    stripped = F.regexp_replace(digits, r"^0+", "")
    return [prefix, F.length(digits) > 0, F.length(stripped), stripped, column]
