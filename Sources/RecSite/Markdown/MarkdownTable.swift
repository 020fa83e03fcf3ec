/// A GFM pipe table written by code, for the long tables every user page
/// repeats (history, movies-only view, recommendations, score breakdowns).
/// Rendering those cell by cell through Mustache cost more than the rest of
/// the build's Markdown together, so their templates place the whole table
/// (`{{{historyTable}}}`) while recsite writes its rows; cells are Markdown
/// already escaped and formatted, as everywhere in a page context.
///
/// The text has no final line break: the template's own line end follows it.
struct MarkdownTable {
    enum Alignment {
        case left, right

        var marker: String { self == .left ? "---" : "---:" }
    }

    /// The table as UTF-8: a user page appends ~1,500 cells, and appending
    /// them to a `String` (capacity and ASCII bookkeeping per piece) cost
    /// more than copying bytes.
    private var bytes: [UInt8]

    /// The table's Markdown.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// A table with its header row and alignment row.
    init(_ columns: KeyValuePairs<String, Alignment>, reservingRows rows: Int = 0) {
        self.init(header: Self.header(columns), reservingRows: rows)
    }

    /// A table under `header` (from `header(_:)`, kept by callers that make
    /// the same table many times).
    init(header: String, reservingRows rows: Int = 0) {
        bytes = []
        bytes.reserveCapacity(96 * (rows + 2))
        bytes.append(contentsOf: header.utf8)
    }

    /// The header row and alignment row of `columns`.
    static func header(_ columns: KeyValuePairs<String, Alignment>) -> String {
        "| " + columns.map(\.key).joined(separator: " | ") + " |\n"
            + "| " + columns.map(\.value.marker).joined(separator: " | ") + " |"
    }

    /// Appends one row; `cells` must match the columns in number.
    mutating func addRow(_ cells: String...) { addRow(cells) }

    mutating func addRow(_ cells: [String]) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(UInt8(ascii: "|"))
        for cell in cells {
            // An empty cell is written `|  |`, as the templates wrote it.
            bytes.append(UInt8(ascii: " "))
            bytes.append(contentsOf: cell.utf8)
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: "|"))
        }
    }
}
