/// One input table as the cleansing rules read it: a name, its columns, and
/// its rows as fields, whatever the format (CSV today: `CSVRowSource`).
///
/// SPEC §2's rules live in the cleansers and see only this protocol, so
/// another format (Parquet, a database) needs a new source, not new rules.
/// Rows are read into a caller-owned `Row` the source may reuse, so a large
/// input need not allocate per row; the cleansers are generic over the
/// source, so each source gets a specialised, closure-free row loop.
public protocol RowSource {
    associatedtype Row: SourceRow

    /// How reports and examples name the source (`events.csv`), never a machine path.
    var name: String { get }
    /// How fatal errors name the source: the path as the user gave it.
    var path: String { get }
    /// The column names in field order, trimmed; they are looked up ignoring case.
    var columns: [String] { get }
    /// About how many rows the source holds, for sizing tables (0: unknown).
    var estimatedRowCount: Int { get }
    /// What its locations' `line` counts: lines of a file, or rows of a table.
    var locationUnit: RowLocation.Unit { get }

    /// Reads the next row into `row`, reusing its storage.
    /// - Parameter row: receives the row's fields and location.
    /// - Returns: `false` after the last row.
    /// - Complexity: O(the row's size).
    mutating func next(into row: inout Row) -> Bool

    /// Reads every remaining row into `row` in turn and calls `body` with
    /// it: `next(into:)` in a loop, which a source may do faster (CSV keeps
    /// its bytes borrowed for the whole loop rather than once a row).
    mutating func forEachRow(into row: inout Row, _ body: (Row) -> Void)

    /// The rows still to read as up to `count` sources over consecutive runs,
    /// read at once on several cores; their rows, concatenated, are this
    /// source's rows in order. The first part numbers lines as this source
    /// does; a later part numbers its own first line 1, and its lines are the
    /// source's after adding `nextLine - 1` of every part before it, read to
    /// its end. Spans are the source's.
    /// - Parameter count: the most parts wanted.
    /// - Returns: at least one part.
    func parts(_ count: Int) -> [Self]

    /// The line the next row would start on, in this source's (or part's)
    /// numbering; after the last row, one past the lines read.
    var nextLine: Int { get }

    /// Whether the part, read to its end, stopped inside a row that goes on
    /// in the next part (CSV: a quoted field spanning lines was cut). Its
    /// rows and the later parts' are then wrong, and the source must be
    /// read as one part instead.
    var endedInsideRow: Bool { get }

    /// The row at `location` as examples show it (CSV: the line as it stood
    /// in the file, without its line end).
    /// - Parameter location: a location this source (or one of its parts) gave.
    /// - Returns: the row's text; invalid UTF-8 reads as U+FFFD.
    func text(at location: RowLocation) -> String

    /// Says that every row has been read: the source may give back memory
    /// it holds for them, and `text(at:)` still works (CSV: a mapped file's
    /// pages leave the process, to be read again from the page cache).
    func releaseReadRows()
}

extension RowSource {
    /// By default the row count is unknown.
    public var estimatedRowCount: Int { 0 }
    /// By default locations are lines, as in a CSV file.
    public var locationUnit: RowLocation.Unit { .line }
    public mutating func forEachRow(into row: inout Row, _ body: (Row) -> Void) {
        while next(into: &row) { body(row) }
    }
    /// By default one part: the source is read on one core.
    /// - Complexity: O(1).
    public func parts(_ count: Int) -> [Self] { [self] }
    /// With one part, line numbers need no shifting: the default is unused.
    public var nextLine: Int { 1 }
    /// By default parts are cut between rows.
    public var endedInsideRow: Bool { false }
    /// By default nothing is given back.
    public func releaseReadRows() {}

    /// The position of a required column (SPEC §1: names trimmed, case-insensitive).
    /// - Throws: `RecEngineError.missingColumn` naming the source and the column.
    /// - Complexity: O(columns).
    func required(_ column: String) throws -> Int {
        guard let index = optional(column) else {
            throw RecEngineError.missingColumn(path: path, column: column, found: columns.map { $0.lowercased() })
        }
        return index
    }

    /// The position of an optional column; the first of repeated names wins.
    /// - Complexity: O(columns).
    func optional(_ column: String) -> Int? {
        columns.firstIndex { $0.lowercased() == column }
    }
}
