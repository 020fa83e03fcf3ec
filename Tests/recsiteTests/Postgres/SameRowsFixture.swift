import Foundation
import RecEngine

/// The same rows as CSV files and as PostgreSQL tables. A database row
/// always has every column, so rows a CSV file holds with the wrong number
/// of fields cannot be put in a table: both sides get the whole rows of the
/// original files, trimmed, and the CSV side is written anew with them, one
/// record a line, quoted as `PostgresRowSource` shows a row.
struct SameRowsFixture {
    struct Table {
        let name: String
        let columns: [String]
        let rows: [[String]]
    }

    let tables: [Table]

    /// Reads `users.csv`, `items.csv`, `events.csv` of a folder.
    init(folder: String) throws {
        let files = try DatasetLoader.readFiles(directory: folder)
        tables = try [("users", files.users), ("items", files.items), ("events", files.events)].map { name, file in
            var source = try CSVRowSource(path: file.path, contents: file.contents)
            var record = CSVRecord(), rows: [[String]] = []
            while source.next(into: &record) {
                guard record.isWhole, record.count == source.columns.count else { continue }
                rows.append((0..<record.count).map { record.string($0) })
            }
            return Table(name: name, columns: source.columns, rows: rows)
        }
    }

    /// Writes the three CSV files into `folder`.
    func writeCSV(to folder: URL) throws {
        for table in tables {
            let lines = [table.columns.joined(separator: ",")] + table.rows.map { $0.map(Self.csvField).joined(separator: ",") }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(table.name + ".csv"))
        }
    }

    /// Loads the three tables into `schema` and returns the URL that reads
    /// them in the files' order, through one query per table.
    func load(into schema: PostgresSchema) async throws -> String {
        var parameters: [(String, String)] = []
        for table in tables {
            try await schema.createTextTable(table.name, columns: table.columns, rows: table.rows)
            parameters.append((table.name + "_query", schema.orderedQuery(table.name, columns: table.columns)))
        }
        return PostgresTestServer.url(parameters)
    }

    /// The row (from 1) of `table` that starts on `line` of the written file.
    func row(atLine line: Int, in table: String) -> Int {
        let rows = tables.first { $0.name == table }!.rows
        // The header is line 1; a field holding a line end spans more lines.
        var start = 2
        for (index, fields) in rows.enumerated() {
            if start == line { return index + 1 }
            start += 1 + fields.reduce(0) { $0 + $1.unicodeScalars.filter { $0 == "\n" || $0 == "\r" }.count }
        }
        return -1
    }

    static func csvField(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
