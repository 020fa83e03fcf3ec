/// A CSV file opened for cleansing: its header resolved to column positions.
struct CSVTable {
    let path: String
    let fileName: String
    var reader: CSVReader
    let fieldCount: Int
    /// The file's size, for sizing tables before reading.
    let byteCount: Int
    private let columns: [String: Int]

    /// - Throws: `RecEngineError.emptyFile` when there is no header row.
    init(path: String, bytes: [UInt8]) throws {
        self.path = path
        fileName = path.split(separator: "/").last.map(String.init) ?? path
        reader = CSVReader(bytes: bytes)
        byteCount = bytes.count
        var header = CSVRecord()
        guard reader.next(into: &header) else { throw RecEngineError.emptyFile(path: path) }
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
}
