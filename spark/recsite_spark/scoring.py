"""Each user's top-k (docs/spec.md "Recommendations"), computed per user
with the similarity rows broadcast to every task.

score(u,j) adds sim(j,k)·r(u,k) over the history items k with r(u,k) > 0 in
ascending ID order, one history row at a time (`scores[neighbours] += sims
× r` adds element by element, each element rounded as recsite rounds it), so
the scores are recsite's bits. The breakdown of each listed item is worked
out again in the same order, so its contributions add up to the score.

The rows are a compressed sparse row matrix (`SimilarityRows`): for item k,
the items j with sim(k,j) > 0 in ascending order. docs/scale.md says how the
rows are split into blocks of items when they outgrow a task's memory.
"""
import numpy as np

from . import resultskey


class SimilarityRows:
    """sim as CSR rows over item indices, both halves of the symmetric matrix."""

    def __init__(self, item_count, i, j, sim):
        i = np.asarray(i, dtype=np.int64)
        j = np.asarray(j, dtype=np.int64)
        sim = np.asarray(sim, dtype=np.float64)
        rows = np.concatenate([i, j])
        cols = np.concatenate([j, i])
        values = np.concatenate([sim, sim])
        order = np.lexsort((cols, rows))
        self.neighbour = cols[order]
        self.similarity = values[order]
        self.start = np.zeros(item_count + 1, dtype=np.int64)
        np.add.at(self.start, rows + 1, 1)
        np.cumsum(self.start, out=self.start)
        self.item_count = item_count

    def row(self, k):
        lo, hi = self.start[k], self.start[k + 1]
        return self.neighbour[lo:hi], self.similarity[lo:hi]

    def sim(self, j, k):
        neighbours, sims = self.row(j)
        at = np.searchsorted(neighbours, k)
        return float(sims[at]) if at < len(neighbours) and neighbours[at] == k else 0.0


def recommend(history_items, history_scores, rows, ranking, k):
    """The list of one user: (rank, iidx, score or None, source, reason iidx
    or None, share or None) tuples.

    history_items ascending (ID order), history_scores their r(u,k); ranking
    the item indices by popularity."""
    return recommend_explained(history_items, history_scores, rows, ranking, k)[0]


def recommend_explained(history_items, history_scores, rows, ranking, k):
    """`recommend`'s list, and for each of its cf entries the breakdown's
    (k, sim(j,k)) pairs in breakdown order (the results folder's
    contributors, docs/scale.md)."""
    k = min(k, rows.item_count)
    listed, explained = [], []
    if k <= 0:
        return listed, explained
    items = np.asarray(history_items, dtype=np.int64)
    scores_of_history = np.asarray(history_scores, dtype=np.float64)
    scores = np.zeros(rows.item_count)
    for item, r in zip(items, scores_of_history):
        if r > 0:
            neighbours, sims = rows.row(item)
            scores[neighbours] += sims * r
    scores[items] = 0.0
    candidates = np.flatnonzero(scores > 0)
    # Score descending, then ID (index) order.
    best = candidates[np.lexsort((candidates, -scores[candidates]))][:k]
    for j in best:
        score = float(scores[j])
        breakdown = contributions(j, items, scores_of_history, rows, score)
        listed.append((len(listed) + 1, int(j), score, "cf", breakdown[0][0], breakdown[0][4]))
        explained.append([(entry[0], entry[2]) for entry in breakdown])
    if len(listed) < k:
        taken = set(items.tolist()) | {entry[1] for entry in listed}
        for item in ranking:
            if len(listed) >= k:
                break
            if item not in taken:
                listed.append((len(listed) + 1, int(item), None, "popular", None, None))
    return listed, explained


def contributions(j, items, history_scores, rows, score):
    """The breakdown of score(u,j): (k, r(u,k), sim(j,k), c_k, share) for
    every c_k > 0, largest c first, then r, then ID order."""
    neighbours, sims = rows.row(j)
    at = np.searchsorted(neighbours, items)
    at_clipped = np.minimum(at, max(len(neighbours) - 1, 0))
    found = (at < len(neighbours)) & (neighbours[at_clipped] == items) if len(neighbours) else np.zeros(len(items), bool)
    sim = np.where(found, sims[at_clipped] if len(neighbours) else 0.0, 0.0)
    c = sim * history_scores
    keep = (c > 0) & (history_scores > 0)
    order = np.lexsort((items[keep], -history_scores[keep], -c[keep]))
    return [(int(items[keep][p]), float(history_scores[keep][p]), float(sim[keep][p]), float(c[keep][p]),
             float(c[keep][p]) / score) for p in order]


def score_partition(users, rows, ranking, k, item_ids):
    """mapPartitions body: (uidx, user_id, [(iidx, r)] ascending or None)
    → (uidx, user_id, list, contributors of each cf entry, the user's part
    of the results key)."""
    for uidx, user_id, history in users:
        history = history or []
        items, scores = [entry[0] for entry in history], [entry[1] for entry in history]
        listed, explained = recommend_explained(items, scores, rows, ranking, k)
        yield uidx, user_id, listed, explained, resultskey.user_rows(user_id, [item_ids[i] for i in items], scores)
