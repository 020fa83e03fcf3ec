import RecEngine

/// A terminal table whose columns line up: text left-aligned, numbers right-aligned.
public struct TextTable {
    public enum Alignment { case left, right }

    public let headers: [String]
    public let alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(_ columns: [(String, Alignment)]) {
        headers = columns.map(\.0)
        alignments = columns.map(\.1)
    }

    public mutating func add(_ row: [String]) {
        rows.append(row.map { Self.singleLine(DisplayText.capped($0)) })
    }

    /// The table as lines joined by newlines, each row indented by two spaces.
    public func render() -> String {
        var widths = headers.map(Self.width)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.width(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, cell) in cells.enumerated() where index < widths.count {
                let padding = String(repeating: " ", count: widths[index] - Self.width(cell))
                parts.append(alignments[index] == .left ? cell + padding : padding + cell)
            }
            var text = "  " + parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        let rule = "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(headers), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Display width: one column per character, two for East Asian wide ones.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x0300...0x036F, 0x200B...0x200F: return total  // combining marks, zero-width
            case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
                 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1FAFF:
                return total + 2
            default: return total + 1
            }
        }
    }

    /// Control characters would break the layout; show them as spaces.
    static func singleLine(_ text: String) -> String { terminalSafe(text, keepingLineBreaks: false) }

    /// `text` safe to write to a terminal: every control character (C0,
    /// DEL and C1) becomes a space, so data cannot send escape sequences
    /// (ESC ]0;… retitles the terminal, ESC [2J clears it). With
    /// `keepingLineBreaks`, `\n` stays, for a whole report.
    public static func terminalSafe(_ text: String, keepingLineBreaks: Bool = true) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            ($0.value < 0x20 && !(keepingLineBreaks && $0 == "\n")) || (0x7F...0x9F).contains($0.value) ? " " : $0
        }))
    }
}
