/// A CSV file opened for cleansing: its header resolved to column positions.
struct CSVTable {
    let path: String
    let fileName: String
    var reader: CSVReader
    let fieldCount: Int
    /// The file's size, for sizing tables before reading.
    let byteCount: Int
    private let columns: [String: Int]

    /// Whether the file holds invalid UTF-8 anywhere; only then are rows checked.
    let hasInvalidUTF8: Bool

    /// The repair counted for a kept row whose bytes were not valid UTF-8
    /// (each bad sequence reads as U+FFFD; docs/rules.md).
    static let invalidUTF8Repair = "invalid UTF-8 → U+FFFD"

    /// - Throws: `RecEngineError.utf16File` for a UTF-16 byte order mark,
    ///   `RecEngineError.emptyFile` when there is no header row,
    ///   `RecEngineError.malformedLine` when the header's quote never closes.
    init(path: String, bytes: [UInt8]) throws {
        self.path = path
        fileName = path.split(separator: "/").last.map(String.init) ?? path
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw RecEngineError.utf16File(path: path)
        }
        reader = CSVReader(bytes: bytes)
        hasInvalidUTF8 = !reader.isValidUTF8
        byteCount = bytes.count
        var header = CSVRecord()
        guard reader.next(into: &header) else { throw RecEngineError.emptyFile(path: path) }
        guard !header.unterminatedQuote else {
            throw RecEngineError.malformedLine(
                path: path, line: header.line,
                reason: "the header has a quoted field that is never closed, so it runs to the end of the file")
        }
        var columns: [String: Int] = [:]
        var names: [String] = []
        for index in 0..<header.count {
            let name = header.string(index).lowercased()
            names.append(name)
            if columns[name] == nil { columns[name] = index }  // first of duplicated names wins
        }
        self.columns = columns
        self.fieldCount = header.count
        self.headerNames = names
    }

    let headerNames: [String]

    /// The position of a required column.
    func required(_ name: String) throws -> Int {
        guard let index = columns[name] else {
            throw RecEngineError.missingColumn(path: path, column: name, found: headerNames)
        }
        return index
    }

    func optional(_ name: String) -> Int? { columns[name] }

    /// Counts the invalid-UTF-8 repair for a row about to be kept.
    func noteInvalidUTF8(_ row: CSVRecord, in report: inout FileCleansing) {
        noteInvalidUTF8(raw: row.rawStart..<row.rawEnd, in: &report)
    }

    /// The same, for a row known by where its bytes stand in the file.
    func noteInvalidUTF8(raw: Range<Int>, in report: inout FileCleansing) {
        if hasInvalidUTF8, !reader.isValidUTF8(raw) { report.repair(Self.invalidUTF8Repair) }
    }
}
