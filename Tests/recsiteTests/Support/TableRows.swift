/// Reads the aligned terminal tables recsite prints: cells are separated by
/// two or more spaces.
enum TableRows {
    /// The cells of every line of `text` that has `cell` as one of its cells.
    static func rows(in text: Substring, withCell cell: String) -> [[String]] {
        text.split(separator: "\n").map(cells).filter { $0.contains(cell) }
    }

    static func cells(_ line: Substring) -> [String] {
        line.split(separator: "  ", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// The part of a report from the line starting with `heading` to the next blank line.
    static func section(_ text: String, _ heading: String) -> Substring {
        guard let start = text.range(of: "\n" + heading) else { return "" }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n\n")?.lowerBound ?? rest.endIndex
        return rest[..<end]
    }
}

import Foundation
