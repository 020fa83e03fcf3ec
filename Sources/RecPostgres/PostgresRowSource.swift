import Foundation
import RecEngine

/// One table (or query) fetched from PostgreSQL, as the cleansing rules read
/// it. A row's location is its number from 1 in the order fetched, which
/// reports show as the row (`events`, row 12); its text is the row's fields
/// as a CSV line, so an example shows every value, the key included.
public struct PostgresRowSource: RowSource {
    public typealias Row = PostgresSourceRow

    public let name: String
    public let path: String
    public let columns: [String]
    public let hasInvalidUTF8: Bool
    /// How messages name it: `table events` or `events query`.
    let label: String
    private let table: PostgresTableRows
    private var position: Int
    private let end: Int

    /// - Parameters:
    ///   - name: how reports name it (`PostgresTableSpec.name`).
    ///   - label: how messages name it (`PostgresTableSpec.label`).
    ///   - path: how errors name it (URL without password, then the table).
    init(name: String, label: String, path: String, columns: [String], table: PostgresTableRows) {
        (self.name, self.label, self.path, self.columns, self.table) = (name, label, path, columns, table)
        hasInvalidUTF8 = !table.isValidUTF8
        (position, end) = (0, table.rowCount)
    }

    private init(_ source: PostgresRowSource, rows: Range<Int>) {
        (name, label, path, columns) = (source.name, source.label, source.path, source.columns)
        (table, hasInvalidUTF8) = (source.table, source.hasInvalidUTF8)
        (position, end) = (rows.lowerBound, rows.upperBound)
    }

    public var estimatedRowCount: Int { end - position }
    /// Locations count rows from 1, in the order the query gave them.
    public var locationUnit: RowLocation.Unit { .row }

    public mutating func next(into row: inout PostgresSourceRow) -> Bool {
        guard position < end else { return false }
        row.fill(table, row: position)
        position += 1
        return true
    }

    /// Consecutive runs of rows of about equal size.
    /// - Complexity: O(count).
    public func parts(_ count: Int) -> [PostgresRowSource] {
        let rows = end - position, parts = max(1, min(count, rows / 10_000))
        return (0..<parts).map { part in
            PostgresRowSource(self, rows: (position + rows * part / parts)..<(position + rows * (part + 1) / parts))
        }
    }

    /// The row's fields joined by commas, quoted as CSV where needed.
    public func text(at location: RowLocation) -> String {
        let row = location.span.lowerBound
        return (0..<table.columnCount).map { field in
            let value = table.string(row: row, field: field)
            guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",")
    }

    public func isValidUTF8(at location: RowLocation) -> Bool {
        let start = table.start(of: location.span.lowerBound)
        let end = table.ends[location.span.lowerBound * table.columnCount + table.columnCount - 1]
        return PostgresTableRows.isValidUTF8(table.bytes[start..<end])
    }
}
