import Foundation
import PostgresNIO
import RecEngine
import RecPostgres
import Testing

/// Bad rows in database tables are dropped for the same reasons, and counted
/// the same, as the same rows in CSV files; examples name the table and the
/// row, and show the row with its key.
@Suite("Bad rows in PostgreSQL", .enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresBadRowsTests {
    // nil is NULL in the database and an empty field in CSV.
    static let users: [[String?]] = [
        ["u1", "Ann", "30", "F", "north"],      // kept
        [nil, "Cy", "20", "m", "x"],            // missing user_id
        ["u1", "Dup", "40", "m", "x"],          // duplicate user_id
        ["   ", "Lu", "1", "f", "x"],           // missing user_id
        ["u3", "Eve", "abc", "F", "x"],         // kept, invalid age
        ["u2", "Bob", nil, "M", "x"],           // kept, age unknown
    ]
    static let items: [[String?]] = [
        ["i1", "Alpha", "Movie", "Drama"],      // kept
        ["i2", nil, "series", nil],             // kept, title and genre repaired
        [nil, "Delta", "movie", "drama"],       // missing item_id
        ["i1", "Again", "movie", "drama"],      // duplicate item_id
    ]
    static let events: [[String?]] = [
        ["u1", "i1", "play", "10", "2025-01-01T00:00:00Z"],          // kept
        ["u1", "i1", "play", "10.0", "2025-01-01T07:00:00+07:00"],   // duplicate event
        ["u2", "i2", nil, "5", "2025-01-02"],                        // missing value
        ["u2", "i2", "watch", "5", "2025-01-02"],                    // unknown event type
        ["u2", "i2", "like", "ten", "2025-01-02"],                   // invalid watch_seconds
        ["u2", "i2", "like", "-1", "2025-01-02"],                    // invalid watch_seconds
        ["u2", "i2", "like", "1", "2025-02-30"],                     // invalid timestamp
        ["u9", "i2", "like", "1", "2025-01-03"],                     // unknown user
        ["u2", "i3", "like", "1", "2025-01-03"],                     // unknown item
        ["u3", " i2 ", " SAVE ", "2.5", "2025-01-04 10:00"],         // kept
        ["u3", "i2", "save", "2.5", "2025-01-04T10:00:00Z"],         // duplicate event
        ["u2", "i1", "play", "1e3", "2025-01-05"],                   // kept
        [nil, "i1", "play", "1", "2025-01-05"],                      // missing value
    ]
    static let columns = [
        "users": ["user_id", "name", "age", "gender", "region"], "items": ["item_id", "title", "content_type", "genre"],
        "events": ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"],
    ]

    @Test("the same reasons and counts as CSV; examples name the table and row")
    func sameAsCSV() async throws {
        let schema = try await PostgresTestServer.schema("bad_rows")
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (table, rows) in [("users", Self.users), ("items", Self.items), ("events", Self.events)] {
            try await schema.createTextTable(table, columns: Self.columns[table]!, rows: rows)
            let lines = [Self.columns[table]!.joined(separator: ",")] + rows.map { $0.map { $0 ?? "" }.joined(separator: ",") }
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.appendingPathComponent(table + ".csv"))
        }
        let url = PostgresTestServer.url(["users", "items", "events"].map { ($0, "\(schema.name).\($0)") })
        let database = try DataStores.open(url).load(workers: 2)
        let csv = try CSVFolder(directory: folder.path).load(workers: 2)

        #expect(database.users == csv.users && database.items == csv.items)
        #expect(database.events.user == csv.events.user && database.events.item == csv.events.item)
        #expect(database.events.seconds == csv.events.seconds && database.events.type == csv.events.type)
        #expect(database.events.watchSeconds.map(\.bitPattern) == csv.events.watchSeconds.map(\.bitPattern))
        for (db, file) in zip(database.report.files, csv.report.files) {
            #expect(db.file == "\(schema.name).\(file.file.dropLast(4))")
            #expect(db.unit == .row && file.unit == .line)
            #expect(db.rowsRead == file.rowsRead && db.kept == file.kept)
            #expect(db.counts == file.counts && db.repairs == file.repairs)
            // Row r of the table is line r + 1 of the file; the table's row
            // starts with its key column, recsite_line, which holds r.
            for (reason, rows) in file.examples {
                #expect(db.examples[reason]?.map(\.line) == rows.map { $0.line - 1 })
                #expect(db.examples[reason]?.map(\.raw) == rows.map { "\($0.line - 1),\($0.raw)" })
            }
        }
        // Counted by hand from the comments above.
        let events = database.report.events
        #expect(database.report.users.kept == 3 && database.report.users.counts[.missingUserID] == 2)
        #expect(database.report.users.counts[.invalidAge] == 1 && database.report.items.counts[.duplicateItemID] == 1)
        #expect(database.report.items.repairs.values.reduce(0, +) == 2)
        #expect(events.kept == 3 && events.counts[.duplicateEvent] == 2 && events.counts[.missingValue] == 2)
        #expect(events.counts[.invalidWatchSeconds] == 2 && events.counts[.unknownEventType] == 1)
        #expect(events.counts[.invalidTimestamp] == 1 && events.counts[.unknownUser] == 1 && events.counts[.unknownItem] == 1)

        // recsite check names the table and the row, and never the password.
        let check = try RecsiteProcess.run(["check", "--data", url])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("    \(schema.name).events (row 4): 4,u2,i2,watch,5,2025-01-02\n"), "\(check.stdout)")
        #expect(check.stdout.contains("    \(schema.name).users (row 2): 2,,Cy,20,m,x\n"))
        let password = try #require(try PostgresURL(PostgresTestServer.url!).password)
        #expect(!check.stdout.contains(password) && !check.stderr.contains(password))
        try await schema.drop()
    }
}
