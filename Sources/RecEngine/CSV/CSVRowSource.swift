/// A CSV file as a `RowSource`: the header gives the columns, each record a
/// row; `RowLocation.span` is the record's byte range, so an example shows
/// the row exactly as it stood in the file.
public struct CSVRowSource: RowSource {
    public typealias Row = CSVRecord

    public let name: String
    public let path: String
    public let columns: [String]
    /// The file's size in bytes.
    public let byteCount: Int
    private var reader: CSVReader

    /// Opens a file's bytes and reads its header.
    /// - Parameters:
    ///   - path: names the file in errors; its last component names it in reports.
    ///   - bytes: the whole file.
    /// - Throws: `RecEngineError.utf16File` for a UTF-16 byte order mark,
    ///   `RecEngineError.emptyFile` when there is no header row,
    ///   `RecEngineError.malformedLine` when the header's quote never closes.
    /// - Complexity: O(the header).
    public init(path: String, bytes: [UInt8]) throws {
        try self.init(path: path, contents: FileContents(bytes))
    }

    /// As `init(path:bytes:)`, over contents read or mapped (`FileBytes.contents`).
    public init(path: String, contents: FileContents) throws {
        self.path = path
        name = path.split(separator: "/").last.map(String.init) ?? path
        if contents.starts(with: [0xFF, 0xFE]) || contents.starts(with: [0xFE, 0xFF]) {
            throw RecEngineError.utf16File(path: path)
        }
        reader = CSVReader(contents: contents)
        byteCount = contents.count
        var header = CSVRecord()
        guard reader.next(into: &header) else { throw RecEngineError.emptyFile(path: path) }
        guard !header.unterminatedQuote else {
            throw RecEngineError.malformedLine(
                path: path, line: header.line,
                reason: "the header has a quoted field that is never closed, so it runs to the end of the file")
        }
        columns = (0..<header.count).map { header.string($0) }
    }

    private init(_ source: CSVRowSource, reader: CSVReader) {
        (name, path, columns) = (source.name, source.path, source.columns)
        byteCount = source.byteCount
        self.reader = reader
    }

    /// About one row per 40 bytes (an events.csv row is 40–50 bytes).
    public var estimatedRowCount: Int { byteCount / 40 }

    @inline(__always) public mutating func next(into row: inout CSVRecord) -> Bool {
        reader.next(into: &row)
    }

    public mutating func forEachRow(into row: inout CSVRecord, _ body: (CSVRecord) -> Void) {
        reader.forEach(into: &row, body)
    }

    /// Parts split at line ends (`CSVReader.parts`): one part for a file of
    /// 1 MiB or less.
    /// - Complexity: O(count), plus the bytes from each cut to a line end.
    public func parts(_ count: Int) -> [CSVRowSource] {
        reader.parts(count).map { CSVRowSource(self, reader: $0) }
    }

    public var nextLine: Int { reader.nextLine }

    /// A quoted field ran past the end of this part: it was cut inside a row.
    public var endedInsideRow: Bool { reader.endedInsideQuote }

    public func text(at location: RowLocation) -> String { reader.rawText(of: location.span) }

    public func releaseReadRows() { reader.releaseResidentBytes() }
}
