"""spark/compare.py: the comparison make test-spark relies on (stdlib only)."""
import json
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
import compare  # noqa: E402


def entry(rank, item, score, source="cf", reason="i9", share=0.5):
    return {"rank": rank, "item_id": item, "title": item, "content_type": "movie", "genre": "drama",
            "score": score, "source": source,
            "reason": None if source == "popular" else {"item_id": reason, "title": reason, "share": share}}


def user(user_id, *items):
    return {"user_id": user_id, "k": len(items), "items": list(items)}


class CompareUserTests(unittest.TestCase):
    def test_equal_lists_pass(self):
        a = user("u1", entry(1, "i1", 2.0), entry(2, "i2", 1.0), entry(3, "i3", None, "popular"))
        self.assertEqual(compare.compare_user(a, a), [])

    def test_ties_within_tolerance_may_swap(self):
        # 1.0 and 1.0 + 5e-10 differ by 5e-10 relative: inside 1e-9.
        want = user("u1", entry(1, "i1", 1.0 + 5e-10), entry(2, "i2", 1.0))
        got = user("u1", entry(1, "i2", 1.0), entry(2, "i1", 1.0 + 5e-10))
        self.assertEqual(compare.compare_user(got, want), [])

    def test_swap_beyond_tolerance_fails(self):
        # 1.0 and 1.0 + 3e-9: outside the tolerance, so the order matters.
        want = user("u1", entry(1, "i1", 1.0 + 3e-9), entry(2, "i2", 1.0))
        got = user("u1", entry(1, "i2", 1.0), entry(2, "i1", 1.0 + 3e-9))
        self.assertEqual(len(compare.compare_user(got, want)), 1)

    def test_score_off_by_more_than_tolerance_fails(self):
        want = user("u1", entry(1, "i1", 100.0))
        got = user("u1", entry(1, "i1", 100.0 * (1 + 2e-9)))
        self.assertIn("u1 rank 1", compare.compare_user(got, want)[0])

    def test_source_and_popular_fill_must_match(self):
        want = user("u1", entry(1, "i1", None, "popular"))
        self.assertTrue(compare.compare_user(user("u1", entry(1, "i1", 3.0)), want))
        self.assertTrue(compare.compare_user(user("u1", entry(1, "i2", None, "popular")), want))

    def test_reason_share_is_compared(self):
        want = user("u1", entry(1, "i1", 2.0, share=0.25))
        got = user("u1", entry(1, "i1", 2.0, share=0.2500001))
        self.assertIn("share", compare.compare_user(got, want)[0])

    def test_an_item_listed_twice_fails(self):
        want = user("u1", entry(1, "i1", 1.0), entry(2, "i2", 1.0))
        got = user("u1", entry(1, "i2", 1.0), entry(2, "i2", 1.0))
        self.assertIn("twice", compare.compare_user(got, want)[0])

    def test_identical_lines_are_counted(self):
        line = json.dumps(user("u1", entry(1, "i1", 2.0)))
        other = json.dumps(user("u2", entry(1, "i1", 2.0)))
        problems, identical = compare.compare_recommendations([line, other], [line, other])
        self.assertEqual((problems, identical), ([], 2))
        problems, _ = compare.compare_recommendations([line], [line, other])
        self.assertEqual(problems, ["1 users != recsite 2"])


class CompareCleansingTests(unittest.TestCase):
    def report(self, reasons, repairs=None, examples=()):
        rows = 10
        kept = rows - sum(count for reason, count in reasons.items() if reason != "invalid age")
        return {"files": [{"file": "users.csv", "rows": rows, "kept": kept, "dropped": rows - kept,
                           "reasons": reasons, "repairs": repairs or {},
                           "examples": [{"reason": r, "line": n, "raw": ""} for r, n in examples]}]}

    def test_equal_reports_pass(self):
        report = self.report({"malformed row": 2}, examples=[("malformed row", 3), ("malformed row", 7)])
        self.assertEqual(compare.compare_cleansing(report, report), [])

    def test_counts_must_be_exact(self):
        problems = compare.compare_cleansing(self.report({"malformed row": 2}), self.report({"malformed row": 3}))
        self.assertTrue(any("kept" in p for p in problems))
        self.assertTrue(any("reasons" in p for p in problems))

    def test_utf8_repair_is_not_compared_but_others_are(self):
        job = self.report({}, {"empty title → item_id": 1})
        recsite = self.report({}, {"empty title → item_id": 1, compare.UTF8_REPAIR: 4})
        self.assertEqual(compare.compare_cleansing(job, recsite), [])
        self.assertTrue(compare.compare_cleansing(self.report({}), recsite))

    def test_example_lines_must_match(self):
        job = self.report({"malformed row": 1}, examples=[("malformed row", 4)])
        recsite = self.report({"malformed row": 1}, examples=[("malformed row", 5)])
        self.assertIn("example lines", compare.compare_cleansing(job, recsite)[0])


if __name__ == "__main__":
    unittest.main()
