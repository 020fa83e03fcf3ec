"""Per-user scoring (spark/recsite_spark/scoring.py) on a matrix small
enough to work out by hand. Needs numpy (the job's venv); skipped without."""
import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
try:
    import numpy  # noqa: F401
    from recsite_spark import scoring
except ImportError:  # plain python3 without the venv
    scoring = None

# R: u0 = {i0: 1, i1: 2}, u1 = {i1: 3, i2: 4}, u2 = {i3: 5}; item i4 unwatched.
# Norms: i0 1, i1 √13, i2 4, i3 5. sim(0,1) = 2/√13, sim(1,2) = 12/(4√13) = 3/√13.
SQRT13 = math.sqrt(13)


@unittest.skipIf(scoring is None, "numpy is not installed (make spark-venv)")
class ScoringTests(unittest.TestCase):
    def setUp(self):
        self.rows = scoring.SimilarityRows(5, [0, 1], [1, 2], [2 / SQRT13, 3 / SQRT13])
        # A ranking given directly (popularity is tested through make test-spark).
        self.ranking = [1, 3, 2, 0, 4]

    def test_rows_are_symmetric_and_sorted(self):
        self.assertEqual(self.rows.row(1)[0].tolist(), [0, 2])
        self.assertEqual(self.rows.sim(2, 1), 3 / SQRT13)
        self.assertEqual(self.rows.sim(0, 2), 0.0)

    def test_cf_scores_reason_and_popular_fill(self):
        listed = scoring.recommend([0, 1], [1.0, 2.0], self.rows, self.ranking, 3)
        # Only i2 scores: sim(2,0)·1 + sim(2,1)·2 = 0 + 6/√13; its one contributor is i1.
        self.assertEqual(listed[0], (1, 2, 6 / SQRT13, "cf", 1, 1.0))
        # Then the most popular items outside H(u0) and the list: i3, then i4.
        self.assertEqual(listed[1:], [(2, 3, None, "popular", None, None), (3, 4, None, "popular", None, None)])

    def test_contributions_are_ordered_and_add_up(self):
        # Breakdown of i1 for a user with {i0: 1, i2: 4}: c(i0) = 2/√13, c(i2) = 12/√13.
        score = 2 / SQRT13 + 12 / SQRT13
        breakdown = scoring.contributions(1, numpy.array([0, 2]), numpy.array([1.0, 4.0]), self.rows, score)
        self.assertEqual([entry[0] for entry in breakdown], [2, 0])
        self.assertAlmostEqual(sum(entry[4] for entry in breakdown), 1.0, places=15)

    def test_ties_go_by_id_order(self):
        rows = scoring.SimilarityRows(3, [0, 0], [1, 2], [0.5, 0.5])
        listed = scoring.recommend([0], [2.0], rows, [0, 1, 2], 2)
        self.assertEqual([entry[1] for entry in listed], [1, 2])

    def test_no_history_gets_popular_only_and_k_is_clamped(self):
        listed = scoring.recommend([], [], self.rows, self.ranking, 99)
        self.assertEqual([entry[1] for entry in listed], self.ranking)
        self.assertTrue(all(entry[3] == "popular" for entry in listed))

    def test_zero_scores_do_not_count(self):
        # A history item with r = 0 contributes nothing: i1 gets no cf score.
        listed = scoring.recommend([0], [0.0], self.rows, self.ranking, 1)
        self.assertEqual(listed, [(1, 1, None, "popular", None, None)])


if __name__ == "__main__":
    unittest.main()
