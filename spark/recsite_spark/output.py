"""The job's output in the shapes recsite writes: JSON Lines as
`recsite recommend --all --json` prints them, and Parquet tables.

JSON numbers are the shortest text that reads back as the same double
(Python's repr, as recsite's), and `<`, `>`, `&` are escaped as \\u003c,
\\u003e, \\u0026 (docs/rules.md, "Output")."""
import json


def json_text(document):
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def recommendation_document(user_id, k, entries, items):
    """The `api/recommendations/<id>.json` document of one user; `items`
    maps an item index to (item_id, title, content_type, genre)."""
    listed = []
    for rank, iidx, score, source, reason, share in entries:
        item_id, title, content_type, genre = items[iidx]
        listed.append({
            "rank": rank, "item_id": item_id, "title": title, "content_type": content_type, "genre": genre,
            "score": score, "source": source,
            "reason": None if reason is None else {"item_id": items[reason][0], "title": items[reason][1],
                                                   "share": share}})
    return {"user_id": user_id, "k": k, "items": listed}
