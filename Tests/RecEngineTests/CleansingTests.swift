import Testing
@testable import RecEngine

/// The counts of a file's report as plain values, for whole-report checks.
func counts(_ file: FileCleansing) -> [String: Int] {
    var out: [String: Int] = [:]
    for (reason, count) in file.counts { out[reason.rawValue] = count }
    return out
}

/// The examples of one reason as (line, raw) pairs.
func examples(_ file: FileCleansing, _ reason: CleansingReason) -> [(line: Int, raw: String)] {
    (file.examples[reason] ?? []).map { ($0.line, $0.raw) }
}

@Suite("Cleansing users.csv")
struct UsersCleansingTests {
    @Test("every rule alone and together, with exact counts, in SPEC order")
    func combined() throws {
        var csv = CSVBuilder("user_id", "name", "age", "gender", "region")
        csv.row("u1", "Ann", "30", "F", "north")      // 2 kept
        csv.row("u2", "Bob")                          // 3 malformed: too few fields
        csv.row("", "Cy", "20", "m", "x")             // 4 missing user_id
        csv.row("u1", "Dup", "40", "m", "x")          // 5 duplicate (first wins)
        csv.row("u3", "Eve", "+5", "F", "x")          // 6 kept, age 5
        csv.row("u4", "Fay", "-0", "f", "x")          // 7 kept, age 0
        csv.row("u5", "Gus", "121", "m", "x")         // 8 kept, invalid age
        csv.row("u6", "Hal", "1e3", "m", "x")         // 9 kept, invalid age
        csv.row("u7", "Ida", "abc", "f", "x")         // 10 kept, invalid age
        csv.row("u8", "Jo", "", "f", "x")             // 11 kept, empty age: unknown, not counted
        csv.row("\"u2\"", "Bob", "33", "M", "x")      // 12 kept: the malformed u2 registered nothing
        csv.row("u9", "Ken", "120", "m", "x", "extra") // 13 malformed: too many fields
        csv.row("  ", "Lu", "1", "f", "x")            // 14 missing user_id (spaces only), not a duplicate of line 4
        csv.row("u9", "Ken", " 120 ", "m", "x")       // 15 kept: the malformed u9 registered nothing
        csv.raw("   ")                                // 16 a line of spaces: one field → malformed
        csv.row("u5", "Gus again", "50", "m", "x")    // 17 duplicate: an invalid age still keeps (and registers) the row
        let dataset = try TestFiles.load(users: csv.text)
        let report = dataset.report.users
        #expect(report.file == "users.csv")
        #expect(report.rowsRead == 16)
        #expect(report.kept == 9)
        #expect(report.dropped == 7)
        #expect(counts(report) == [
            "malformed row": 3, "missing user_id": 2, "duplicate user_id": 2, "invalid age": 3,
        ])
        #expect(examples(report, .malformedRow).map(\.line) == [3, 13, 16])
        #expect(examples(report, .malformedRow).map(\.raw) == ["u2,Bob", "u9,Ken,120,m,x,extra", "   "])
        #expect(examples(report, .missingUserID).map(\.line) == [4, 14])
        #expect(examples(report, .duplicateUserID).map(\.line) == [5, 17])
        #expect(examples(report, .invalidAge).map(\.line) == [8, 9, 10])
        #expect(report.reasons.map(\.reason) == [.malformedRow, .missingUserID, .duplicateUserID, .invalidAge])

        #expect(dataset.users.map(\.id) == ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"])
        #expect(dataset.users.map(\.age) == [30, 33, 5, 0, nil, nil, nil, nil, 120])
        #expect(dataset.users[0] == User(id: "u1", name: "Ann", age: 30, gender: "f", region: "north"))
        #expect(dataset.users[1].name == "Bob")  // the kept u2 is line 12's
        #expect(dataset.users[4].name == "Gus")  // first wins
        #expect(dataset.users[1].gender == "m")  // lower-cased
    }

    @Test("an age that is not an integer in 0…120 keeps the row, age unknown, counted once", arguments: [
        "121", "1e3", "abc", "-1", "4.0", "+", "1 2", "999999999999999999999",
    ])
    func invalidAge(age: String) throws {
        let dataset = try TestFiles.load(users: "user_id,age\nu1,\(age)\n")
        #expect(dataset.users == [User(id: "u1", age: nil)])
        #expect(counts(dataset.report.users) == ["invalid age": 1])
        #expect(dataset.report.users.kept == 1)
        #expect(dataset.report.users.dropped == 0)
        #expect(examples(dataset.report.users, .invalidAge).map(\.raw) == ["u1,\(age)"])
    }

    @Test("valid ages, including +5 and -0", arguments: [("+5", 5), ("-0", 0), ("0", 0), ("120", 120), (" 7 ", 7), ("\"42\"", 42)])
    func validAge(text: String, expected: Int) throws {
        let dataset = try TestFiles.load(users: "user_id,age\nu1,\(text)\n")
        #expect(dataset.users.map(\.age) == [expected])
        #expect(dataset.report.users.counts.isEmpty)
    }

    @Test("an empty age, or no age column at all, is unknown and not counted", arguments: [
        "user_id,age\nu1,\n", "user_id,age\nu1,  \n", "user_id\nu1\n",
    ])
    func emptyAge(users: String) throws {
        let dataset = try TestFiles.load(users: users)
        #expect(dataset.users == [User(id: "u1")])
        #expect(dataset.report.users.counts.isEmpty)
    }

    @Test("with a single column, a line of spaces is a row with a missing user_id")
    func singleColumnSpaces() throws {
        let dataset = try TestFiles.load(users: "user_id\nu1\n   \n")
        #expect(counts(dataset.report.users) == ["missing user_id": 1])
        #expect(examples(dataset.report.users, .missingUserID).map(\.line) == [3])
    }

    @Test("IDs are trimmed before they are compared, so ' u1 ' duplicates 'u1'")
    func trimmedDuplicates() throws {
        let dataset = try TestFiles.load(users: "user_id\nu1\n\u{A0}u1\t\n\"u1 \"\n")
        #expect(dataset.users.map(\.id) == ["u1"])
        #expect(counts(dataset.report.users) == ["duplicate user_id": 2])
    }

    @Test("IDs are compared without normalisation: precomposed and decomposed é are two users")
    func noNormalisation() throws {
        let dataset = try TestFiles.load(
            users: "user_id,name\n\u{E9},precomposed\ne\u{301},decomposed\n\u{E9},again\n",
            events: TestFiles.eventsHeader + "\ne\u{301},i1,play,10,2025-01-01\n\u{E9},i2,play,20,2025-01-01\n")
        #expect(bytes(dataset.users.map(\.id)) == bytes(["e\u{301}", "\u{E9}"]))  // UTF-8 byte order
        #expect(dataset.users.map(\.name) == ["decomposed", "precomposed"])
        #expect(counts(dataset.report.users) == ["duplicate user_id": 1])
        #expect(dataset.report.events.kept == 2)
        #expect(dataset.events.user == [0, 1])  // each event finds its own user
        #expect(dataset.userIndex["e\u{301}"] == 0)
        #expect(dataset.userIndex["\u{E9}"] == 1)
    }

    @Test("only the first 5 examples per reason are kept, in file order")
    func examplesAreCapped() throws {
        var csv = CSVBuilder("user_id", "name")
        for n in 1...8 { csv.row("u\(n)", "x", "extra") }
        let dataset = try TestFiles.load(users: csv.text)
        #expect(counts(dataset.report.users) == ["malformed row": 8])
        #expect(examples(dataset.report.users, .malformedRow).map(\.line) == [2, 3, 4, 5, 6])
        #expect(dataset.report.users.examples[.malformedRow]!.allSatisfy { $0.file == "users.csv" && $0.reason == .malformedRow })
    }
}

@Suite("Cleansing items.csv")
struct ItemsCleansingTests {
    @Test("every rule alone and together, with exact counts and defaults")
    func combined() throws {
        var csv = CSVBuilder("item_id", "title", "content_type", "genre")
        csv.row("i1", "Alpha Story", "Movie", "Drama")   // 2 kept; type and genre lower-cased, title not
        csv.row("i2", "", "SERIES", "")                   // 3 kept: title i2, genre unknown
        csv.row("i3", "Gamma")                            // 4 malformed
        csv.row("", "Delta", "movie", "drama")            // 5 missing item_id
        csv.row("i1", "Again", "movie", "drama")          // 6 duplicate item_id
        csv.row("i4", "Eps", "  ", "  COMEDY ")           // 7 kept: content_type unknown
        csv.row("i3", "Gamma", "movie", "SCI-FI")         // 8 kept: malformed i3 registered nothing
        csv.row("\t", "", "", "")                         // 9 missing item_id (checked before the title)
        csv.row("i5", "\"\"", "\"\"", "\"\"")             // 10 kept: empty quoted fields are empty
        let dataset = try TestFiles.load(items: csv.text)
        let report = dataset.report.items
        #expect(report.file == "items.csv")
        #expect(report.rowsRead == 9)
        #expect(report.kept == 5)
        #expect(report.dropped == 4)
        #expect(counts(report) == ["malformed row": 1, "missing item_id": 2, "duplicate item_id": 1])
        #expect(examples(report, .missingItemID).map(\.line) == [5, 9])
        #expect(examples(report, .duplicateItemID).map(\.raw) == ["i1,Again,movie,drama"])
        #expect(report.repairs == [
            "empty title → item_id": 2, "empty content_type → unknown": 2, "empty genre → unknown": 2,
        ])
        #expect(dataset.items == [
            Item(id: "i1", title: "Alpha Story", contentType: "movie", genre: "drama"),
            Item(id: "i2", title: "i2", contentType: "series", genre: "unknown"),
            Item(id: "i3", title: "Gamma", contentType: "movie", genre: "sci-fi"),
            Item(id: "i4", title: "Eps", contentType: "unknown", genre: "comedy"),
            Item(id: "i5", title: "i5", contentType: "unknown", genre: "unknown"),
        ])
    }

    @Test("items.csv with only item_id gets every default")
    func onlyIDs() throws {
        let dataset = try TestFiles.load(items: "item_id\ni2\ni1\n")
        #expect(dataset.items == [Item(id: "i1", title: "i1"), Item(id: "i2", title: "i2")])
        #expect(dataset.report.items.counts.isEmpty)
    }

    @Test("a multi-line quoted title is kept and later line numbers account for it")
    func multiLineTitle() throws {
        let dataset = try TestFiles.load(items: "item_id,title\ni1,\"Two\nLines\"\ni1,dup\n")
        #expect(dataset.items.map(\.title) == ["Two\nLines"])
        #expect(examples(dataset.report.items, .duplicateItemID).map(\.line) == [4])
    }
}

@Suite("Columns and headers")
struct ColumnTests {
    @Test("columns are found by name in any order, trimmed and case-insensitive; extra columns are ignored")
    func columnsByName() throws {
        let dataset = try TestFiles.load(
            users: " REGION ,extra,User_ID,AGE\nnorth,zzz,u2,30\nsouth,,u1,\n",
            items: "Genre,Item_Id,\"Title\",junk,CONTENT_TYPE\nDrama,i1,One,x,Movie\n",
            events: " Timestamp ,EXTRA,Item_ID,watch_seconds,USER_ID,Event_Type\n2025-01-01,?,i1,10,u2,PLAY\n")
        #expect(dataset.users == [User(id: "u1", region: "south"), User(id: "u2", age: 30, region: "north")])
        #expect(dataset.items == [Item(id: "i1", title: "One", contentType: "movie", genre: "drama")])
        #expect(dataset.events.count == 1)
        #expect(dataset.events.user == [1])
        #expect(dataset.events.item == [0])
        #expect(dataset.eventTypes[Int(dataset.events.type[0])] == "play")
        #expect(dataset.events.watchSeconds == [10])
        #expect(dataset.events.seconds == [TimestampParserTests.newYear2025])
    }

    @Test("the row width is the header's: a row with the right count of fields but an extra column's value empty is fine")
    func extraColumnEmpty() throws {
        let dataset = try TestFiles.load(events: "user_id,item_id,event_type,watch_seconds,timestamp,note\nu1,i1,play,1,2025-01-01,\n")
        #expect(dataset.report.events.kept == 1)
        #expect(dataset.report.events.counts.isEmpty)
    }
}
