#!/usr/bin/env python3
"""Checks recsite's numbers against scripts/spec_reference.py on one data folder.

usage: scripts/spec_check.py RECSITE_BINARY DATA_DIR [K]
Compares cleansing counts and examples, every user's recommendations (item,
source, score and reason share within 1e-9 relative; candidates tying within
the tolerance may swap) and the full popularity ranking. Exits 1 on any
difference, printing the first ones.
"""
import json
import math
import subprocess
import sys

here = __import__("os").path.dirname(__file__)
sys.path.insert(0, here)
import spec_reference  # noqa: E402


def close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def main():
    binary, folder = sys.argv[1], sys.argv[2]
    k = int(sys.argv[3]) if len(sys.argv) > 3 else 10
    users, items, events, reports = spec_reference.load(folder)
    expected, ranking, popularity, viewers = spec_reference.model(users, items, events, k)
    run = lambda *args: subprocess.run([binary, *args, "--data", folder], capture_output=True, text=True, check=True).stdout
    problems = []

    check = json.loads(run("check", "--json"))
    for ours, ref in zip(check["files"], reports):
        want = {reason: count for reason, count in ref.reasons.items()}
        if (ours["rows"], ours["kept"], ours["reasons"]) != (ref.rows, ref.kept, want):
            problems.append(f"{ref.name}: recsite rows/kept/reasons {ours['rows']}/{ours['kept']}/{ours['reasons']}"
                            f" != reference {ref.rows}/{ref.kept}/{want}")
        ours_examples = {}
        for example in ours["examples"]:
            ours_examples.setdefault(example["reason"], []).append((example["line"], example["raw"]))
        for reason, rows in ref.examples.items():
            if [line for line, _ in ours_examples.get(reason, [])] != [line for line, _ in rows]:
                problems.append(f"{ref.name}: example lines of {reason}: {ours_examples.get(reason)} != {rows}")

    documents = [json.loads(line) for line in run("recommend", "--all", "--json", "-k", str(k)).splitlines()]
    if [d["user_id"] for d in documents] != list(expected):
        problems.append("user order differs from ID order")
    for document in documents:
        want = expected.get(document["user_id"], [])
        got = document["items"]
        if len(got) != len(want):
            problems.append(f"{document['user_id']}: {len(got)} recommendations != {len(want)}")
            continue
        for position, (g, w) in enumerate(zip(got, want)):
            same_item = g["item_id"] == w["item_id"]
            tie = w["score"] is not None and g["score"] is not None and close(g["score"], w["score"])
            if g["source"] != w["source"] or not (same_item or tie) or not close(g["score"], w["score"]):
                problems.append(f"{document['user_id']} rank {position + 1}: {g['item_id']} {g['source']} {g['score']}"
                                f" != {w['item_id']} {w['source']} {w['score']}")
                break
            if same_item and w["reason"] and not close(g["reason"]["share"], w["reason"]["share"]):
                problems.append(f"{document['user_id']} {g['item_id']}: share {g['reason']['share']} != {w['reason']['share']}")

    popular = json.loads(run("popular", "--json", "-k", str(max(1, len(items)))))["items"]
    for g, w in zip(popular, ranking):
        if g["item_id"] != w or not close(g["popularity"], popularity[w]) or g["viewers"] != viewers[w]:
            if not close(g["popularity"], popularity[w]):
                problems.append(f"popularity rank {g['rank']}: {g['item_id']} {g['popularity']} != {w} {popularity[w]}")
                break
    if len(popular) != len(ranking):
        problems.append(f"popular lists {len(popular)} items, reference {len(ranking)}")

    users_checked = len(documents)
    if problems:
        print(f"spec_check: {len(problems)} difference(s) on {folder}:")
        for line in problems[:20]:
            print("  " + line)
        sys.exit(1)
    print(f"spec_check: {folder}: cleansing, {users_checked} users' recommendations and "
          f"{len(ranking)} popularity ranks agree with the reference")


if __name__ == "__main__":
    main()
