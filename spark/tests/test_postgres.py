"""The job's PostgreSQL input (recsite_spark/postgres.py): the URL as recsite
reads it, and the same SQL text forms (the JDBC read itself runs in make test-spark)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from recsite_spark import postgres  # noqa: E402


class ParseURLTest(unittest.TestCase):
    def test_every_part_percent_decoded(self):
        url = postgres.parse_url("postgresql://ana:p%40ss@db:6543/views?events=analytics.events"
                                 "&users_query=SELECT * FROM people ORDER BY id", {})
        self.assertEqual((url["user"], url["password"], url["host"], url["port"], url["database"]),
                         ("ana", "p@ss", "db", 6543, "views"))
        self.assertEqual(url["tables"], {"users": ("query", "SELECT * FROM people ORDER BY id"),
                                         "items": ("table", "items"), "events": ("table", "analytics.events")})
        self.assertEqual(url["safe"], "postgresql://ana@db:6543/views")

    def test_defaults_from_the_environment(self):
        url = postgres.parse_url("postgres://", {"PGUSER": "etl", "PGPASSWORD": "x"})
        self.assertEqual((url["user"], url["password"], url["host"], url["port"], url["database"]),
                         ("etl", "x", "localhost", 5432, "etl"))

    def test_mistakes_name_the_url_without_password(self):
        for text, message in [
            ("postgresql://u:secret@h/db?event=x", "postgresql://u@h:5432/db: unknown parameter 'event'"),
            ("postgresql://u:secret@h/db?events=a&events_query=b", "postgresql://u@h:5432/db: give events= or"),
            ("postgresql://u:secret@h:http/db", "postgresql://u@h:http/db: the port must be"),
        ]:
            with self.assertRaises(SystemExit) as raised:
                postgres.parse_url(text, {})
            self.assertTrue(str(raised.exception.code).startswith(message), raised.exception.code)
            self.assertNotIn("secret", str(raised.exception.code))

    def test_names_as_recsite_names_them(self):
        self.assertEqual(postgres.table_name("postgresql://h/db?events=a.b", "events"), "a.b")
        self.assertEqual(postgres.table_name("postgresql://h/db?users_query=SELECT 1", "users"), "users query")


class TextFormTest(unittest.TestCase):
    def test_timestamps_in_utc_iso(self):
        sql = postgres.text_expression("timestamp", "timestamptz")
        self.assertIn("""to_char(("timestamp" AT TIME ZONE 'UTC'), 'YYYY-MM-DD"T"HH24:MI:SS')""", sql)
        self.assertIn("|| 'Z' ELSE \"timestamp\"::text END", sql)
        self.assertEqual(postgres.text_expression('we"ird', "float8"), '"we""ird"::text')

    def test_order_by_bytes_for_text(self):
        self.assertEqual(postgres.order_expression("user_id", "S"), 'recsite_source."user_id"::text COLLATE "C"')
        self.assertEqual(postgres.order_expression("n", "N"), 'recsite_source."n"')
        self.assertIsNone(postgres.order_expression("doc", "U"))


if __name__ == "__main__":
    unittest.main()
