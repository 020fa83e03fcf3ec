#!/usr/bin/env python3
"""The original system's way, for the benchmark: pandas, the same
cleansing (SPEC §2), pivot_table to a users × items matrix, scikit-learn's
cosine_similarity, then scores and top-k for every user with numpy.

usage: bench/baseline.py DATA_DIR OUT.jsonl [K]
Prints phase timings as JSON on stderr's last line; writes one line per user
({"user_id", "items": [item ids]}) to OUT.jsonl for comparison with
`recsite recommend --all --json`.
"""
import csv
import io
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.metrics.pairwise import cosine_similarity

WEIGHTS = {"play": 1.0, "complete": 3.0, "like": 2.5, "save": 2.0, "pause": 0.5, "skip": 0.1}
DECIMAL = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
TIMESTAMP = (r"^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ](?P<h>[0-9]{2}):(?P<m>[0-9]{2})"
             r"(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]+))?)?(?P<z>Z|[+-][0-9]{2}:[0-9]{2})?)?$")


def id_order(ids):
    """SPEC §7 sort keys: prefix, trailing number (-1 when none), whole ID."""
    parts = ids.str.extract(r"^(.*?)([0-9]*)$")
    number = pd.to_numeric(parts[1].where(parts[1] != "", "-1"), errors="coerce").fillna(-1)
    frame = pd.DataFrame({"prefix": parts[0], "number": number, "id": ids})
    return frame.sort_values(["prefix", "number", "id"], kind="stable")["id"].tolist()


def ends_inside_quotes(text):
    """Whether `text`, which starts a record, ends inside a quoted field.

    docs/rules.md makes such a last record a `malformed row`, where Python's
    csv reader would quietly close the field.
    """
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


def read(path):
    """Records with the header's field count, as a DataFrame of trimmed strings.

    pandas' read_csv pads short rows and skips whitespace-only lines without a
    word, so SPEC's `malformed row` cannot be seen through it; the records come
    from Python's csv reader and everything after is pandas.
    """
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        text = handle.read()
    reader = csv.reader(io.StringIO(text))
    records, last_start, line = [], 1, 0
    for record in reader:
        last_start, line = line + 1, reader.line_num
        if record:
            records.append(record)
    if records and '"' in text:
        # Only the last record can end inside quotes; scan it alone (a record
        # always starts outside quotes), not the whole file.
        tail = len(text)
        for _ in range(text.count("\n") - last_start + 2):
            tail = text.rfind("\n", 0, tail)
        if ends_inside_quotes(text[tail + 1:]):
            records.pop()
    header, rows = records[0], [record for record in records[1:] if len(record) == len(records[0])]
    frame = pd.DataFrame.from_records(rows, columns=range(len(header)))
    names = [name.strip().lower() for name in header]
    keep = [names.index(name) for name in dict.fromkeys(names)]  # first of duplicated names
    frame = frame[keep]
    frame.columns = [names[i] for i in keep]
    return frame.apply(lambda column: column.str.strip())


def cleanse(folder):
    users = read(f"{folder}/users.csv")
    users = users[users["user_id"] != ""].drop_duplicates("user_id")
    items = read(f"{folder}/items.csv")
    items = items[items["item_id"] != ""].drop_duplicates("item_id")
    events = read(f"{folder}/events.csv")
    columns = ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"]
    events = events[(events[columns] != "").all(axis=1)]
    events = events.assign(event_type=events["event_type"].str.lower())
    events = events[events["event_type"].isin(WEIGHTS.keys())]
    valid = events["watch_seconds"].str.match(DECIMAL)
    events = events[valid].assign(watch_seconds=pd.to_numeric(events.loc[valid, "watch_seconds"]))
    events = events[np.isfinite(events["watch_seconds"]) & (events["watch_seconds"] >= 0)]
    parts = events["timestamp"].str.extract(TIMESTAMP)
    ok = parts["date"].notna() & ~(parts["z"].notna() & parts["h"].isna())
    zone = parts["z"].fillna("Z")
    number = {"h": parts["h"], "m": parts["m"], "s": parts["s"], "zh": zone.str[1:3], "zm": zone.str[4:6]}
    number = {name: pd.to_numeric(value, errors="coerce").fillna(0) for name, value in number.items()}
    for field, limit in (("h", 23), ("m", 59), ("s", 59), ("zh", 23), ("zm", 59)):  # zones: docs/rules.md
        ok &= number[field] <= limit
    date = pd.to_datetime(parts["date"], format="%Y-%m-%d", errors="coerce", utc=True)
    ok &= date.notna()
    sign = np.where(zone.str[0] == "-", -1, 1)
    offset = np.where(zone == "Z", 0, sign * (number["zh"] * 3600 + number["zm"] * 60))
    # as_unit: pandas 3 picks the datetime resolution itself, so say seconds.
    seconds = (date.dt.as_unit("s").astype("int64") + number["h"] * 3600 + number["m"] * 60 + number["s"] - offset)
    events = events.assign(epoch=seconds, fraction=parts["f"].fillna("").str.rstrip("0"))[ok]
    events = events[events["user_id"].isin(users["user_id"]) & events["item_id"].isin(items["item_id"])]
    events = events.drop_duplicates(["user_id", "item_id", "event_type", "watch_seconds", "epoch", "fraction"])
    return users, items, events


def main():
    folder, out = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    timings = {}
    start = time.perf_counter()
    users, items, events = cleanse(folder)
    timings["read+cleanse"] = time.perf_counter() - start

    mark = time.perf_counter()
    events = events.assign(r=events["watch_seconds"] * events["event_type"].map(WEIGHTS))
    user_ids, item_ids = id_order(users["user_id"]), id_order(items["item_id"])
    matrix = events.pivot_table(index="user_id", columns="item_id", values="r", aggfunc="sum", fill_value=0.0)
    matrix = matrix.reindex(index=user_ids, columns=item_ids, fill_value=0.0)
    seen = events.pivot_table(index="user_id", columns="item_id", values="r", aggfunc="size", fill_value=0)
    seen = seen.reindex(index=user_ids, columns=item_ids, fill_value=0).to_numpy() > 0
    R = matrix.to_numpy()
    timings["model"] = time.perf_counter() - mark

    mark = time.perf_counter()
    similarity = cosine_similarity(R.T)
    np.fill_diagonal(similarity, 0.0)
    timings["similarity"] = time.perf_counter() - mark

    mark = time.perf_counter()
    popularity = R.sum(axis=0)
    viewers = seen.sum(axis=0)
    ranking = np.lexsort((np.arange(len(item_ids)), -viewers, -popularity))
    lines = []
    batch = max(1, 2_000_000 // max(1, len(item_ids)))
    for lo in range(0, len(user_ids), batch):
        block = R[lo:lo + batch]
        scores = np.where(block > 0, block, 0.0) @ similarity
        scores[seen[lo:lo + batch]] = -np.inf
        for row in range(block.shape[0]):
            s = scores[row]
            positive = np.flatnonzero(s > 0)
            order = positive[np.lexsort((positive, -s[positive]))][:k]
            chosen = list(order)
            if len(chosen) < k:
                taken = set(chosen) | set(np.flatnonzero(seen[lo + row]))
                chosen += [i for i in ranking if i not in taken][: k - len(chosen)]
            lines.append(json.dumps({"user_id": user_ids[lo + row], "items": [item_ids[i] for i in chosen]}))
    timings["recommend"] = time.perf_counter() - mark
    with open(out, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    timings["total"] = time.perf_counter() - start
    print(json.dumps(timings), file=sys.stderr)


if __name__ == "__main__":
    main()
