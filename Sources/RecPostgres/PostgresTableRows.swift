import RecEngine

/// The rows of one table as fetched: every field's UTF-8 bytes laid end to
/// end, with each field's end. A NULL is an empty field (docs/rules.md), so
/// it reads as a missing value, as an empty CSV field does.
///
/// Filled once on the connection's thread, then only read.
final class PostgresTableRows: @unchecked Sendable {
    let columnCount: Int
    private(set) var bytes: [UInt8] = []
    /// The end of field f of row r at `ends[r * columnCount + f]`.
    private(set) var ends: [Int] = []

    init(columnCount: Int) { self.columnCount = columnCount }

    var rowCount: Int { columnCount == 0 ? 0 : ends.count / columnCount }

    /// Appends one field (`nil` for NULL).
    func append(_ field: UnsafeRawBufferPointer?) {
        if let field { bytes.append(contentsOf: field) }
        ends.append(bytes.count)
    }

    /// Where row `row`'s bytes start.
    func start(of row: Int) -> Int { row == 0 ? 0 : ends[row * columnCount - 1] }

    /// Field `field` of row `row` as a string (invalid UTF-8 becomes U+FFFD).
    func string(row: Int, field: Int) -> String {
        let index = row * columnCount + field
        let begin = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[begin..<ends[index]], as: UTF8.self)
    }

    /// Whether every byte fetched is valid UTF-8 (the server converts to the
    /// client's UTF-8, except from a `SQL_ASCII` database, which sends bytes as stored).
    var isValidUTF8: Bool { Self.isValidUTF8(bytes[...]) }

    /// Whether `bytes` are valid UTF-8; ASCII (most tables) needs no decoding.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }
}
