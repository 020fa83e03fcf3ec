import Foundation

/// One column of a table or query as the catalog describes it, and the SQL
/// that reads it as text the CSV rules accept (docs/rules.md, "Input from
/// PostgreSQL").
struct PostgresColumn: Sendable, Equatable {
    let name: String
    /// `pg_type.typname`: `int4`, `float8`, `timestamptz`, `text`, …
    let type: String
    /// `pg_type.typcategory`: `S` strings, `N` numbers, `D` dates and times, `B` booleans, …
    let category: String

    var quotedName: String { Self.quoted(name) }
    /// The column of the table read, never the output column of the same name
    /// (in `ORDER BY` a bare name means the output, here the text form).
    var sourceName: String { "\(Self.sourceAlias).\(quotedName)" }
    /// The table's alias in the query that reads it.
    static let sourceAlias = "recsite_source"

    /// The column as text, in the form the same value takes in a CSV file.
    ///
    /// - timestamps are written in UTC as `YYYY-MM-DDTHH:MM:SS[.ffffff]Z`
    ///   (PostgreSQL's own `+00` offset is not ISO 8601 as SPEC reads it);
    ///   `timestamp` without zone the same without `Z` (UTC, as in CSV);
    ///   `date` as `YYYY-MM-DD`. A value outside the years 0001–9999, or
    ///   ±infinity, is written as PostgreSQL writes it, so it is an
    ///   `invalid timestamp` as it would be in CSV;
    /// - `real` and `double precision` are written shortest-exact
    ///   (`extra_float_digits = 1`), so they read back as the same double;
    ///   `Infinity` and `NaN` are invalid as `inf` and `nan` are;
    /// - everything else is PostgreSQL's text form (`numeric` exactly,
    ///   integers as digits, `boolean` as `true`/`false`); NULL stays NULL
    ///   and is read as an empty field.
    var textExpression: String {
        let c = quotedName
        switch type {
        case "timestamptz":
            return Self.dateTime(c, utc: "(\(c) AT TIME ZONE 'UTC')", low: "'0001-01-01 00:00:00+00'",
                                 high: "'10000-01-01 00:00:00+00'", zone: "Z")
        case "timestamp":
            return Self.dateTime(c, utc: c, low: "'0001-01-01 00:00:00'", high: "'10000-01-01 00:00:00'", zone: "")
        case "date":
            return "CASE WHEN isfinite(\(c)) AND \(c) >= '0001-01-01' AND \(c) < '10000-01-01' "
                + "THEN to_char(\(c), 'YYYY-MM-DD') ELSE \(c)::text END"
        default:
            return "\(c)::text"
        }
    }

    /// How the column sorts a table's rows, or `nil` for a type with no
    /// useful order. Text sorts by bytes (`COLLATE "C"`), not by the
    /// server's locale, so the order is the same on every server.
    var orderExpression: String? {
        switch category {
        case "S": return "\(sourceName)::text COLLATE \"C\""
        case "N", "D", "B": return sourceName
        default: return nil
        }
    }

    /// A date-time in range as ISO 8601; the fraction only when there is one.
    private static func dateTime(_ c: String, utc: String, low: String, high: String, zone: String) -> String {
        "CASE WHEN isfinite(\(c)) AND \(c) >= \(low) AND \(c) < \(high) "
            + "THEN to_char(\(utc), 'YYYY-MM-DD\"T\"HH24:MI:SS') "
            + "|| CASE WHEN date_trunc('second', \(c)) <> \(c) THEN rtrim(to_char(\(utc), '.US'), '0') ELSE '' END "
            + "|| '\(zone)' ELSE \(c)::text END"
    }

    /// An SQL identifier in double quotes.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
