import Foundation
import RecEngine
import RecPostgres
import Testing

/// Typed columns (integer, double precision, numeric, timestamptz,
/// timestamp, date) cleanse as the same values written in a CSV file.
@Suite("Typed PostgreSQL columns", .enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresTypedColumnsTests {
    /// Each event as SQL literals for the typed table, and as the CSV file would hold it.
    static let events: [(sql: String, csv: String)] = [
        ("'u1', 'i1', 'play', 10, '2025-01-01 00:00:00+00'", "u1,i1,play,10,2025-01-01T00:00:00Z"),
        ("'u1', 'i2', 'like', 0.1, '2025-01-01 07:00:00.25+07'", "u1,i2,like,0.1,2025-01-01T00:00:00.25Z"),
        ("'u1', 'i1', 'play', 10, '2025-01-01 09:00:00+09'", "u1,i1,play,10,2025-01-01T00:00:00Z"),  // duplicate event
        ("'u2', 'i1', 'play', 'Infinity', '2025-01-02 00:00:00+00'", "u2,i1,play,inf,2025-01-02T00:00:00Z"),
        ("'u2', 'i1', 'play', 'NaN', '2025-01-02 00:00:00+00'", "u2,i1,play,nan,2025-01-02T00:00:00Z"),
        ("'u2', 'i1', 'play', 5, 'infinity'", "u2,i1,play,5,infinity"),
        ("'u2', 'i1', 'play', 5, '0044-03-15 00:00:00+00 BC'", "u2,i1,play,5,-0043-03-15T00:00:00Z"),
        ("'u2', 'i1', 'play', 5, '10000-01-01 00:00:00+00'", "u2,i1,play,5,10000-01-01T00:00:00Z"),
        ("'u2', 'i2', 'skip', '-0', '9999-12-31 23:59:59.999999+00'", "u2,i2,skip,-0,9999-12-31T23:59:59.999999Z"),
        ("'u2', 'i2', 'pause', NULL, '2025-01-03 00:00:00+00'", "u2,i2,pause,,2025-01-03T00:00:00Z"),
        ("'u2', 'i2', 'save', 1e-300, '0001-01-01 00:00:00+00'", "u2,i2,save,1e-300,0001-01-01T00:00:00Z"),
    ]

    @Test("integer, double precision and timestamptz read as their CSV forms")
    func typedAsCSV() async throws {
        let schema = try await PostgresTestServer.schema("typed")
        let s = schema.name
        try await schema.execute("CREATE TABLE \(s).users (user_id text, age integer)")
        try await schema.execute("INSERT INTO \(s).users VALUES ('u1', 30), ('u2', NULL), ('u3', -4)")
        try await schema.execute("CREATE TABLE \(s).items (item_id bigint, title text)")
        try await schema.execute("INSERT INTO \(s).items VALUES (1, 'One'), (2, 'Two')")
        try await schema.execute("CREATE TABLE \(s).events (n integer, user_id text, item_id text, event_type text, "
                                 + "watch_seconds double precision, timestamp timestamptz)")
        let values = Self.events.enumerated().map { "(\($0.offset + 1), \(Self.itemNumbers($0.element.sql, quote: "'")))" }
        try await schema.execute("INSERT INTO \(s).events VALUES " + values.joined(separator: ", "))
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("user_id,age\nu1,30\nu2,\nu3,-4\n".utf8).write(to: folder.appendingPathComponent("users.csv"))
        try Data("item_id,title\n1,One\n2,Two\n".utf8).write(to: folder.appendingPathComponent("items.csv"))
        let csvEvents = Self.events.enumerated().map { "\($0.offset + 1),\(Self.itemNumbers($0.element.csv, quote: ","))" }
        try Data((["n,user_id,item_id,event_type,watch_seconds,timestamp"] + csvEvents).joined(separator: "\n").utf8)
            .write(to: folder.appendingPathComponent("events.csv"))

        let url = PostgresTestServer.url(["users", "items", "events"].map { ($0, "\(s).\($0)") })
        let database = try DataStores.open(url).load(workers: 1)
        let csv = try CSVFolder(directory: folder.path).load(workers: 1)
        #expect(database.users == csv.users && database.items == csv.items)
        #expect(database.users.map(\.age) == [30, nil, nil])
        #expect(database.events.seconds == csv.events.seconds && database.events.user == csv.events.user)
        #expect(database.events.watchSeconds.map(\.bitPattern) == csv.events.watchSeconds.map(\.bitPattern))
        let db = database.report.events, file = csv.report.events
        #expect(db.counts == file.counts && db.kept == file.kept && db.kept == 4)
        #expect(db.counts[.invalidWatchSeconds] == 2 && db.counts[.invalidTimestamp] == 3 && db.counts[.duplicateEvent] == 1)
        #expect(db.counts[.missingValue] == 1 && database.report.users.counts[.invalidAge] == 1)
        // Examples show the values as recsite read them, in UTC and shortest-exact.
        #expect(db.examples[.invalidWatchSeconds]?.map(\.raw) == ["4,u2,1,play,Infinity,2025-01-02T00:00:00Z",
                                                                   "5,u2,1,play,NaN,2025-01-02T00:00:00Z"])
        #expect(db.examples[.invalidTimestamp]?.map(\.raw) == ["6,u2,1,play,5,infinity",
                                                                "7,u2,1,play,5,0044-03-15 00:00:00+00 BC",
                                                                "8,u2,1,play,5,10000-01-01 00:00:00+00"])
        #expect(db.examples[.duplicateEvent]?.map(\.raw) == ["3,u1,1,play,10,2025-01-01T00:00:00Z"])
        try await schema.drop()
    }

    /// The events with item IDs as numbers (`i1` → `1`), for the bigint `item_id`.
    static func itemNumbers(_ text: String, quote: String) -> String {
        text.replacingOccurrences(of: "\(quote)i1", with: "\(quote)1").replacingOccurrences(of: "\(quote)i2", with: "\(quote)2")
    }
}
