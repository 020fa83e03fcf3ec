import Testing
@testable import RecEngine

/// events.csv read in parts on several cores gives exactly what one reader
/// gives: the same kept events in the same order, the same counts, the same
/// first examples of each reason with their line numbers.
@Suite("events.csv read in parts")
struct ParallelCleansingTests {
    /// A quote-free events file over 1 MiB (so it is split) with every
    /// per-row defect, duplicates across part boundaries, CRLF and blank lines.
    static func dirtyEvents(rows: Int, seed: UInt64) -> String {
        var random = SeededRandom(seed: seed, stream: 1)
        var lines: [String] = [TestFiles.eventsHeader]
        var earlier: [String] = []
        for n in 0..<rows {
            let user = "u\(random.below(40))", item = "i\(random.below(30))"
            var line = "\(user),\(item),\(["play", "LIKE", "skip", "save"][random.below(4)]),\(random.below(900)),"
                + "2025-0\(1 + random.below(9))-1\(random.below(10))T1\(random.below(10)):00:00Z"
            switch random.below(40) {
            case 0: line = "u\(random.below(40)),i1,play"  // malformed
            case 1: line = "u1,,play,10,2025-01-01"  // missing value
            case 2: line = "u1,i1,watch,10,2025-01-01"  // unknown type
            case 3: line = "u1,i1,play,-5,2025-01-01"  // invalid seconds
            case 4: line = "u1,i1,play,5,2025-13-01"  // invalid timestamp
            case 5: line = "nobody\(n),i1,play,5,2025-01-01"  // unknown user
            case 6: line = "u1,gone,play,5,2025-01-01"  // unknown item
            case 7, 8: if !earlier.isEmpty { line = earlier[random.below(earlier.count)] }  // duplicate, maybe far back
            case 9: line += "\r"  // CRLF
            case 10: lines.append("")  // a blank line before the row
            default: break
            }
            lines.append(line)
            if n % 7 == 0 { earlier.append(line) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static let users = TestFiles.usersHeader + "\n" + (0..<40).map { "u\($0),N\($0),30,f,r" }.joined(separator: "\n") + "\n"
    static let items = TestFiles.itemsHeader + "\n" + (0..<30).map { "i\($0),T\($0),movie,g" }.joined(separator: "\n") + "\n"

    static func load(_ events: String, workers: Int) throws -> Dataset {
        try load(Array(events.utf8), users: Array(users.utf8), workers: workers)
    }

    static func load(_ events: [UInt8], users: [UInt8], workers: Int) throws -> Dataset {
        try DatasetLoader.load(
            users: ("users.csv", users), items: ("items.csv", Array(items.utf8)),
            events: ("events.csv", events), workers: workers)
    }

    /// The rows of `parts`, read in order, with the file's line numbers:
    /// each later part's lines shifted by the lines of the parts before it.
    static func rows(of parts: [CSVReader]) -> [(Int, String)] {
        var parts = parts, rows: [(Int, String)] = [], offset = 0, row = CSVRecord()
        for index in parts.indices {
            while parts[index].next(into: &row) { rows.append((row.line + offset, parts[index].rawText(of: row))) }
            offset += parts[index].nextLine - 1
        }
        return rows
    }

    static func rows(of whole: CSVReader) -> [(Int, String)] {
        var whole = whole, rows: [(Int, String)] = [], row = CSVRecord()
        while whole.next(into: &row) { rows.append((row.line, whole.rawText(of: row))) }
        return rows
    }

    /// The same kept events, in order, bit for bit.
    static func sameEvents(_ a: Dataset, _ b: Dataset) -> Bool {
        a.events.user == b.events.user && a.events.item == b.events.item && a.events.type == b.events.type
            && a.events.seconds == b.events.seconds
            && a.events.watchSeconds.map(\.bitPattern) == b.events.watchSeconds.map(\.bitPattern)
    }

    @Test(arguments: [(40_000, 3 as UInt64), (60_000, 4)])
    func anyWorkerCountGivesTheSameDatasetAndReport(rows: Int, seed: UInt64) throws {
        let events = Self.dirtyEvents(rows: rows, seed: seed)
        #expect(events.utf8.count > 1 << 20 && !events.contains("\""))
        let one = try Self.load(events, workers: 1)
        #expect(one.report.events.counts.count >= 7)
        #expect((one.report.events.counts[.duplicateEvent] ?? 0) > 100)
        for workers in [2, 3, 8] {
            let many = try Self.load(events, workers: workers)
            #expect(many.report == one.report, "workers \(workers)")
            #expect(Self.sameEvents(many, one), "workers \(workers)")
        }
    }

    @Test func partsCoverTheFileInOrderWithTheirLineNumbers() {
        let text = Self.dirtyEvents(rows: 40_000, seed: 9)
        let whole = CSVReader(bytes: Array(text.utf8))
        let parts = whole.parts(4)
        #expect(parts.count == 4)
        let expected = Self.rows(of: whole), got = Self.rows(of: parts)
        #expect(got.count == expected.count)
        #expect(got.elementsEqual(expected) { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    /// Quoted fields, some spanning lines, that no cut falls in: the file
    /// is still read in parts, with the rows and lines of one reader.
    @Test func quotedFieldsBetweenTheCutsKeepTheParts() throws {
        var lines = Self.dirtyEvents(rows: 40_000, seed: 10).split(separator: "\n", omittingEmptySubsequences: false)
        for n in stride(from: 5, to: 300, by: 7) { lines[n] = "u1,\"i\n1\",\"play\",5,2025-01-01" }  // unknown item
        for n in stride(from: 301, to: 600, by: 7) { lines[n] = "\"u2\",i2,\"LIKE\",\"7\",2025-02-01" }  // kept
        let text = lines.joined(separator: "\n")
        let parts = CSVReader(bytes: Array(text.utf8)).parts(3)
        #expect(parts.count == 3)
        let expected = Self.rows(of: CSVReader(bytes: Array(text.utf8)))
        #expect(Self.rows(of: parts).elementsEqual(expected) { $0.0 == $1.0 && $0.1 == $1.1 })
        let one = try Self.load(text, workers: 1), three = try Self.load(text, workers: 3)
        #expect((one.report.events.counts[.unknownItem] ?? 0) >= 42)
        #expect(three.report == one.report && Self.sameEvents(three, one))
    }

    /// A quoted field spanning lines across the middle of the file: the cut
    /// of two parts falls inside it, the first part ends inside the quote,
    /// and the file is read again whole, with the same rows and lines.
    @Test func aQuotedFieldAcrossACutIsReadWhole() throws {
        let text = Self.dirtyEvents(rows: 40_000, seed: 11)
        let spanning = "u1,i1,\"" + String(repeating: "x\n", count: 3000) + "\",5,2025-01-01\n"
        // Start the field a little before the middle of the final text, at a line start.
        var middle = text.utf8.index(text.utf8.startIndex, offsetBy: (text.utf8.count + spanning.utf8.count) / 2 - 2000)
        while text.utf8[text.utf8.index(before: middle)] != UInt8(ascii: "\n") { middle = text.utf8.index(after: middle) }
        let joined = String(text[..<middle]) + spanning + String(text[middle...])
        var parts = CSVReader(bytes: Array(joined.utf8)).parts(2)
        var row = CSVRecord()
        while parts[0].next(into: &row) {}
        #expect(parts.count == 2 && parts[0].endedInsideQuote)
        let one = try Self.load(joined, workers: 1), two = try Self.load(joined, workers: 2)
        let all = Self.rows(of: CSVReader(bytes: Array(joined.utf8)))
        #expect(all.contains { $0.1.hasPrefix("u1,i1,\"x") } && one.report.events.rowsRead == all.count - 1)  // all: with the header
        #expect(two.report == one.report && Self.sameEvents(two, one))
    }

    /// Rows with invalid UTF-8 in parts: a user ID whose bad byte users.csv
    /// shares is kept (looked up as a string, U+FFFD for the byte) and counted
    /// as a repair; other rows' IDs are looked up by bytes.
    @Test func invalidUTF8RowsInParts() throws {
        let users = Array(Self.users.utf8) + Array("u".utf8) + [0xFF] + Array("x,Bad,30,f,r\n".utf8)
        var events = Array(Self.dirtyEvents(rows: 40_000, seed: 12).utf8)
        var added = 0
        for n in 0..<50 {
            events += Array("u".utf8) + [0xFF] + Array("x,i\(n % 30),play,\(n),2025-03-01T10:00:00Z\n".utf8)
            events += Array("u1\(n),i1,play,5,2025-01-01".utf8) + [0xFE] + Array("\n".utf8)  // bad timestamp
            added += 1
        }
        let one = try Self.load(events, users: users, workers: 1), three = try Self.load(events, users: users, workers: 3)
        #expect(one.report.events.repairs[FileCleansing.invalidUTF8Repair] == added)
        #expect(one.users.contains { $0.id == "u\u{FFFD}x" })
        #expect(three.report == one.report && Self.sameEvents(three, one))
    }

    /// A file with only CR line ends (old Mac) gives the dataset and report
    /// of the same file with LF (line numbers included), read whole or in
    /// parts; its parts start where one reader's rows do (issue 17, class 13).
    @Test func crOnlyLineEndsReadLikeLF() throws {
        let lf = Self.dirtyEvents(rows: 40_000, seed: 5).replacingOccurrences(of: "\r", with: "")
        let crOnly = lf.replacingOccurrences(of: "\n", with: "\r")
        #expect(!crOnly.contains("\n") && crOnly.utf8.count > 1 << 20)
        let expected = try Self.load(lf, workers: 1)
        #expect(expected.events.count > 30_000)
        for workers in [1, 3] {
            let got = try Self.load(crOnly, workers: workers)
            #expect(got.report == expected.report, "workers \(workers)")
            #expect(got.events.user == expected.events.user && got.events.item == expected.events.item)
            #expect(got.events.seconds == expected.events.seconds)
        }
        // Parts of a CR-only file and of one mixing CR, LF and CRLF.
        for text in [crOnly, Self.dirtyEvents(rows: 40_000, seed: 6).replacingOccurrences(of: "9,", with: "9\r,")
                        .replacingOccurrences(of: "\n", with: "\r")] {
            let whole = CSVReader(bytes: Array(text.utf8))
            let parts = whole.parts(4)
            #expect(parts.count == 4)
            let expectedRows = Self.rows(of: whole), gotRows = Self.rows(of: parts)
            #expect(gotRows.count == expectedRows.count)
            #expect(gotRows.elementsEqual(expectedRows) { $0.0 == $1.0 && $0.1 == $1.1 })
        }
    }
}
