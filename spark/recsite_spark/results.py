"""The results folder recsite renders a site from (`recsite build
--results DIR`, docs/scale.md): the manifest, one list line per user and
one neighbour line per item, in the bytes recsite's own
`recommend --all --results-out` writes (Sources/RecSite/Results/)."""
import numpy as np

from . import resultskey

MANIFEST, LISTS, NEIGHBOURS = "results.json", "lists.jsonl", "neighbours.jsonl"
NEIGHBOUR_COUNT = 10  # what an item page shows


def manifest(key, sums, k, weights, users, items):
    return {"format": resultskey.FORMAT, "version": resultskey.VERSION, "key": key, "sums": sums, "k": k,
            "weights": [{"type": name, "weight": float(weight)} for name, weight in sorted(weights.items())],
            "neighbours": NEIGHBOUR_COUNT, "users": users, "items": items}


def list_line(user_id, listed, explained, item_ids):
    """A user's list: cf entries with score and [item_id, sim] contributors
    (breakdown order), popular fill with item and source only."""
    entries, breakdowns = [], iter(explained)
    for _rank, iidx, score, source, _reason, _share in listed:
        if source == "cf":
            entries.append({"item_id": item_ids[iidx], "source": source, "score": score,
                            "contributors": [[item_ids[k], sim] for k, sim in next(breakdowns)]})
        else:
            entries.append({"item_id": item_ids[iidx], "source": source})
    return {"user_id": user_id, "items": entries}


def neighbour_lines(rows, item_ids):
    """Each item's NEIGHBOUR_COUNT most similar items: sim descending, then ID order."""
    for i, item_id in enumerate(item_ids):
        neighbours, sims = rows.row(i)
        nearest = np.lexsort((neighbours, -sims))[:NEIGHBOUR_COUNT]
        yield {"item_id": item_id,
               "neighbours": [[item_ids[int(neighbours[p])], float(sims[p])] for p in nearest]}
