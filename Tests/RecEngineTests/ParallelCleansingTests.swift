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
        try DatasetLoader.load(
            users: ("users.csv", Array(users.utf8)), items: ("items.csv", Array(items.utf8)),
            events: ("events.csv", Array(events.utf8)), workers: workers)
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
            #expect(many.events.user == one.events.user && many.events.item == one.events.item)
            #expect(many.events.type == one.events.type && many.events.seconds == one.events.seconds)
            #expect(many.events.watchSeconds.map(\.bitPattern) == one.events.watchSeconds.map(\.bitPattern))
        }
    }

    @Test func partsCoverTheFileInOrderWithTheirLineNumbers() {
        let text = Self.dirtyEvents(rows: 40_000, seed: 9)
        var whole = CSVReader(bytes: Array(text.utf8))
        var parts = whole.parts(4)
        #expect(parts.count == 4)
        var expected: [(Int, String)] = []
        var row = CSVRecord()
        while whole.next(into: &row) { expected.append((row.line, whole.rawText(of: row))) }
        var got: [(Int, String)] = []
        for index in parts.indices {
            while parts[index].next(into: &row) { got.append((row.line, parts[index].rawText(of: row))) }
        }
        #expect(got.count == expected.count)
        #expect(got.elementsEqual(expected) { $0.0 == $1.0 && $0.1 == $1.1 })
    }

    @Test func aFileWithAQuoteIsReadInOnePart() {
        let text = Self.dirtyEvents(rows: 40_000, seed: 9) + "u1,\"i1\",play,5,2025-01-01\n"
        #expect(CSVReader(bytes: Array(text.utf8)).parts(4).count == 1)
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
            var whole = CSVReader(bytes: Array(text.utf8))
            var parts = whole.parts(4)
            #expect(parts.count == 4)
            var row = CSVRecord()
            var expectedRows: [(Int, String)] = [], gotRows: [(Int, String)] = []
            while whole.next(into: &row) { expectedRows.append((row.line, whole.rawText(of: row))) }
            for index in parts.indices {
                while parts[index].next(into: &row) { gotRows.append((row.line, parts[index].rawText(of: row))) }
            }
            #expect(gotRows.count == expectedRows.count)
            #expect(gotRows.elementsEqual(expectedRows) { $0.0 == $1.0 && $0.1 == $1.1 })
        }
    }
}
