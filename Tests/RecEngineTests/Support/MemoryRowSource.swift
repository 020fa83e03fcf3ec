import Foundation
@testable import RecEngine

/// A table held as strings: a row source with no CSV reader behind it, to
/// show the cleansing rules depend only on `RowSource`. It is built from
/// comma-separated lines without quotes (an empty line is skipped but keeps
/// its number), so the same text read as CSV gives the same rows, lines and
/// examples. Its spans are row indices, and it renders a row by joining its
/// fields with commas.
struct MemoryRowSource: RowSource {
    struct Row: SourceRow {
        private var bytes: [UInt8] = []
        private var ends: [Int] = []
        private(set) var location = RowLocation(line: 0, span: 0..<0)

        var count: Int { ends.count }
        var isWhole: Bool { true }

        mutating func fill(_ fields: [String], location: RowLocation) {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            for field in fields {
                bytes.append(contentsOf: field.utf8)
                ends.append(bytes.count)
            }
            self.location = location
        }

        func withFields<R>(_ body: (RowFields) -> R) -> R {
            bytes.withUnsafeBufferPointer { bytes in
                ends.withUnsafeBufferPointer { ends in body(RowFields(bytes: bytes, ends: ends)) }
            }
        }
    }

    let name: String
    let path: String
    let columns: [String]
    private let rows: [[String]]
    private let lines: [Int]
    private var position: Int
    private var end: Int

    /// - Parameters:
    ///   - name: the report name, e.g. `events.csv`, to compare with a CSV file.
    ///   - text: a header line, then rows; fields split at commas.
    init(name: String, path: String, text: String) {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let split = { (line: String) in line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        columns = split(all[0]).map { $0.trimmingCharacters(in: .whitespaces) }
        var rows: [[String]] = [], lines: [Int] = []
        for (index, line) in all.enumerated().dropFirst() where !line.isEmpty {
            rows.append(split(line))
            lines.append(index + 1)
        }
        (self.name, self.path, self.rows, self.lines) = (name, path, rows, lines)
        (position, end) = (0, rows.count)
    }

    var estimatedRowCount: Int { rows.count }

    mutating func next(into row: inout Row) -> Bool {
        guard position < end else { return false }
        row.fill(rows[position], location: RowLocation(line: lines[position], span: position..<position + 1))
        position += 1
        return true
    }

    /// Always `count` parts (some may be empty), to exercise the parallel path on tiny data.
    func parts(_ count: Int) -> [MemoryRowSource] {
        (0..<max(1, count)).map { part in
            var copy = self
            copy.position = position + (end - position) * part / max(1, count)
            copy.end = position + (end - position) * (part + 1) / max(1, count)
            return copy
        }
    }

    func text(at location: RowLocation) -> String { rows[location.span.lowerBound].joined(separator: ",") }
}
