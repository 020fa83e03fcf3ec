import Testing
@testable import RecEngine

/// Loads one event row (after the header) with users u1, u2 and items i1, i2.
func cleanseOne(_ row: String) throws -> FileCleansing {
    try TestFiles.loadEvents([row]).report.events
}

/// The reason a single row gets, or nil when it is kept.
func reasonFor(_ row: String) throws -> CleansingReason? {
    let report = try cleanseOne(row)
    #expect(report.rowsRead == 1)
    #expect(report.kept + report.dropped == 1)
    return report.counts.keys.first
}

@Suite("Cleansing events.csv")
struct EventsCleansingTests {
    @Test("single rows: each rule alone", arguments: [
        ("u1,i1,play,10,2025-01-01", nil),
        ("u1,i1,PLAY,10,2025-01-01", nil),
        ("u1,i1, Complete ,10,2025-01-01", nil),
        ("\"u1\",\"i1\",\"like\",\"10\",\"2025-01-01\"", nil),
        ("u1,i1,play,10", .malformedRow),
        ("u1,i1,play,10,2025-01-01,extra", .malformedRow),
        ("u1,i1,play,10,\"2025-01-01", .malformedRow),
        ("u1,i1,watch,10,2025-01-01", .unknownEventType),
        ("u1,i1,play!,10,2025-01-01", .unknownEventType),
        ("u9,i1,play,10,2025-01-01", .unknownUser),
        ("U1,i1,play,10,2025-01-01", .unknownUser),  // IDs are case-sensitive
        ("u1,i9,play,10,2025-01-01", .unknownItem),
        ("u1,I1,play,10,2025-01-01", .unknownItem),
    ] as [(String, CleansingReason?)])
    func singleRule(row: String, expected: CleansingReason?) throws {
        #expect(try reasonFor(row) == expected)
    }

    @Test("an empty value in any of the five columns is a missing value", arguments: 0..<5)
    func missingValue(column: Int) throws {
        var fields = ["u1", "i1", "play", "10", "2025-01-01"]
        fields[column] = column % 2 == 0 ? "" : " \t "
        #expect(try reasonFor(fields.joined(separator: ",")) == .missingValue)
    }

    @Test("invalid watch_seconds", arguments: ["-1", "-0.5", "inf", "-inf", "nan", "0x10", "1e400", "abc", "1,5", ".", "1e"])
    func invalidWatchSeconds(value: String) throws {
        let field = value.contains(",") ? "\"\(value)\"" : value
        #expect(try reasonFor("u1,i1,play,\(field),2025-01-01") == .invalidWatchSeconds)
    }

    @Test("valid watch_seconds and their values", arguments: [
        ("1e3", 1000.0), (".5", 0.5), ("5.", 5), ("-0", 0), ("+2", 2), ("0", 0), (" 12.25 ", 12.25),
    ])
    func validWatchSeconds(value: String, expected: Double) throws {
        let dataset = try TestFiles.loadEvents(["u1,i1,play,\(value),2025-01-01"])
        #expect(dataset.report.events.kept == 1)
        #expect(dataset.events.watchSeconds == [expected])
    }

    @Test("invalid timestamps", arguments: [
        "2025-02-30", "2025-13-01", "2025-02-29", "2025-01-01T24:00", "2025-01-01T23:60", "2025-01-01T23:59:60",
        "2025-01-01t10:00", "2025-01-01T10:00z", "2025-01-01Z", "2025-01-01+07:00", "2025-01-01T10:00+0700",
        "2025-01-01T10:00:00.", "2025/01/01", "yesterday",
    ])
    func invalidTimestamp(value: String) throws {
        #expect(try reasonFor("u1,i1,play,10,\(value)") == .invalidTimestamp)
    }

    @Test("valid timestamps", arguments: [
        ("2024-02-29", Int64(1_709_164_800)),
        ("2025-01-01 10:00", TimestampParserTests.newYear2025 + 36_000),
        ("2025-01-01T10:00:00.123456789123", TimestampParserTests.newYear2025 + 36_000),
        ("2025-01-01T10:00+10:00", TimestampParserTests.newYear2025),
        ("2025-01-01T10:00:00-02:30", TimestampParserTests.newYear2025 + 45_000),
        (" 2025-01-01T00:00:00Z\t", TimestampParserTests.newYear2025),
    ])
    func validTimestamp(value: String, seconds: Int64) throws {
        let dataset = try TestFiles.loadEvents(["u1,i1,play,10,\(value)"])
        #expect(dataset.report.events.kept == 1)
        #expect(dataset.events.seconds == [seconds])
    }

    @Test("the first broken rule is the reason", arguments: [
        ("u1,,watch,-1,bad,extra", CleansingReason.malformedRow),
        ("u1,,watch,-1,bad", .missingValue),
        ("u9,i9,watch,-1,bad", .unknownEventType),
        ("u9,i9,play,-1,bad", .invalidWatchSeconds),
        ("u9,i9,play,1,2025-02-30", .invalidTimestamp),
        ("u9,i9,play,1,2025-01-01", .unknownUser),
        ("u1,i9,play,1,2025-01-01", .unknownItem),
    ])
    func ruleOrder(row: String, expected: CleansingReason) throws {
        #expect(try reasonFor(row) == expected)
    }

    @Test("duplicates are found after normalisation", arguments: [
        ("u1,i1,play,10,2025-01-01", "u1,i1,play,10,2025-01-01", true),
        ("u1,i1,play,10,2025-01-01", "u1,i1,play,10.0,2025-01-01", true),
        ("u1,i1,play,10,2025-01-01", "u1,i1,play,1e1,2025-01-01", true),
        ("u1,i1,play,.5,2025-01-01", "u1,i1,play,.50,2025-01-01", true),
        ("u1,i1,play,0,2025-01-01", "u1,i1,play,-0,2025-01-01", true),
        ("u1,i1,play,5,2025-01-01T07:00+07:00", "u1,i1,play,5,2025-01-01T00:00Z", true),
        ("u1,i1,play,5,2025-01-01", "u1,i1,play,5,2025-01-01 00:00:00.000", true),
        ("u1,i1,play,5,2025-01-01T00:00:00.5", "u1,i1,play,5,2025-01-01T00:00:00.50Z", true),
        ("u1,i1,play,5,2025-01-01", "u1,i1,PLAY,5,2025-01-01", true),
        ("u1,i1,play,5,2025-01-01", " u1 ,\u{A0}i1,play , 5 ,2025-01-01 ", true),
        ("u1,i1,play,5,2025-01-01", "u1,i1,pause,5,2025-01-01", false),
        ("u1,i1,play,5,2025-01-01", "u2,i1,play,5,2025-01-01", false),
        ("u1,i1,play,5,2025-01-01", "u1,i2,play,5,2025-01-01", false),
        ("u1,i1,play,5,2025-01-01", "u1,i1,play,5.000001,2025-01-01", false),
        ("u1,i1,play,5,2025-01-01T00:00:00.5", "u1,i1,play,5,2025-01-01T00:00:00.51", false),
        ("u1,i1,play,5,2025-01-01T00:00:00.5", "u1,i1,play,5,2025-01-01T00:00:00.05", false),
        ("u1,i1,play,5,2025-01-01T07:00+07:00", "u1,i1,play,5,2025-01-01T07:00Z", false),
        // 19 digits are kept as one integer, more are numbered by their digits.
        ("u1,i1,play,5,2025-01-01T00:00:00.1234567890123456789", "u1,i1,play,5,2025-01-01T00:00:00.1234567890123456789000Z", true),
        ("u1,i1,play,5,2025-01-01T00:00:00.1234567890123456789", "u1,i1,play,5,2025-01-01T00:00:00.12345678901234567891", false),
        ("u1,i1,play,5,2025-01-01T00:00:00.01234567890123456789", "u1,i1,play,5,2025-01-01T00:00:00.1234567890123456789", false),
        ("u1,i1,play,5,2025-01-01T00:00:00.12345678901234567891234567890123456789", "u1,i1,play,5,2025-01-01T00:00:00.1234567890123456789123456789012345678900", true),
        ("u1,i1,play,5,2025-01-01T00:00:00.12345678901234567891234567890123456789", "u1,i1,play,5,2025-01-01T00:00:00.123456789012345678912345678901234567891", false),
        ("u1,i1,play,5,2025-01-01T00:00:00.91234567890123456789", "u1,i1,play,5,2025-01-01T00:00:01.91234567890123456789", false),
    ])
    func duplicates(first: String, second: String, duplicate: Bool) throws {
        let report = try TestFiles.loadEvents([first, second]).report.events
        #expect(report.kept == (duplicate ? 1 : 2))
        #expect(counts(report) == (duplicate ? ["duplicate event": 1] : [:]))
        if duplicate { #expect(examples(report, .duplicateEvent).map(\.line) == [3]) }
    }

    @Test("a copy of a dropped event is not a duplicate; copies of a kept one all are")
    func duplicateOfDropped() throws {
        let report = try TestFiles.loadEvents([
            "u1,i1,play,10,2025-01-01,extra",        // 2 malformed
            "u1,i1,play,10,2025-01-01",              // 3 kept: the malformed row registered nothing
            "u1,i1,play,10.0,2025-01-01T00:00Z",     // 4 duplicate of 3
            "u1,i1,play,1e1,2025-01-01",             // 5 duplicate of 3 (not of 4)
            "u1,i2,skip,-0,2025-01-01",              // 6 kept
        ]).report.events
        #expect(report.kept == 2)
        #expect(counts(report) == ["malformed row": 1, "duplicate event": 2])
        #expect(examples(report, .duplicateEvent).map(\.line) == [4, 5])
    }

    @Test("events of a user whose only row was malformed are unknown; of a user with a dropped duplicate row, known")
    func droppedUsers() throws {
        let dataset = try TestFiles.load(
            users: "user_id,name\nu1,Ann\nu5,Bad,extra\nu1,Again\n,Anon\n",
            events: TestFiles.eventsHeader + "\nu5,i1,play,1,2025-01-01\nu1,i1,play,1,2025-01-01\n")
        #expect(dataset.users.map(\.id) == ["u1"])
        #expect(counts(dataset.report.events) == ["unknown user": 1])
        #expect(examples(dataset.report.events, .unknownUser).map(\.line) == [2])
        #expect(dataset.report.events.kept == 1)
    }

    @Test("events of an item whose only row was malformed are unknown")
    func droppedItems() throws {
        let dataset = try TestFiles.load(
            items: "item_id,title\ni1,One\ni7,Bad,extra\n",
            events: TestFiles.eventsHeader + "\nu1,i7,play,1,2025-01-01\nu1,i1,play,1,2025-01-01\n")
        #expect(counts(dataset.report.events) == ["unknown item": 1])
        #expect(dataset.report.events.kept == 1)
    }

    @Test("the event types known are those of the weight table")
    func customWeights() throws {
        let weights = try EventWeights([(" Watch ", 2)])
        let dataset = try TestFiles.load(
            events: TestFiles.eventsHeader + "\nu1,i1,WATCH,1,2025-01-01\nu1,i1,play,1,2025-01-01\n", weights: weights)
        #expect(counts(dataset.report.events) == ["unknown event type": 1])
        #expect(dataset.eventTypes == ["watch"])
    }

    @Test("a whole file: counts, kept values, examples with file name, line and raw text", arguments: ["\n", "\r\n"])
    func wholeFile(lineEnd: String) throws {
        let lines = [
            TestFiles.eventsHeader,                          // 1
            "u1,i1,play,10,2025-01-01T00:00:00Z",            // 2 kept
            "",                                              // 3 empty: skipped, not counted
            "u1,i1,play,10.0,2025-01-01T07:00+07:00",        // 4 duplicate event
            "u1,i2,complete,1e3,2025-01-02 10:00",           // 5 kept
            "u1,i2,skip,5",                                  // 6 malformed
            "\"u2\",\"i1",                                   // 7 a record over two lines, kept: "i1⏎" trims to i1
            "\",play,1,2025-01-01",                          // 8
            "u2,i1,pause,,2025-01-03",                       // 9 missing value
            "u2,i1,stop,1,2025-01-03",                       // 10 unknown event type
            "u2,i1,play,-1,2025-01-03",                      // 11 invalid watch_seconds
            "u2,i1,play,1,2025-02-30",                       // 12 invalid timestamp
            "u3,i1,play,1,2025-01-03",                       // 13 unknown user
            "u2,i3,play,1,2025-01-03",                       // 14 unknown item
            "u2,i2,\"like\",\".5\",2025-01-04T00:00:00.5",   // 15 kept
            "u2,i2,like,0.50,2025-01-04T00:00:00.50Z",       // 16 duplicate event
            "u2,i2,like,0.5,2025-01-04T00:00:00.51Z",        // 17 kept
            "\"u1,i1,play,1,2025-01-05",                     // 18 unterminated quote: malformed, to the end
            "u1,i1,play,2,2025-01-06",                       // 19
        ]
        let dataset = try TestFiles.load(events: lines.joined(separator: lineEnd))
        let report = dataset.report.events
        #expect(report.file == "events.csv")
        #expect(report.rowsRead == 15)
        #expect(report.kept == 5)
        #expect(report.dropped == 10)
        #expect(counts(report) == [
            "duplicate event": 2, "malformed row": 2, "missing value": 1, "unknown event type": 1,
            "invalid watch_seconds": 1, "invalid timestamp": 1, "unknown user": 1, "unknown item": 1,
        ])
        #expect(report.reasons.map(\.reason) == [
            .malformedRow, .missingValue, .unknownEventType, .invalidWatchSeconds, .invalidTimestamp,
            .unknownUser, .unknownItem, .duplicateEvent,
        ])
        let all = report.examples.values.flatMap { $0 }.sorted { $0.line < $1.line }
        #expect(all.map(\.line) == [4, 6, 9, 10, 11, 12, 13, 14, 16, 18])
        #expect(all.allSatisfy { $0.file == "events.csv" })
        #expect(all.map(\.raw) == [
            lines[3], lines[5], lines[8], lines[9], lines[10], lines[11], lines[12], lines[13], lines[15],
            lines[17] + lineEnd + lines[18],
        ])
        #expect(all.map(\.reason) == [
            .duplicateEvent, .malformedRow, .missingValue, .unknownEventType, .invalidWatchSeconds,
            .invalidTimestamp, .unknownUser, .unknownItem, .duplicateEvent, .malformedRow,
        ])
        let newYear = TimestampParserTests.newYear2025
        #expect(dataset.events.user == [0, 0, 1, 1, 1])
        #expect(dataset.events.item == [0, 1, 0, 1, 1])
        #expect(dataset.events.type.map { dataset.eventTypes[Int($0)] } == ["play", "complete", "play", "like", "like"])
        #expect(dataset.events.watchSeconds == [10, 1000, 1, 0.5, 0.5])
        #expect(dataset.events.seconds == [newYear, newYear + 86_400 + 36_000, newYear, newYear + 3 * 86_400, newYear + 3 * 86_400])
    }

    @Test("only the first 5 examples per reason are kept")
    func examplesAreCapped() throws {
        let report = try TestFiles.loadEvents((1...7).map { "u1,i1,type\($0),1,2025-01-01" }).report.events
        #expect(counts(report) == ["unknown event type": 7])
        #expect(examples(report, .unknownEventType).map(\.line) == [2, 3, 4, 5, 6])
        #expect(examples(report, .unknownEventType).map(\.raw) == (1...5).map { "u1,i1,type\($0),1,2025-01-01" })
    }
}
