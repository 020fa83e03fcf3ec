import RecEngine

/// One fetched row, for `PostgresRowSource.next(into:)` to fill.
public struct PostgresSourceRow: SourceRow {
    private var table: PostgresTableRows?
    /// The row's field ends, relative to its first byte.
    private var ends: [Int] = []
    public private(set) var location = RowLocation(line: 0, span: 0..<0)

    public init() {}

    public var count: Int { ends.count }
    /// A database row always has every column.
    public var isWhole: Bool { true }

    mutating func fill(_ table: PostgresTableRows, row: Int) {
        self.table = table
        let start = table.start(of: row), first = row * table.columnCount
        ends.removeAll(keepingCapacity: true)
        for field in 0..<table.columnCount { ends.append(table.ends[first + field] - start) }
        // The row's number from 1, in the order the query gave the rows.
        location = RowLocation(line: row + 1, span: row..<(row + 1))
    }

    public func withFields<R>(_ body: (RowFields) -> R) -> R {
        guard let table else {
            return ends.withUnsafeBufferPointer { body(RowFields(bytes: UnsafeBufferPointer(start: nil, count: 0), ends: $0)) }
        }
        let start = table.start(of: location.span.lowerBound), length = ends.last ?? 0
        return table.bytes.withUnsafeBufferPointer { all in
            ends.withUnsafeBufferPointer { ends in
                body(RowFields(bytes: UnsafeBufferPointer(rebasing: all[start..<(start + length)]), ends: ends))
            }
        }
    }
}
