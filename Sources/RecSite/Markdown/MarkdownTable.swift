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

    private(set) var text: String

    /// A table with its header row and alignment row.
    init(_ columns: KeyValuePairs<String, Alignment>, reservingRows rows: Int = 0) {
        text = ""
        text.reserveCapacity(96 * (rows + 2))
        text += "| " + columns.map(\.key).joined(separator: " | ") + " |\n"
        text += "| " + columns.map(\.value.marker).joined(separator: " | ") + " |"
    }

    /// Appends one row; `cells` must match the columns in number.
    mutating func addRow(_ cells: String...) { addRow(cells) }

    mutating func addRow(_ cells: [String]) {
        text += "\n|"
        for cell in cells {
            // An empty cell is written `|  |`, as the templates wrote it.
            text += " "
            text += cell
            text += " |"
        }
    }
}
