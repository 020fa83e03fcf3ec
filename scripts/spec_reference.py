#!/usr/bin/env python3
"""An independent, plain-Python implementation of SPEC.md (stdlib only).

It reads the three CSV files, cleanses them, computes r(u,i), cosine item
similarity, recommendations with popular fill, and popularity, and prints
JSON for comparison with recsite (scripts/spec_check.py). It shares no code
with recsite and is written for clarity, not speed.
"""
import csv
import io
import json
import math
import re
import sys
from collections import defaultdict
from datetime import datetime, timedelta, timezone

# docs/rules.md, "Numbers out of range": larger watch_seconds are refused so
# that no sum can overflow (1e12 s × weight ≤ 1e6 keeps every term ≤ 1e18).
MAX_WATCH_SECONDS = 1e12
WEIGHTS = {"play": 1.0, "complete": 3.0, "like": 2.5, "save": 2.0, "pause": 0.5, "skip": 0.1}
DECIMAL = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$")
INTEGER = re.compile(r"^[+-]?[0-9]+$")
TIMESTAMP = re.compile(
    r"^([0-9]{4})-([0-9]{2})-([0-9]{2})"
    r"(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$")


def id_key(value):
    """SPEC §7: prefix by code points, trailing digits as an integer, then the whole ID."""
    match = re.search(r"[0-9]*\Z", value)
    digits = match.group(0) if match else ""
    prefix = value[: len(value) - len(digits)]
    # An ID without trailing digits sorts before one with digits (-1 < any number).
    return (prefix, int(digits) if digits else -1, value)


def ends_inside_quotes(text):
    """Whether a quoted field is still open at the end of the file. recsite's
    documented rule (docs/rules.md) makes that last record a malformed row;
    Python's csv module would quietly close the field instead."""
    inside, field_start, i = False, True, 0
    while i < len(text):
        c = text[i]
        if inside:
            if c == '"':
                if text[i + 1:i + 2] == '"':
                    i += 1
                else:
                    inside = False
        elif c == '"' and field_start:
            inside = True
        field_start = (not inside) and c in ",\n"
        i += 1
    return inside


def read_rows(path):
    """Yields (start line, fields, raw text) for each non-empty record."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        text = handle.read()
    lines_before = 0
    reader = csv.reader(io.StringIO(text))
    previous_end = 0
    raw_lines = text.split("\n")
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except csv.Error:
            # An unterminated quote: the rest of the file is one malformed row.
            start = previous_end + 1
            yield start, None, raw_lines[start - 1].rstrip("\r")
            return
        start = previous_end + 1
        previous_end = reader.line_num
        if fields == []:
            continue
        raw = "\n".join(raw_lines[start - 1:previous_end]).rstrip("\r")
        if previous_end >= len(raw_lines) - 1 and ends_inside_quotes(text):
            fields = None
        yield start, fields, raw
    _ = lines_before


def parse_timestamp(text):
    match = TIMESTAMP.match(text)
    if not match:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if zone is not None and hour is None:
        return None
    # datetime holds the years 1-9999 only: a date of year 0, or a zone
    # offset that carries the instant past either end, raises, and the
    # timestamp is invalid (docs/rules.md: the UTC result must be in 0001-9999).
    try:
        moment = datetime(int(year), int(month), int(day), tzinfo=timezone.utc)
    except ValueError:
        return None
    if hour is not None:
        h, m, s = int(hour), int(minute), int(second or 0)
        if h > 23 or m > 59 or s > 59:
            return None
        moment += timedelta(hours=h, minutes=m, seconds=s)
    if zone not in (None, "Z"):
        sign = 1 if zone[0] == "+" else -1
        zh, zm = int(zone[1:3]), int(zone[4:6])
        if zh > 23 or zm > 59:
            return None
        try:
            moment -= sign * timedelta(hours=zh, minutes=zm)
        except OverflowError:
            return None
    epoch = int((moment - datetime(1970, 1, 1, tzinfo=timezone.utc)).total_seconds())
    return epoch, (fraction or "").rstrip("0")


class Report:
    def __init__(self, name):
        self.name, self.rows, self.kept, self.reasons = name, 0, 0, defaultdict(int)
        self.examples = defaultdict(list)

    def drop(self, reason, line, raw):
        self.reasons[reason] += 1
        if len(self.examples[reason]) < 5:
            self.examples[reason].append((line, raw))


def header_columns(path, required):
    rows = read_rows(path)
    try:
        _, header, _ = next(rows)
    except StopIteration:
        raise SystemExit(f"{path}: empty file")
    names = {}
    for index, name in enumerate(header):
        names.setdefault(name.strip().lower(), index)
    for column in required:
        if column not in names:
            raise SystemExit(f"{path}: missing column {column}")
    return rows, names, len(header)


def load(folder):
    users, items = {}, {}
    report_users, report_items, report_events = Report("users.csv"), Report("items.csv"), Report("events.csv")
    rows, names, width = header_columns(f"{folder}/users.csv", ["user_id"])
    for line, fields, raw in rows:
        report_users.rows += 1
        if fields is None or len(fields) != width:
            report_users.drop("malformed row", line, raw); continue
        field = lambda name: fields[names[name]].strip() if name in names else ""
        uid = field("user_id")
        if not uid:
            report_users.drop("missing user_id", line, raw); continue
        if uid in users:
            report_users.drop("duplicate user_id", line, raw); continue
        age = field("age")
        if age and not (INTEGER.match(age) and 0 <= int(age) <= 120):
            report_users.drop("invalid age", line, raw)
        users[uid] = {"name": field("name"), "gender": field("gender").lower(), "region": field("region")}
        report_users.kept += 1
    rows, names, width = header_columns(f"{folder}/items.csv", ["item_id"])
    for line, fields, raw in rows:
        report_items.rows += 1
        if fields is None or len(fields) != width:
            report_items.drop("malformed row", line, raw); continue
        field = lambda name: fields[names[name]].strip() if name in names else ""
        iid = field("item_id")
        if not iid:
            report_items.drop("missing item_id", line, raw); continue
        if iid in items:
            report_items.drop("duplicate item_id", line, raw); continue
        items[iid] = {"title": field("title") or iid,
                      "content_type": field("content_type").lower() or "unknown",
                      "genre": field("genre").lower() or "unknown"}
        report_items.kept += 1
    columns = ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"]
    rows, names, width = header_columns(f"{folder}/events.csv", columns)
    events, seen = [], set()
    for line, fields, raw in rows:
        report_events.rows += 1
        if fields is None or len(fields) != width:
            report_events.drop("malformed row", line, raw); continue
        uid, iid, kind, seconds, stamp = (fields[names[c]].strip() for c in columns)
        kind = kind.lower()
        if not all((uid, iid, kind, seconds, stamp)):
            report_events.drop("missing value", line, raw); continue
        if kind not in WEIGHTS:
            report_events.drop("unknown event type", line, raw); continue
        value = float(seconds) if DECIMAL.match(seconds) else math.nan
        if not math.isfinite(value) or value < 0 or value > MAX_WATCH_SECONDS:
            report_events.drop("invalid watch_seconds", line, raw); continue
        moment = parse_timestamp(stamp)
        if moment is None:
            report_events.drop("invalid timestamp", line, raw); continue
        if uid not in users:
            report_events.drop("unknown user", line, raw); continue
        if iid not in items:
            report_events.drop("unknown item", line, raw); continue
        key = (uid, iid, kind, value + 0.0, moment)
        if key in seen:
            report_events.drop("duplicate event", line, raw); continue
        seen.add(key)
        events.append((uid, iid, kind, value, moment[0]))
        report_events.kept += 1
    return users, items, events, [report_users, report_items, report_events]


def model(users, items, events, k):
    r = defaultdict(lambda: defaultdict(float))
    for uid, iid, kind, seconds, _ in events:
        r[uid][iid] += seconds * WEIGHTS[kind]
    columns = defaultdict(dict)
    for uid, row in r.items():
        for iid, value in row.items():
            columns[iid][uid] = value
    norm = {iid: math.sqrt(sum(v * v for v in columns[iid].values())) for iid in items}

    def sim(i, j):
        if norm[i] == 0 or norm[j] == 0:
            return 0.0
        a, b = columns[i], columns[j]
        if len(b) < len(a):
            a, b = b, a
        return sum(v * b[u] for u, v in a.items() if u in b) / (norm[i] * norm[j])

    popularity = {iid: sum(columns[iid].values()) for iid in items}
    viewers = {iid: len(columns[iid]) for iid in items}
    ranking = sorted(items, key=lambda i: (-popularity[i], -viewers[i], id_key(i)))
    neighbours = defaultdict(set)
    for uid, row in r.items():
        for i in row:
            neighbours[i].update(row)
    result = {}
    for uid in sorted(users, key=id_key):
        history = r.get(uid, {})
        candidates = set()
        for kk, value in history.items():
            if value > 0:
                candidates |= neighbours[kk]
        scored = []
        for j in candidates - set(history):
            contributions = [(sim(j, kk) * value, value, kk) for kk, value in history.items() if value > 0]
            score = sum(c for c, _, _ in contributions)
            if score > 0:
                top = sorted((c for c in contributions if c[0] > 0), key=lambda c: (-c[0], -c[1], id_key(c[2])))[0]
                scored.append((score, j, top))
        scored.sort(key=lambda s: (-s[0], id_key(s[1])))
        listed = [{"item_id": j, "score": s, "source": "cf", "reason": {"item_id": t[2], "share": t[0] / s}}
                  for s, j, t in scored[:k]]
        taken = {e["item_id"] for e in listed} | set(history)
        for iid in ranking:
            if len(listed) >= k:
                break
            if iid not in taken:
                listed.append({"item_id": iid, "score": None, "source": "popular", "reason": None})
                taken.add(iid)
        result[uid] = listed
    return result, ranking, popularity, viewers


def main():
    folder, k = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10
    users, items, events, reports = load(folder)
    recommendations, ranking, popularity, viewers = model(users, items, events, k)
    json.dump({
        "cleansing": [{"file": rep.name, "rows": rep.rows, "kept": rep.kept, "reasons": dict(rep.reasons),
                       "examples": {reason: rows for reason, rows in rep.examples.items()}} for rep in reports],
        "recommendations": recommendations,
        "popular": [{"item_id": i, "popularity": popularity[i], "viewers": viewers[i]} for i in ranking],
    }, sys.stdout)


if __name__ == "__main__":
    main()
