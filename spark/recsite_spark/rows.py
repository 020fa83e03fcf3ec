"""Rows of the three inputs and the per-row checks of docs/spec.md
("Cleansing"), as plain functions over (line, fields) so that Spark only
distributes them.

CSV is read one record per physical line (LF, CRLF or a lone CR end it), so
that a file splits across tasks at any line; a quoted field that runs over a
line end therefore makes its line a `malformed row` here, where recsite would
read one record over several lines (docs/scale.md, "What the job reads").
Parquet rows come as fields in the header's order, empty for null.
"""
import csv

from . import values

MALFORMED = "malformed row"
EVENT_COLUMNS = ("user_id", "item_id", "event_type", "watch_seconds", "timestamp")


def fields_of(text):
    """The fields of one CSV line (RFC 4180 quoting as docs/rules.md reads
    it), or None when a quote is left open.

    A second, empty line follows the line: a record that is still open at
    the line end reads on into it, which `line_num` then shows."""
    reader = csv.reader([text + "\n", "\n"])
    fields = next(reader)
    return fields if reader.line_num == 1 else None


class Header:
    """Column positions by trimmed lower-case name (the first of repeats)."""

    def __init__(self, names, required, file_name):
        self.width = len(names)
        self.index = {}
        for position, name in enumerate(names):
            self.index.setdefault(name.strip().lower(), position)
        missing = [column for column in required if column not in self.index]
        if missing:
            raise SystemExit(f"{file_name}: missing column {missing[0]}")

    def field(self, fields, name):
        position = self.index.get(name)
        return fields[position].strip() if position is not None else ""


def user_row(line, fields, header):
    """(line, reason or None, user_id, age invalid, name, gender, region)."""
    if fields is None or len(fields) != header.width:
        return (line, MALFORMED, None, False, None, None, None)
    user_id = header.field(fields, "user_id")
    if not user_id:
        return (line, "missing user_id", None, False, None, None, None)
    age = header.field(fields, "age")
    return (line, None, user_id, bool(age) and not values.valid_age(age), header.field(fields, "name"),
            header.field(fields, "gender").lower(), header.field(fields, "region"))


def item_row(line, fields, header):
    """(line, reason or None, item_id, title, content_type, genre, repairs)
    with the repairs as a list of their names."""
    if fields is None or len(fields) != header.width:
        return (line, MALFORMED, None, None, None, None, [])
    item_id = header.field(fields, "item_id")
    if not item_id:
        return (line, "missing item_id", None, None, None, None, [])
    title = header.field(fields, "title")
    content_type = header.field(fields, "content_type").lower()
    genre = header.field(fields, "genre").lower()
    repairs = [name for name, empty in (("empty title → item_id", not title),
                                         ("empty content_type → unknown", not content_type),
                                         ("empty genre → unknown", not genre)) if empty]
    return (line, None, item_id, title or item_id, content_type or "unknown", genre or "unknown", repairs)


def event_row(line, fields, header, weights):
    """(line, reason or None, user_id, item_id, event_type, watch_seconds,
    epoch seconds, fraction digits) after checks 1-5; checks 6-8 need the
    other files and every row, so Spark does them."""
    if fields is None or len(fields) != header.width:
        return (line, MALFORMED, None, None, None, None, None, None)
    user_id, item_id, kind, seconds, stamp = (header.field(fields, column) for column in EVENT_COLUMNS)
    kind = kind.lower()
    if not (user_id and item_id and kind and seconds and stamp):
        return (line, "missing value", None, None, None, None, None, None)
    if kind not in weights:
        return (line, "unknown event type", None, None, None, None, None, None)
    watched = values.watch_seconds(seconds)
    if watched is None:
        return (line, "invalid watch_seconds", None, None, None, None, None, None)
    moment = values.timestamp(stamp)
    if moment is None:
        return (line, "invalid timestamp", None, None, None, None, None, None)
    return (line, None, user_id, item_id, kind, watched, moment[0], moment[1])
