"""Tests of bench/baseline.py's pieces on small hand-made inputs: the
quote-free reader, the fast timestamp parser against the regular
expression it replaces, R's sums, the top-k selection and the popular fill.

They need pandas, NumPy, SciPy and scikit-learn, so they are skipped under
the system python3 and run in the benchmark's venv:
`.bench/venv/bin/python -m unittest discover -s bench/tests` (`make test-bench`
does so when the venv exists).
"""
import importlib.util
import sys
import tempfile
import unittest
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BENCH))

STACK = all(importlib.util.find_spec(name) for name in ("pandas", "numpy", "scipy", "sklearn"))
if STACK:
    import numpy as np
    import pandas as pd

    import baseline


@unittest.skipUnless(STACK, "needs the benchmark venv (make bench-venv)")
class Reading(unittest.TestCase):
    def read(self, text):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "events.csv"
            path.write_bytes(text.encode())
            return baseline.read(str(path))

    def test_plain_file_keeps_rows_of_the_header_width_only(self):
        # LF, CRLF and a lone CR end lines; empty lines are skipped; a short
        # row, a long row and a whitespace-only line are malformed.
        frame = self.read("A, B ,c\r\n1,2,3\n\n4,5\r6,7,8,9\n  \n x ,,z\r\n10,11\n")
        self.assertEqual(list(frame.columns), ["a", "b", "c"])
        self.assertEqual(frame.values.tolist(), [["1", "2", "3"], ["x", "", "z"]])

    def test_plain_and_quoted_files_read_alike(self):
        plain = self.read("id,name\nu1,Ann\nu2,Bo\n")
        quoted = self.read('id,name\nu1,"Ann"\nu2,Bo\n')
        self.assertEqual(plain.values.tolist(), quoted.values.tolist())

    def test_duplicated_header_names_keep_the_first_column(self):
        frame = self.read("id,name,ID\nu1,Ann,x\n")
        self.assertEqual(frame.values.tolist(), [["u1", "Ann"]])


@unittest.skipUnless(STACK, "needs the benchmark venv (make bench-venv)")
class Timestamps(unittest.TestCase):
    CASES = ["2025-01-01", "2025-01-01T00:21:40.812Z", "2025-01-01 07:52:05+07:00", "2025-01-01T23:59",
             "2024-02-29T12:00:00.1200-03:30", "1969-12-31T23:59:59.5Z", "2025-02-30T00:00:00",
             "2025-01-01T24:00:00", "2025-01-01T10:60", "2025-01-01T10:00:60", "2025-01-01Z",
             "2025-01-01T10:00+24:00", "2025-01-01T10:00+07:60", "2025-1-01", "9999-12-31T23:59:59Z",
             "2025-01-01T00:00:00.1234567890123Z", "0001-01-01T00:00:00+01:00", "today", ""]

    def test_fast_parser_agrees_with_the_regular_expression(self):
        text = pd.Series(self.CASES, dtype=object)
        fast_ok, fast_seconds, fast_fraction = baseline.parse_timestamps(text)
        ok, seconds, fraction = baseline.extract_timestamps(text)
        self.assertEqual(fast_ok.tolist(), ok.tolist())
        self.assertEqual(fast_seconds[ok].tolist(), seconds[ok].tolist())
        self.assertEqual(fast_fraction[ok].tolist(), fraction[ok].tolist())

    def test_values_worked_by_hand(self):
        ok, seconds, fraction = baseline.parse_timestamps(
            pd.Series(["1970-01-01T01:00:00.500+01:00", "1970-01-02", "1969-12-31T23:59:59.250Z"], dtype=object))
        self.assertEqual(ok.tolist(), [True, True, True])
        self.assertEqual(seconds.tolist(), [0, 86_400, -1])
        self.assertEqual(fraction.tolist(), ["5", "", "25"])


@unittest.skipUnless(STACK, "needs the benchmark venv (make bench-venv)")
class Engine(unittest.TestCase):
    def test_r_sums_each_pair_and_marks_zero_pairs_seen(self):
        events = pd.DataFrame({"user_id": ["u2", "u1", "u2", "u1"], "item_id": ["i1", "i2", "i1", "i1"],
                               "event_type": ["play", "like", "complete", "play"],
                               "watch_seconds": [10.0, 4.0, 1.0, 0.0]})
        R, seen = baseline.interaction_matrix(events, ["u1", "u2"], ["i1", "i2"])
        self.assertEqual(R.toarray().tolist(), [[0.0, 10.0], [13.0, 0.0]])
        self.assertEqual(seen.toarray().tolist(), [[True, True], [True, False]])

    def test_top_k_orders_by_score_then_index_and_keeps_ties_at_the_cut(self):
        scores = np.array([[0.5, 2.0, 1.0, 2.0, 1.0, 0.0, -np.inf, 1.0]])
        self.assertEqual(baseline.top_k(scores, 3), [[1, 3, 2]])
        self.assertEqual(baseline.top_k(scores, 10), [[1, 3, 2, 4, 7, 0]])
        self.assertEqual(baseline.top_k(np.zeros((1, 4)), 2), [[]])

    def test_fill_adds_popular_items_outside_the_history_and_the_list(self):
        ranking = np.array([4, 0, 3, 1, 2])
        self.assertEqual(baseline.fill([3], np.array([4, 1]), ranking, 3), [3, 0, 2])
        self.assertEqual(baseline.fill([1, 2], np.array([]), ranking, 2), [1, 2])

    def test_both_recommend_paths_give_the_same_lists(self):
        rng = np.random.default_rng(5)
        dense = rng.integers(0, 4, size=(30, 12)).astype(float)
        dense[dense == 1] = 0.0
        import scipy.sparse as sp
        R = sp.csr_matrix(dense)
        seen = sp.csr_matrix(dense > 0)
        S = baseline.item_similarity(R)
        self.assertEqual(S.diagonal().tolist(), [0.0] * 12)
        everyone = baseline.recommend_all(R, seen, S, 4)
        self.assertEqual(everyone, baseline.recommend_per_user(R, seen, S, 4))
        self.assertTrue(all(len(chosen) == 4 for chosen in everyone))


if __name__ == "__main__":
    unittest.main()
