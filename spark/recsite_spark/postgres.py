"""The three tables from PostgreSQL through JDBC (`--data postgresql://…`),
read exactly as recsite reads them (RecPostgres): the same URL and
parameters, the same SQL turning each column into the text the CSV rules
accept, the same row order, and rows numbered from 1 in that order.

Needs PostgreSQL's JDBC driver on the classpath: Debian's
libpostgresql-jdbc-java, `spark-submit --jars /usr/share/java/postgresql.jar`.
"""
import os
from urllib.parse import unquote

PARAMETERS = ["users", "items", "events", "users_query", "items_query", "events_query", "sslmode"]


def is_database(data):
    return data.startswith("postgresql://") or data.startswith("postgres://")


def parse_url(text, environ=None):
    """dict(host, port, user, password, database, sslmode, tables={role: ("table"|"query", text)}).
    Raises SystemExit with a message naming the URL without its password."""
    environ = os.environ if environ is None else environ
    rest = text.split("://", 1)[1]
    before, _, query = rest.partition("?")
    authority, _, path = before.partition("/")
    credentials, at, host_port = authority.rpartition("@")
    if not at:
        credentials, host_port = "", authority
    raw_user, colon, raw_password = credentials.partition(":")
    user = unquote(raw_user) or environ.get("PGUSER") or "postgres"
    password = unquote(raw_password) if colon else environ.get("PGPASSWORD")
    if host_port.startswith("[") and "]" in host_port:
        host, _, after = host_port[1:].partition("]")
        raw_port = after[1:] if after.startswith(":") else None
    else:
        host, colon, raw_port = host_port.partition(":")
        raw_port = raw_port if colon else None
    host = unquote(host) or "localhost"
    database = unquote(path) or user
    safe = f"postgresql://{user}@{'[' + host + ']' if ':' in host else host}:{raw_port or '5432'}/{database}"
    if not (raw_port or "5432").isdigit() or not 1 <= int(raw_port or "5432") <= 65535:
        raise SystemExit(f"{safe}: the port must be a number from 1 to 65535")
    parameters = {}
    for pair in filter(None, query.split("&")):
        key, _, value = pair.partition("=")
        if key not in PARAMETERS:
            raise SystemExit(f"{safe}: unknown parameter '{key}' (known: {', '.join(PARAMETERS)})")
        parameters[key] = unquote(value)
    sslmode = parameters.get("sslmode", "disable")
    if sslmode not in ("disable", "require"):
        raise SystemExit(f"{safe}: sslmode must be disable or require")
    tables = {}
    for role in ("users", "items", "events"):
        table, sql = parameters.get(role), parameters.get(role + "_query")
        if table is not None and sql is not None:
            raise SystemExit(f"{safe}: give {role}= or {role}_query=, not both")
        tables[role] = ("query", sql) if sql is not None else ("table", table or role)
    return {"host": host, "port": int(raw_port or "5432"), "user": user, "password": password,
            "database": database, "sslmode": sslmode, "tables": tables, "safe": safe}


def table_name(data, role):
    """How reports name the table: its name, or `<role> query` (as recsite does)."""
    kind, text = parse_url(data)["tables"][role]
    return text if kind == "table" else f"{role} query"


def quoted(name):
    return '"' + name.replace('"', '""') + '"'


def _date_time(c, utc, low, high, zone):
    return (f"CASE WHEN isfinite({c}) AND {c} >= {low} AND {c} < {high} "
            f"THEN to_char({utc}, 'YYYY-MM-DD\"T\"HH24:MI:SS') "
            f"|| CASE WHEN date_trunc('second', {c}) <> {c} THEN rtrim(to_char({utc}, '.US'), '0') ELSE '' END "
            f"|| '{zone}' ELSE {c}::text END")


def text_expression(name, type_name):
    """The column as the text the same value has in a CSV file (PostgresColumn.textExpression)."""
    c = quoted(name)
    if type_name == "timestamptz":
        return _date_time(c, f"({c} AT TIME ZONE 'UTC')", "'0001-01-01 00:00:00+00'", "'10000-01-01 00:00:00+00'", "Z")
    if type_name == "timestamp":
        return _date_time(c, c, "'0001-01-01 00:00:00'", "'10000-01-01 00:00:00'", "")
    if type_name == "date":
        return (f"CASE WHEN isfinite({c}) AND {c} >= '0001-01-01' AND {c} < '10000-01-01' "
                f"THEN to_char({c}, 'YYYY-MM-DD') ELSE {c}::text END")
    return f"{c}::text"


def order_expression(name, category):
    """How the column orders a table's rows (PostgresColumn.orderExpression), or None."""
    source = f"recsite_source.{quoted(name)}"  # the table's column, not the output's
    if category == "S":
        return f'{source}::text COLLATE "C"'
    return source if category in ("N", "D", "B") else None


def _literal(text):
    return "'" + text.replace("'", "''") + "'"


def _csv_row(values):
    def field(value):
        if any(ch in value for ch in ',"\n\r'):
            return '"' + value.replace('"', '""') + '"'
        return value
    return ",".join(field(value) for value in values)


def read_table(spark, data, role):
    """(column names, RDD of (row number, fields, raw)) for one table, in recsite's order."""
    url = parse_url(data)
    options = {"url": f"jdbc:postgresql://{url['host']}:{url['port']}/{url['database']}",
               "user": url["user"], "driver": "org.postgresql.Driver",
               # The same session settings as recsite's connection.
               "options": "-c TimeZone=UTC -c DateStyle=ISO,YMD -c extra_float_digits=1"}
    if url["password"] is not None:
        options["password"] = url["password"]
    if url["sslmode"] == "require":
        options["sslmode"] = "require"
    kind, text = url["tables"][role]

    def query(sql, init=None):
        reader = spark.read.format("jdbc").options(**options).option("query", sql)
        if init:
            reader = reader.option("sessionInitStatement", init)
        try:
            return reader.load()
        except Exception as error:  # the driver's message, without the Java stack
            message = str(error).split("\n")[0]
            label = f"table {text}" if kind == "table" else f"{role} query"
            raise SystemExit(f"{url['safe']}: {label}: {message}")

    init = None
    if kind == "table":
        found = query(f"SELECT to_regclass({_literal(text)})::text AS relation").collect()
        relation, ordered = found[0]["relation"], True
        if relation is None:
            raise SystemExit(f"{url['safe']}: table {text}: no such table or view")
    else:
        relation, ordered = f"pg_temp.recsite_{role}", False
        init = f"CREATE TEMPORARY VIEW recsite_{role} AS {text}"
    columns = query(
        "SELECT a.attname::text AS name, t.typname::text AS type, t.typcategory::text AS category "
        "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
        f"WHERE a.attrelid = to_regclass({_literal(relation)}) AND a.attnum > 0 AND NOT a.attisdropped "
        "ORDER BY a.attnum", init).collect()
    names = [column["name"] for column in columns]
    sql = "SELECT " + ", ".join(f"{text_expression(c['name'], c['type'])} AS c{i}" for i, c in enumerate(columns))
    sql += f" FROM {relation} AS recsite_source"
    order = [e for e in (order_expression(c["name"], c["category"]) for c in columns) if e]
    if ordered and order:
        sql += " ORDER BY " + ", ".join(order)
    # One JDBC partition keeps the query's order; zipWithIndex numbers the rows from 1.
    frame = query(sql, init)

    def fields(pair):
        row, index = pair
        values = ["" if value is None else value for value in row]
        return (index + 1, values, _csv_row(values))

    return [name.strip() for name in names], frame.rdd.zipWithIndex().map(fields)
