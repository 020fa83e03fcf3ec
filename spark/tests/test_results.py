"""The results folder's key and lines (spark/recsite_spark/resultskey.py,
results.py), against values worked out independently of the job. Needs
numpy (the job's venv); skipped without."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
try:
    import numpy  # noqa: F401
    from recsite_spark import results, resultskey, scoring
except ImportError:  # plain python3 without the venv
    results = None


@unittest.skipIf(results is None, "numpy is not installed (make spark-venv)")
class ResultsTests(unittest.TestCase):
    def test_fingerprint_is_fnv1a_then_splitmix(self):
        # FNV-1a 64 of the empty input is its offset basis; one part adds the 0xFF separator.
        basis, prime = 0xCBF29CE484222325, 0x100000001B3
        self.assertEqual(resultskey.fingerprint([]), resultskey.mix(basis))
        self.assertEqual(resultskey.fingerprint(["a"]),
                         resultskey.mix(((((basis ^ 0x61) * prime) % 2**64 ^ 0xFF) * prime) % 2**64))
        # SplitMix64's finaliser of 0 + its increment (a published test value).
        self.assertEqual(resultskey.mix(0), 0xE220A8397B1DCDAF)

    def test_key_ignores_row_order_and_sees_one_bit(self):
        one = resultskey.user_rows("u1", ["i1", "i2"], [1.5, 2.0])
        swapped = resultskey.user_rows("u1", ["i2", "i1"], [2.0, 1.5])
        self.assertEqual(one, swapped)
        nudged = resultskey.user_rows("u1", ["i1", "i2"], [1.5, numpy.nextafter(2.0, 3.0)])
        self.assertNotEqual(resultskey.key(10, one), resultskey.key(10, nudged))
        self.assertNotEqual(resultskey.key(10, one), resultskey.key(5, one))
        self.assertRegex(resultskey.key(10, one), "^[0-9a-f]{16}$")

    def test_list_line_holds_scores_and_contributors(self):
        rows = scoring.SimilarityRows(3, [0, 0], [1, 2], [0.5, 0.25])
        listed, explained = scoring.recommend_explained([0], [2.0], rows, [2, 1, 0], 3)
        line = results.list_line("u1", listed, explained, ["i1", "i2", "i3"])
        self.assertEqual(line, {"user_id": "u1", "items": [
            {"item_id": "i2", "source": "cf", "score": 1.0, "contributors": [["i1", 0.5]]},
            {"item_id": "i3", "source": "cf", "score": 0.5, "contributors": [["i1", 0.25]]}]})

    def test_neighbours_by_similarity_then_id(self):
        rows = scoring.SimilarityRows(4, [0, 0, 0], [1, 2, 3], [0.25, 0.5, 0.25])
        lines = list(results.neighbour_lines(rows, ["a1", "a2", "a3", "a4"]))
        self.assertEqual(lines[0]["neighbours"], [["a3", 0.5], ["a2", 0.25], ["a4", 0.25]])
        self.assertEqual(lines[1]["neighbours"], [["a1", 0.25]])

    def test_manifest_says_how_sums_were_added(self):
        manifest = results.manifest("0" * 16, "fast", 10, {"play": 1, "like": 2.5}, 3, 4)
        self.assertEqual(manifest["sums"], "fast")
        self.assertEqual(manifest["weights"], [{"type": "like", "weight": 2.5}, {"type": "play", "weight": 1.0}])


if __name__ == "__main__":
    unittest.main()
