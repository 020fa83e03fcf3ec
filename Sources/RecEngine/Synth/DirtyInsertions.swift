/// Rows to slip in between the clean rows of one file, each before the clean
/// row at `position` (`position == count` means after the last one).
struct DirtyInsertions {
    private var text: [UInt8] = []
    private var rows: [(position: Int, end: Int)] = []

    var count: Int { rows.count }

    /// Adds a row of fields, quoted as CSV needs.
    mutating func add(at position: Int, fields: [String]) {
        var writer = CSVByteWriter(capacity: 64)
        writer.row(fields)
        add(at: position, bytes: writer.bytes)
    }

    /// Adds a line exactly as given (for rows whose point is broken quoting
    /// or a stray comma); a line end is appended.
    mutating func add(at position: Int, line: String) {
        add(at: position, bytes: Array(line.utf8) + [0x0A])
    }

    private mutating func add(at position: Int, bytes: [UInt8]) {
        text.append(contentsOf: bytes)
        rows.append((position, text.count))
    }

    /// The rows in writing order: by position, then in the order added.
    func sorted() -> [(position: Int, bytes: ArraySlice<UInt8>)] {
        let order = rows.indices.sorted { rows[$0].position != rows[$1].position ? rows[$0].position < rows[$1].position : $0 < $1 }
        return order.map { i in (rows[i].position, text[(i == 0 ? 0 : rows[i - 1].end)..<rows[i].end]) }
    }

    /// How many dirty rows a file of `rows` clean rows gets: 1.5 % of them,
    /// but each kind of defect at least twice.
    static func quota(rows: Int, kinds: Int) -> Int {
        max(2 * kinds, (rows * 3 + 100) / 200)
    }
}

/// Writes clean rows with the dirty ones interleaved.
struct InterleavedWriter {
    private let dirty: [(position: Int, bytes: ArraySlice<UInt8>)]
    private var next = 0

    init(_ insertions: DirtyInsertions) { dirty = insertions.sorted() }

    /// Writes the dirty rows that go before clean row `position`.
    @inline(__always) mutating func flush(before position: Int, into out: inout CSVByteWriter) {
        while next < dirty.count, dirty[next].position <= position {
            out.raw(dirty[next].bytes)
            next += 1
        }
    }
}
