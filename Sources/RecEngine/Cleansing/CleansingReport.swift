/// One dropped (or flagged) row, kept as an example for the data-quality report.
public struct DroppedRow: Sendable, Equatable {
    /// The source's name (`events.csv`), never a machine path.
    public let file: String
    /// The row's `RowLocation.line`: for CSV the 1-based physical line it
    /// starts on; for a database table its row number from 1 (`FileCleansing.unit`).
    public let line: Int
    public let reason: CleansingReason
    /// The row as its source renders it (`RowSource.text(at:)`): for CSV,
    /// as it stood in the file.
    public let raw: String

    func shifted(by lines: Int) -> DroppedRow {
        lines == 0 ? self : DroppedRow(file: file, line: line + lines, reason: reason, raw: raw)
    }
}

/// What cleansing did to one file.
public struct FileCleansing: Sendable, Equatable {
    /// At most this many examples are kept per reason.
    public static let examplesPerReason = 5

    /// The repair counted for a kept row whose bytes were not valid UTF-8
    /// (each bad sequence reads as U+FFFD; docs/rules.md).
    static let invalidUTF8Repair = "invalid UTF-8 → U+FFFD"

    public let file: String
    /// What the examples' `line` counts: file lines, or table rows.
    public let unit: RowLocation.Unit
    /// Data rows read (the header and empty lines excluded).
    public internal(set) var rowsRead = 0
    public internal(set) var kept = 0
    /// Rows per reason, dropped and flagged alike.
    public internal(set) var counts: [CleansingReason: Int] = [:]
    /// The first rows of each reason, in file order.
    public internal(set) var examples: [CleansingReason: [DroppedRow]] = [:]
    /// Repairs that keep a row (e.g. `empty title → item_id`), counted by description.
    public internal(set) var repairs: [String: Int] = [:]

    init(file: String, unit: RowLocation.Unit = .line) {
        self.file = file
        self.unit = unit
    }

    public var dropped: Int { counts.filter { $0.key.drops }.reduce(0) { $0 + $1.value } }

    /// Reasons with a count, in rule order.
    public var reasons: [(reason: CleansingReason, count: Int)] {
        counts.keys.sorted().map { ($0, counts[$0]!) }
    }

    mutating func record(_ reason: CleansingReason, line: Int, raw: @autoclosure () -> String) {
        counts[reason, default: 0] += 1
        if (examples[reason]?.count ?? 0) < Self.examplesPerReason {
            examples[reason, default: []].append(DroppedRow(file: file, line: line, reason: reason, raw: DisplayText.capped(raw(), limit: DisplayText.exampleLimit)))
        }
    }

    mutating func repair(_ description: String) {
        repairs[description, default: 0] += 1
    }

    /// Adds the report of the rows after this one's (a later part of the same
    /// file), whose example lines become the file's by adding `lineOffset`.
    mutating func absorb(_ later: FileCleansing, lineOffset: Int = 0) {
        rowsRead += later.rowsRead
        kept += later.kept
        counts.merge(later.counts, uniquingKeysWith: +)
        repairs.merge(later.repairs, uniquingKeysWith: +)
        for (reason, rows) in later.examples {
            let room = Self.examplesPerReason - (examples[reason]?.count ?? 0)
            if room > 0 { examples[reason, default: []] += rows.prefix(room).map { $0.shifted(by: lineOffset) } }
        }
    }
}

/// What cleansing did to the three input files.
public struct CleansingReport: Sendable, Equatable {
    public internal(set) var users: FileCleansing
    public internal(set) var items: FileCleansing
    public internal(set) var events: FileCleansing

    public var files: [FileCleansing] { [users, items, events] }
    public var totalDropped: Int { files.reduce(0) { $0 + $1.dropped } }
}
