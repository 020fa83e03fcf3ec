import Testing
@testable import RecEngine

/// SPEC §2's rules run on rows from any `RowSource`: a non-CSV source holding
/// the same table gives the same kept rows, reasons, counts and locations.
@Suite("Cleansing through a row source")
struct RowSourceCleansingTests {
    // Lines are numbered in the comments; empty lines are skipped but counted.
    static let users = [
        "user_id,name,age,gender,region",
        "u1,Ann,30,F,north",            // 2 kept
        "u2,Bob",                       // 3 malformed
        ",Cy,20,m,x",                   // 4 missing user_id
        "u1,Dup,40,m,x",                // 5 duplicate
        "u3,Eve,+5,F,x",                // 6 kept
        "",                             // 7 skipped
        "u5,Gus,121,m,x",               // 8 kept, invalid age
        "u4,Fay,-0,f,x",                // 9 kept
        "u9,Ken,120,m,x,extra",         // 10 malformed
        "   ,Lu,1,f,x",                 // 11 missing user_id
        "   ",                          // 12 malformed (one field)
        "u2,Bob,33,M,x",                // 13 kept
    ].map { $0 + "\n" }.joined()
    static let items = [
        "item_id,title,content_type,genre",
        "i1,Alpha,Movie,Drama",         // 2 kept
        "i2,,SERIES,",                  // 3 kept with repairs
        "i3,Gamma",                     // 4 malformed
        ",Delta,movie,drama",           // 5 missing item_id
        "i1,Again,movie,drama",         // 6 duplicate
        "i4,Eps,  ,  COMEDY ",          // 7 kept
    ].map { $0 + "\n" }.joined()
    static let events = [
        "user_id,item_id,event_type,watch_seconds,timestamp",
        "u1,i1,play,10,2025-01-01T00:00:00Z",           // 2 kept
        "u1,i1,play,10.0,2025-01-01T07:00:00+07:00",    // 3 duplicate of 2
        "u1,i1,play,10",                                // 4 malformed
        "u2,i2,,5,2025-01-02",                          // 5 missing value
        "u2,i2,watch,5,2025-01-02",                     // 6 unknown event type
        "u2,i2,like,-1,2025-01-02",                     // 7 invalid watch_seconds
        "u2,i2,like,1,2025-02-30",                      // 8 invalid timestamp
        "",                                             // 9 skipped
        "u9,i2,like,1,2025-01-03",                      // 10 unknown user
        "u2,i3,like,1,2025-01-03",                      // 11 unknown item (i3 was malformed)
        "u3, i4 , SAVE ,2.5,2025-01-04 10:00",          // 12 kept
        "u1,i1,play,10,2025-01-01",                     // 13 duplicate of 2
        "u3,i4,save,2.5,2025-01-04T10:00:00Z",          // 14 duplicate of 12
        "u4,i4,complete,0,2025-01-05",                  // 15 kept
        "u5,i2,pause,7,2025-01-06T00:00:00-01:00",      // 16 kept
    ].map { $0 + "\n" }.joined()

    static func csvDataset() throws -> Dataset {
        try TestFiles.load(users: users, items: items, events: events)
    }

    static func memoryDataset(workers: Int) throws -> Dataset {
        try DatasetLoader.cleanse(
            users: MemoryRowSource(name: "users.csv", path: "memory:users", text: users),
            items: MemoryRowSource(name: "items.csv", path: "memory:items", text: items),
            events: MemoryRowSource(name: "events.csv", path: "memory:events", text: events),
            workers: workers)
    }

    @Test("the same rows, reasons, counts, examples and locations as the CSV files", arguments: [1, 3])
    func sameAsCSV(workers: Int) throws {
        let csv = try Self.csvDataset(), memory = try Self.memoryDataset(workers: workers)
        #expect(memory.users == csv.users)
        #expect(memory.items == csv.items)
        #expect(memory.events.user == csv.events.user && memory.events.item == csv.events.item)
        #expect(memory.events.type == csv.events.type && memory.events.seconds == csv.events.seconds)
        #expect(memory.events.watchSeconds.map(\.bitPattern) == csv.events.watchSeconds.map(\.bitPattern))
        #expect(memory.report == csv.report)
        // The data above exercises every rule, so the comparison means something.
        let reasons = Set(csv.report.files.flatMap { $0.counts.keys })
        #expect(reasons == Set(CleansingReason.allCases), "\(CleansingReason.allCases.filter { !reasons.contains($0) })")
    }

    @Test("a dropped row keeps its source, line and text; kept rows as by hand")
    func locationsByHand() throws {
        let memory = try Self.memoryDataset(workers: 2)
        let users = memory.report.users, events = memory.report.events
        #expect(users.rowsRead == 11 && users.kept == 5)
        #expect(users.examples[.malformedRow]?.map { "\($0.file):\($0.line) \($0.raw)" }
                == ["users.csv:3 u2,Bob", "users.csv:10 u9,Ken,120,m,x,extra", "users.csv:12    "])
        #expect(users.examples[.invalidAge]?.map(\.line) == [8])
        #expect(memory.report.items.examples[.duplicateItemID]?.map { "\($0.line) \($0.raw)" } == ["6 i1,Again,movie,drama"])
        #expect(events.counts[.duplicateEvent] == 3)
        #expect(events.examples[.duplicateEvent]?.map { "\($0.file):\($0.line)" } == ["events.csv:3", "events.csv:13", "events.csv:14"])
        #expect(events.examples[.invalidTimestamp]?.map(\.raw) == ["u2,i2,like,1,2025-02-30"])
        #expect(events.kept == 4)
        #expect(memory.users.map(\.id) == ["u1", "u2", "u3", "u4", "u5"])
    }

    @Test("a missing required column names the source and the column")
    func missingColumn() throws {
        #expect(throws: RecEngineError.missingColumn(path: "memory:events", column: "timestamp",
                                                     found: ["user_id", "item_id", "event_type", "watch_seconds"])) {
            try DatasetLoader.cleanse(
                users: MemoryRowSource(name: "users.csv", path: "memory:users", text: Self.users),
                items: MemoryRowSource(name: "items.csv", path: "memory:items", text: Self.items),
                events: MemoryRowSource(name: "events.csv", path: "memory:events",
                                        text: "User_ID,item_id,event_type,watch_seconds\nu1,i1,play,1\n"))
        }
        #expect(throws: RecEngineError.missingColumn(path: "memory:users", column: "user_id", found: ["id"])) {
            try DatasetLoader.cleanse(
                users: MemoryRowSource(name: "users.csv", path: "memory:users", text: "id\nu1\n"),
                items: MemoryRowSource(name: "items.csv", path: "memory:items", text: Self.items),
                events: MemoryRowSource(name: "events.csv", path: "memory:events", text: Self.events))
        }
    }
}
