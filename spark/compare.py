#!/usr/bin/env python3
"""Compares the Spark job's output with recsite's engine on one data folder.

usage: spark/compare.py JOB_OUT RECSITE_RECOMMEND_JSONL RECSITE_CHECK_JSON

Cleansing: rows, kept, dropped, counts per reason and repairs must be
equal (the repair `invalid UTF-8 → U+FFFD` aside: the JVM decodes before
the job sees a row), and the example lines too. Recommendations: the same
users in the same order, and per rank the same source, scores within the
spec's tolerance (1e-9 relative, absolute near zero), the same item unless
the scores tie within it, and the reason's item and share. Also reports
how many lines are byte-identical. Exits 1 on a difference.
"""
import json
import math
import sys

TOLERANCE = 1e-9
UTF8_REPAIR = "invalid UTF-8 → U+FFFD"


def close(a, b):
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def compare_cleansing(job, recsite):
    """Differences between two `{"files": [...]}` reports, as lines of text."""
    problems = []
    ours = {entry["file"]: entry for entry in job["files"]}
    for want in recsite["files"]:
        got = ours.get(want["file"])
        if got is None:
            problems.append(f"{want['file']}: missing from the job's report")
            continue
        for field in ("rows", "kept", "dropped", "reasons"):
            if got[field] != want[field]:
                problems.append(f"{want['file']}: {field} {got[field]} != recsite {want[field]}")
        repairs = {name: count for name, count in want.get("repairs", {}).items() if name != UTF8_REPAIR}
        if got.get("repairs", {}) != repairs:
            problems.append(f"{want['file']}: repairs {got.get('repairs')} != recsite {repairs}")
        lines = lambda report: sorted((example["reason"], example["line"]) for example in report.get("examples", []))
        if lines(got) != lines(want):
            problems.append(f"{want['file']}: example lines {lines(got)} != recsite {lines(want)}")
    return problems


def compare_user(got, want):
    """Differences in one user's list (ties within the tolerance in any order)."""
    if got["user_id"] != want["user_id"]:
        return [f"user {got['user_id']} where recsite has {want['user_id']}"]
    user = want["user_id"]
    if len(got["items"]) != len(want["items"]):
        return [f"{user}: {len(got['items'])} recommendations != recsite {len(want['items'])}"]
    problems = []
    for g, w in zip(got["items"], want["items"]):
        where = f"{user} rank {w['rank']}"
        if g["source"] != w["source"] or not close(g["score"], w["score"]):
            problems.append(f"{where}: {g['item_id']} {g['source']} {g['score']} != recsite "
                            f"{w['item_id']} {w['source']} {w['score']}")
            break
        if g["item_id"] != w["item_id"]:
            if w["source"] == "cf":
                continue  # the scores tie within the tolerance: either order is right
            problems.append(f"{where}: popular fill {g['item_id']} != recsite {w['item_id']}")
            break
        if (g["reason"] is None) != (w["reason"] is None):
            problems.append(f"{where}: reason {g['reason']} != recsite {w['reason']}")
        elif w["reason"] and not close(g["reason"]["share"], w["reason"]["share"]):
            problems.append(f"{where}: share {g['reason']['share']} != recsite {w['reason']['share']}")
    listed = [g["item_id"] for g in got["items"]]
    if len(set(listed)) != len(listed):
        problems.append(f"{user}: an item is listed twice: {listed}")
    return problems


def compare_recommendations(job_lines, recsite_lines):
    """(differences, identical line count) between two JSON Lines texts."""
    problems, identical = [], 0
    if len(job_lines) != len(recsite_lines):
        problems.append(f"{len(job_lines)} users != recsite {len(recsite_lines)}")
    for got_text, want_text in zip(job_lines, recsite_lines):
        if got_text == want_text:
            identical += 1
            continue
        problems.extend(compare_user(json.loads(got_text), json.loads(want_text)))
    return problems, identical


def main(argv):
    job_out, recommend_path, check_path = argv
    with open(f"{job_out}/cleansing.json", encoding="utf-8") as handle:
        job_report = json.load(handle)
    with open(check_path, encoding="utf-8") as handle:
        recsite_report = json.load(handle)
    with open(f"{job_out}/recommendations.jsonl", encoding="utf-8") as handle:
        job_lines = handle.read().splitlines()
    with open(recommend_path, encoding="utf-8") as handle:
        recsite_lines = handle.read().splitlines()
    problems = compare_cleansing(job_report, recsite_report)
    differences, identical = compare_recommendations(job_lines, recsite_lines)
    problems += differences
    print(f"compare: {len(recsite_lines)} users, {identical} lines byte-identical, "
          f"{len(problems)} difference(s) ({job_out})")
    for line in problems[:20]:
        print("  " + line)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
