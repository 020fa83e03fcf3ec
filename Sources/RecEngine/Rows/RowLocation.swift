/// Where a row stands in its source. With the source's `name` it is what
/// reports show (`events.csv:12`); `span` lets the source find the row again
/// (`RowSource.text(at:)`) after it was read.
public struct RowLocation: Sendable, Equatable {
    /// What `line` counts: a file's physical lines, or a table's rows
    /// (a database's, from 1 in the order read).
    public enum Unit: String, Sendable {
        case line, row
    }

    /// The 1-based line shown in reports: for CSV the physical line the row
    /// starts on (the header is line 1); a source without lines numbers its
    /// rows so that the header, if any, would be 1.
    public let line: Int
    /// The row's extent in the source's own terms (CSV: byte offsets of the
    /// row without its line end; an in-memory table: its row index).
    public let span: Range<Int>

    public init(line: Int, span: Range<Int>) {
        self.line = line
        self.span = span
    }
}
