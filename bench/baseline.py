#!/usr/bin/env python3
"""The original system's stack at its best, for the benchmark: pandas,
NumPy, SciPy and scikit-learn doing what recsite's engine does (SPEC §2–§5).

- reading and cleansing as whole-column pandas operations (boolean masks,
  `to_numeric`, `to_datetime`, `duplicated`);
- R as a `scipy.sparse` users × items matrix;
- scikit-learn's `cosine_similarity` on that sparse input;
- every user's scores from one sparse product (in blocks of users, to bound
  memory), the top-k from `argpartition`.

With `--per-user`, the recommend phase instead scores one user at a time (a
sparse row times the similarity matrix), as the original served requests;
the benchmark shows it as a second, labelled row.

usage: bench/baseline.py DATA_DIR OUT.jsonl [K] [--per-user]
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
import scipy.sparse as sp
from sklearn.metrics.pairwise import cosine_similarity

WEIGHTS = {"play": 1.0, "complete": 3.0, "like": 2.5, "save": 2.0, "pause": 0.5, "skip": 0.1}
DECIMAL = r"^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$"
TIMESTAMP = (r"^(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ](?P<h>[0-9]{2}):(?P<m>[0-9]{2})"
             r"(?::(?P<s>[0-9]{2})(?:\.(?P<f>[0-9]+))?)?(?P<z>Z|[+-][0-9]{2}:[0-9]{2})?)?$")
# TIMESTAMP with its ranges (hours ≤ 23, minutes and seconds ≤ 59, zones ≤ 23:59).
STRICT_TIMESTAMP = (r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]"
                    r"(?::[0-5][0-9](?:\.[0-9]+)?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?")
EVENT_COLUMNS = ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"]
# Users scored per sparse product: a block's dense scores stay near 16 MB.
BLOCK_CELLS = 2_000_000


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


def quoted_records(text):
    """Every record of a file holding quotes, by Python's csv reader (a
    quoted field may hold commas and line breaks, so lines cannot be split
    by position); a last record ending inside quotes is left out."""
    reader = csv.reader(io.StringIO(text))
    records, last_start, line = [], 1, 0
    for record in reader:
        last_start, line = line + 1, reader.line_num
        if record:
            records.append(record)
    if records:
        # Only the last record can end inside quotes; scan it alone (a record
        # always starts outside quotes), not the whole file.
        tail = len(text)
        for _ in range(text.count("\n") - last_start + 2):
            tail = text.rfind("\n", 0, tail)
        if ends_inside_quotes(text[tail + 1:]):
            records.pop()
    if not records:
        return [], pd.DataFrame()
    header = records[0]
    rows = [record for record in records[1:] if len(record) == len(header)]
    return header, pd.DataFrame.from_records(rows, columns=range(len(header)), coerce_float=False)


def plain_records(text):
    """Every record of a file without quotes: lines split at LF, CRLF or a
    lone CR, empty lines skipped, a line with the wrong number of commas
    dropped (a malformed row), the rest split by pandas' C parser."""
    lines = pd.Series(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), dtype=object)
    lines = lines[lines != ""]
    if lines.empty:
        return [], pd.DataFrame()
    header = lines.iloc[0].split(",")
    body = lines.iloc[1:]
    body = body[body.str.count(",") == len(header) - 1]
    if body.empty:
        return header, pd.DataFrame(columns=range(len(header)), dtype=object)
    frame = pd.read_csv(io.StringIO("\n".join(body)), header=None, names=range(len(header)), dtype=str,
                        quoting=csv.QUOTE_NONE, keep_default_na=False, na_filter=False,
                        skip_blank_lines=False, engine="c")
    return header, frame


def read(path):
    """Records with the header's field count, as a DataFrame of trimmed strings.

    pandas' read_csv pads short rows and skips whitespace-only lines without a
    word, so SPEC's `malformed row` cannot be seen through it alone: rows are
    counted first (or, when the file holds a quote, read by Python's csv
    reader), and everything after is pandas.
    """
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as handle:
        text = handle.read()
    header, frame = quoted_records(text) if '"' in text else plain_records(text)
    names = [name.strip().lower() for name in header]
    keep = [names.index(name) for name in dict.fromkeys(names)]  # first of duplicated names
    frame = frame[keep]
    frame.columns = [names[i] for i in keep]
    return frame.apply(lambda column: column.astype(object).str.strip())


def extract_timestamps(text):
    """(valid, epoch seconds, fraction digits without trailing zeros) of
    SPEC's timestamp forms, by one regular expression's groups."""
    parts = text.str.extract(TIMESTAMP)
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
    return ok, seconds, parts["f"].fillna("").str.rstrip("0")


def parse_timestamps(text):
    """`extract_timestamps`, faster: rows whose form and ranges a regular
    expression accepts are parsed by pandas' ISO 8601 parser in C; the few
    it cannot place (a date like 02-30, a year out of its range) go through
    `extract_timestamps`, which decides them as before."""
    strict = text.str.fullmatch(STRICT_TIMESTAMP).fillna(False).astype(bool)
    instant = pd.to_datetime(text.where(strict), format="ISO8601", utc=True, errors="coerce")
    fast = strict & instant.notna()
    ok = fast.copy()
    seconds = pd.Series(np.zeros(len(text), dtype="int64"), index=text.index)
    per_second = {"s": 1, "ms": 10**3, "us": 10**6, "ns": 10**9}[instant.dt.unit]
    seconds[fast] = instant[fast].astype("int64") // per_second  # floor: the fraction is kept apart
    fraction = pd.Series("", index=text.index, dtype=object)
    dotted = fast & text.str.contains(".", regex=False)
    if dotted.any():
        fraction[dotted] = text[dotted].str.extract(r"\.([0-9]+)")[0].str.rstrip("0")
    rest = ~fast
    if rest.any():
        ok[rest], seconds[rest], fraction[rest] = extract_timestamps(text[rest])
    return ok, seconds, fraction


def cleanse(folder):
    """SPEC §2's rules in order, each a mask over a whole column."""
    users = read(f"{folder}/users.csv")
    users = users[(users["user_id"] != "") & ~users["user_id"].duplicated()]
    items = read(f"{folder}/items.csv")
    items = items[(items["item_id"] != "") & ~items["item_id"].duplicated()]
    events = read(f"{folder}/events.csv")
    events = events[(events[EVENT_COLUMNS] != "").all(axis=1)]
    events = events.assign(event_type=events["event_type"].str.lower())
    events = events[events["event_type"].isin(WEIGHTS.keys())]
    events = events[events["watch_seconds"].str.match(DECIMAL)]
    seconds = pd.to_numeric(events["watch_seconds"])
    events = events.assign(watch_seconds=seconds)[np.isfinite(seconds) & (seconds >= 0)]
    ok, epoch, fraction = parse_timestamps(events["timestamp"])
    events = events.assign(epoch=epoch, fraction=fraction)[ok]
    events = events[events["user_id"].isin(users["user_id"]) & events["item_id"].isin(items["item_id"])]
    events = events[~events.duplicated(["user_id", "item_id", "event_type", "watch_seconds", "epoch", "fraction"])]
    return users, items, events


def interaction_matrix(events, user_ids, item_ids):
    """(R, seen): R as CSR with r(u,i) summed over each pair's terms in
    ascending order (docs/rules.md), seen with a 1 for every pair with an event."""
    user = pd.Index(user_ids).get_indexer(events["user_id"])
    item = pd.Index(item_ids).get_indexer(events["item_id"])
    term = events["watch_seconds"].to_numpy(float) * events["event_type"].map(WEIGHTS).to_numpy(float)
    order = np.lexsort((term, item, user))
    user, item, term = user[order], item[order], term[order]
    shape = (len(user_ids), len(item_ids))
    if len(term) == 0:
        return sp.csr_matrix(shape), sp.csr_matrix(shape, dtype=bool)
    first = np.flatnonzero(np.r_[True, (user[1:] != user[:-1]) | (item[1:] != item[:-1])])
    r = np.add.reduceat(term, first)
    R = sp.csr_matrix((r, (user[first], item[first])), shape=shape)
    seen = sp.csr_matrix((np.ones(len(first), dtype=bool), (user[first], item[first])), shape=shape)
    return R, seen


def item_similarity(R):
    """Cosine similarity of R's columns, sparse, without the diagonal."""
    S = cosine_similarity(R.T.tocsr(), dense_output=False).tocsr()
    S.setdiag(0)
    S.eliminate_zeros()
    return S


def popularity_ranking(R, seen):
    """Items by Σ r, then viewers, both descending, then index (= ID order)."""
    popularity = np.asarray(R.sum(axis=0)).ravel()
    viewers = np.asarray(seen.sum(axis=0)).ravel()
    return np.lexsort((np.arange(R.shape[1]), -viewers, -popularity))


def top_k(scores, k):
    """Per row of a dense block, the indices of the (up to) k highest finite
    positive scores, score descending then index ascending. `argpartition`
    finds each row's k-th value; every entry at least that high (ties
    included) is then ordered exactly."""
    scores = np.where(scores > 0, scores, -np.inf)
    if scores.shape[1] > k:
        kth = np.partition(scores, scores.shape[1] - k, axis=1)[:, scores.shape[1] - k]
    else:
        kth = np.full(scores.shape[0], -np.inf)
    chosen = []
    for row, floor in zip(scores, kth):
        candidates = np.flatnonzero((row >= floor) & (row > -np.inf))
        chosen.append(candidates[np.lexsort((candidates, -row[candidates]))][:k].tolist())
    return chosen


def fill(chosen, history, ranking, k):
    """A list of fewer than k items completed with popular items outside the history and the list."""
    if len(chosen) >= k:
        return chosen
    taken = set(chosen) | set(history.tolist())
    return chosen + [i for i in ranking[: k + len(taken)] if i not in taken][: k - len(chosen)]


def recommend_all(R, seen, S, k):
    """Every user's top-k from one sparse product per block of users."""
    positive = R.multiply(R > 0).tocsr()
    ranking = popularity_ranking(R, seen)
    batch = max(1, BLOCK_CELLS // max(1, R.shape[1]))
    lists = []
    for lo in range(0, R.shape[0], batch):
        scores = (positive[lo:lo + batch] @ S).toarray()
        block_seen = seen[lo:lo + batch]
        rows, columns = block_seen.nonzero()
        scores[rows, columns] = -np.inf
        for offset, chosen in enumerate(top_k(scores, k)):
            lists.append(fill(chosen, block_seen.indices[block_seen.indptr[offset]:block_seen.indptr[offset + 1]],
                              ranking, k))
    return lists


def recommend_per_user(R, seen, S, k):
    """Every user's top-k, scoring one user at a time as the original served."""
    positive = R.multiply(R > 0).tocsr()
    ranking = popularity_ranking(R, seen)
    lists = []
    for u in range(R.shape[0]):
        scores = (positive[u] @ S).toarray()
        history = seen.indices[seen.indptr[u]:seen.indptr[u + 1]]
        scores[0, history] = -np.inf
        lists.append(fill(top_k(scores, k)[0], history, ranking, k))
    return lists


def main():
    arguments = [argument for argument in sys.argv[1:] if argument != "--per-user"]
    per_user = len(arguments) < len(sys.argv) - 1
    folder, out = arguments[0], arguments[1]
    k = int(arguments[2]) if len(arguments) > 2 else 10
    timings = {}
    start = time.perf_counter()
    users, items, events = cleanse(folder)
    timings["read+cleanse"] = time.perf_counter() - start

    mark = time.perf_counter()
    user_ids, item_ids = id_order(users["user_id"]), id_order(items["item_id"])
    R, seen = interaction_matrix(events, user_ids, item_ids)
    timings["model"] = time.perf_counter() - mark

    mark = time.perf_counter()
    S = item_similarity(R)
    timings["similarity"] = time.perf_counter() - mark

    mark = time.perf_counter()
    lists = (recommend_per_user if per_user else recommend_all)(R, seen, S, k)
    lines = [json.dumps({"user_id": user_ids[u], "items": [item_ids[i] for i in chosen]})
             for u, chosen in enumerate(lists)]
    timings["recommend"] = time.perf_counter() - mark
    with open(out, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    timings["total"] = time.perf_counter() - start
    print(json.dumps(timings), file=sys.stderr)


if __name__ == "__main__":
    main()
