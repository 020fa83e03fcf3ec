"""The job's per-row checks (spark/recsite_spark/rows.py, values.py) and ID
order, against values worked out by hand from docs/spec.md. Stdlib only."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from recsite_spark import idorder, rows, values  # noqa: E402

WEIGHTS = {"play": 1.0, "like": 2.5}
EVENT_HEADER = rows.Header(["User_ID ", "item_id", "event_type", "watch_seconds", "timestamp"], rows.EVENT_COLUMNS, "e")


def reason(fields):
    return rows.event_row(2, fields, EVENT_HEADER, WEIGHTS)[1]


class ValueTests(unittest.TestCase):
    def test_watch_seconds(self):
        self.assertEqual(values.watch_seconds("10.0"), 10.0)
        self.assertEqual(values.watch_seconds(".5e1"), 5.0)
        self.assertEqual(repr(values.watch_seconds("-0")), "0.0")  # -0 is +0
        self.assertEqual(values.watch_seconds("1e-400"), 0.0)  # underflow reads as 0
        for bad in ("-1", "inf", "nan", "0x1A", "1e999", "12s", "1,5", ""):
            self.assertIsNone(values.watch_seconds(bad), bad)

    def test_timestamp_zones_and_fractions(self):
        # 07:00+07:00 is 00:00Z: 2025-01-01 is 20089 days after 1970-01-01.
        self.assertEqual(values.timestamp("2025-01-01 07:00+07:00"), (20089 * 86400, ""))
        self.assertEqual(values.timestamp("2025-01-01T00:00:00.500Z"), (20089 * 86400, "5"))
        self.assertEqual(values.timestamp("2025-01-01"), (20089 * 86400, ""))
        for bad in ("2025-02-29T10:00Z", "2025-13-01", "2025-01-01Z", "2025-01-01t10:00", "2025-01-01T24:00",
                    "2025-01-01T10:60", "2025-01-01T10:00+0700", "1735689600", "01-01-2025 10:00"):
            self.assertIsNone(values.timestamp(bad), bad)

    def test_age(self):
        self.assertTrue(values.valid_age("+120"))
        self.assertFalse(values.valid_age("121"))
        self.assertFalse(values.valid_age("3.5"))


class RowTests(unittest.TestCase):
    def test_fields_follow_quotes(self):
        self.assertEqual(rows.fields_of('a,"b,c",d'), ["a", "b,c", "d"])
        self.assertEqual(rows.fields_of('"ab"c,d'), ["abc", "d"])
        self.assertIsNone(rows.fields_of('a,"open'))
        self.assertEqual(rows.fields_of('a,b"c'), ["a", 'b"c'])  # a quote inside a field is text

    def test_event_reasons_in_spec_order(self):
        ok = ["u1", "i1", "Play", "10", "2025-01-01T00:00Z"]
        self.assertIsNone(reason(ok))
        self.assertEqual(reason(ok[:4]), "malformed row")
        self.assertEqual(reason(["u1", "", "rewind", "x", "y"]), "missing value")
        self.assertEqual(reason(["u1", "i1", "rewind", "x", "y"]), "unknown event type")
        self.assertEqual(reason(["u1", "i1", "like", "x", "y"]), "invalid watch_seconds")
        self.assertEqual(reason(["u1", "i1", "like", "1", "y"]), "invalid timestamp")
        # Trimmed fields, lower-case type, parsed values.
        parsed = rows.event_row(2, [" u1 ", "i1", " LIKE", "10.0", "2025-01-01T00:00Z"], EVENT_HEADER, WEIGHTS)
        self.assertEqual(parsed[2:], ("u1", "i1", "like", 10.0, 20089 * 86400, ""))

    def test_users_and_items(self):
        header = rows.Header(["user_id", "age"], ["user_id"], "u")
        self.assertEqual(rows.user_row(2, [" ", "3"], header)[1], "missing user_id")
        self.assertTrue(rows.user_row(2, ["u1", "200"], header)[3])  # invalid age, row kept
        self.assertFalse(rows.user_row(2, ["u1", ""], header)[3])   # empty age is just unknown
        items = rows.Header(["item_id", "title", "content_type", "genre"], ["item_id"], "i")
        line, why, item_id, title, content_type, genre, repairs = rows.item_row(3, ["i7", "", "MOVIE", ""], items)
        self.assertEqual((why, title, content_type, genre), (None, "i7", "movie", "unknown"))
        self.assertEqual(repairs, ["empty title → item_id", "empty genre → unknown"])

    def test_missing_column_stops(self):
        with self.assertRaises(SystemExit):
            rows.Header(["user", "name"], ["user_id"], "users.csv")


class IDOrderTests(unittest.TestCase):
    def test_spec_examples(self):
        ids = ["v1", "u10", "u2", "u", "u02", "é1", "u2a"]
        # u (no digits) first; u2 and u02 equal as numbers, then by code points.
        self.assertEqual(sorted(ids, key=idorder.id_key), ["u", "u02", "u2", "u10", "u2a", "v1", "é1"])

    def test_long_digit_runs_compare_as_numbers(self):
        self.assertLess(idorder.id_key("x99999999999999999999"), idorder.id_key("x100000000000000000000"))


if __name__ == "__main__":
    unittest.main()
