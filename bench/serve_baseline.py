#!/usr/bin/env python3
"""The original server's way, for `make bench-serve`: FastAPI + uvicorn on
127.0.0.1, the data cleansed with pandas (bench/baseline.py's cleansing,
SPEC §2), a dense users × items matrix from pivot_table, scikit-learn's
cosine_similarity as a dense items × items matrix, and each
`/recommendations?user_id=&k=` scored per request: the user's row times
the similarity matrix, watched items masked, top-k by score then ID order,
popular fill when fewer than k scores are positive.

usage: bench/serve_baseline.py DATA_DIR [--port 8002]
Prints `ready` on stderr once it listens.
"""
import argparse
import sys
import time

import numpy as np
import uvicorn
from fastapi import FastAPI, HTTPException, Query

from baseline import WEIGHTS, cleanse, id_order


def build(folder):
    users, items, events = cleanse(folder)
    events = events.assign(r=events["watch_seconds"] * events["event_type"].map(WEIGHTS))
    user_ids, item_ids = id_order(users["user_id"]), id_order(items["item_id"])
    matrix = events.pivot_table(index="user_id", columns="item_id", values="r", aggfunc="sum", fill_value=0.0)
    matrix = matrix.reindex(index=user_ids, columns=item_ids, fill_value=0.0)
    seen = events.pivot_table(index="user_id", columns="item_id", values="r", aggfunc="size", fill_value=0)
    seen = seen.reindex(index=user_ids, columns=item_ids, fill_value=0).to_numpy() > 0
    from sklearn.metrics.pairwise import cosine_similarity
    R = matrix.to_numpy()
    similarity = cosine_similarity(R.T)
    np.fill_diagonal(similarity, 0.0)
    popularity = R.sum(axis=0)
    ranking = np.lexsort((np.arange(len(item_ids)), -seen.sum(axis=0), -popularity))
    titles = items.set_index("item_id")["title"].to_dict() if "title" in items else {}
    return {
        "R": R, "seen": seen, "similarity": similarity, "ranking": ranking, "titles": titles,
        "user_index": {user: u for u, user in enumerate(user_ids)}, "item_ids": item_ids,
    }


def make_app(model):
    app = FastAPI()

    @app.get("/health")
    def health():
        return {"status": "ok", "users": len(model["user_index"]), "items": len(model["item_ids"])}

    @app.get("/recommendations")
    def recommendations(user_id: str, k: int = Query(10, ge=1, le=100)):
        u = model["user_index"].get(user_id)
        if u is None:
            raise HTTPException(status_code=404, detail=f"unknown user '{user_id}'")
        row = model["R"][u]
        scores = np.where(row > 0, row, 0.0) @ model["similarity"]
        seen = model["seen"][u]
        scores[seen] = -np.inf
        positive = np.flatnonzero(scores > 0)
        chosen = list(positive[np.lexsort((positive, -scores[positive]))][:k])
        filled = len(chosen)
        if filled < k:
            taken = set(chosen) | set(np.flatnonzero(seen))
            chosen += [i for i in model["ranking"] if i not in taken][: k - filled]
        ids = model["item_ids"]
        return {"user_id": user_id, "k": k, "items": [
            {"rank": rank + 1, "item_id": ids[i], "title": model["titles"].get(ids[i], ""),
             "score": float(scores[i]) if rank < filled else None, "source": "cf" if rank < filled else "popular"}
            for rank, i in enumerate(chosen)]}

    return app


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--port", type=int, default=8002)
    args = parser.parse_args()
    start = time.perf_counter()
    model = build(args.data)
    print(f"serve_baseline: model in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    config = uvicorn.Config(make_app(model), host="127.0.0.1", port=args.port, log_level="warning",
                            access_log=False)
    server = uvicorn.Server(config)
    print("ready", file=sys.stderr, flush=True)
    server.run()


if __name__ == "__main__":
    main()
