/// Writes RFC 4180 CSV: fields holding a comma, quote, CR or LF are quoted,
/// quotes doubled, lines end with CRLF.
///
/// Spreadsheet formulas are neutralised: a cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return — or the fullwidth and small forms of the
/// first four (`＝` `＋` `－` `＠`, `﹦` `﹢` `﹣` `﹫`), which spreadsheets
/// with East Asian input read as the ASCII ones — gets a leading `'` so
/// Excel, LibreOffice and Google Sheets show it as text. Numbers written by recsite itself
/// (`numeric` cells) are never negative, so they are left alone.
public struct CSVWriter {
    public private(set) var text = ""

    public init(header: [String]) {
        addRow(header.map { Cell.text($0) })
    }

    public enum Cell {
        case text(String)
        case numeric(String)
    }

    public mutating func addRow(_ cells: [Cell]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text += "," }
            text += Self.encoded(cell)
        }
        text += "\r\n"
    }

    /// A cell as written: text neutralised and quoted when needed, numbers as they are.
    public static func encoded(_ cell: Cell) -> String {
        switch cell {
        case .text(let value): return quote(neutralise(value))
        case .numeric(let value): return value
        }
    }

    /// Prefixes `'` to text a spreadsheet would run as a formula.
    public static func neutralise(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        switch first {
        case "=", "+", "-", "@", "\t", "\r",
             "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}", "\u{FE66}", "\u{FE62}", "\u{FE63}", "\u{FE6B}":
            return "'" + value
        default: return value
        }
    }

    public static func quote(_ value: String) -> String {
        // Bytes, not Characters: the same test ("\r\n" holds "\r") without grapheme breaking.
        guard value.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else {
            return value
        }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

import Foundation
