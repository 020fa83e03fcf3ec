import RecEngine

/// The rows of a score breakdown table (SPEC §5), shared by the user pages
/// and the methodology page's worked example: the top contributors, one row
/// summing the rest, and the total.
enum BreakdownTable {
    /// Contributors shown one per row; the rest share one row.
    static let shownRows = 10

    /// Made once: ten tables on every user page.
    private static let header = MarkdownTable.header([
        "#": .right, "History item": .left, "r(u,k)": .right, "sim(j,k)": .right, "Contribution": .right, "Share": .right,
    ])

    /// Context keys: `table` (the whole table: the top contributors, a row
    /// summing the others when there are more, and the total), `total` and
    /// `contributors` (how many history items contribute).
    static func context(_ breakdown: ScoreBreakdown, score: Double, from page: String, facts: SiteFacts) -> PageContext {
        let rows = breakdown.contributions
        let shown = rows.prefix(shownRows)
        var table = MarkdownTable(header: header, reservingRows: shown.count + 2)
        for (position, row) in shown.enumerated() {
            table.addRow(String(position + 1), ItemCells.titleLink(Int(row.item), from: page, facts: facts),
                         NumberFormat.interaction(row.interaction), NumberFormat.similarity(row.similarity),
                         NumberFormat.score(row.contribution), NumberFormat.percent(row.share))
        }
        if let others = others(breakdown, score: score) {
            table.addRow("", others.label, "", "", others.contribution, others.share)
        }
        table.addRow("", "**Total**", "", "", "**\(NumberFormat.score(score))**", "**100.0%**")
        return [
            "table": table.text,
            "total": NumberFormat.score(score),
            "contributors": PageText.count(rows.count, "contributing history item"),
        ]
    }

    /// The row summing the contributors after the first `shownRows`, if any:
    /// its label (`3 other items`), contribution and share, formatted.
    static func others(_ breakdown: ScoreBreakdown, score: Double) -> (label: String, contribution: String, share: String)? {
        let rest = breakdown.contributions.dropFirst(shownRows)
        guard !rest.isEmpty else { return nil }
        // Summed in breakdown order, the order the full list in the CSV has.
        let sum = rest.reduce(0.0) { $0 + $1.contribution }
        return (PageText.count(rest.count, "other item"), NumberFormat.score(sum),
                NumberFormat.percent(score > 0 ? sum / score : 0))
    }
}
