#!/usr/bin/env python3
"""Loads a data folder's three CSV files into PostgreSQL tables of text
columns (`SCHEMA.users`, `.items`, `.events`), for running the job and
recsite on the same tables (make test-spark).

usage: spark/load_postgres.py POSTGRES_URL CSV_DIR SCHEMA

A table row has every column, so a record with the wrong number of fields
(a `malformed row` in CSV) is left out; the other rows go in as they stand,
untrimmed. Needs psql (Debian's postgresql-client).
"""
import csv
import io
import subprocess
import sys


def main(url, folder, schema):
    script = ["SET client_min_messages = warning;", f'DROP SCHEMA IF EXISTS "{schema}" CASCADE;', f'CREATE SCHEMA "{schema}";']
    for name in ("users", "items", "events"):
        with open(f"{folder}/{name}.csv", encoding="utf-8", errors="replace", newline="") as handle:
            records = list(csv.reader(handle))
        header = records[0]
        header[0] = header[0].lstrip("\ufeff")
        rows = [record for record in records[1:] if len(record) == len(header)]
        columns = ", ".join('"' + column.strip().replace('"', '""') + '" text' for column in header)
        script.append(f'CREATE TABLE "{schema}"."{name}" ({columns});')
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(rows)
        script.append(f'COPY "{schema}"."{name}" FROM STDIN WITH (FORMAT csv);\n{buffer.getvalue()}\\.')
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url], input="\n".join(script) + "\n",
                   text=True, check=True, stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    main(*sys.argv[1:])
