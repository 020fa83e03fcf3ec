import RecEngine

/// The rows of a score breakdown table (SPEC §5), shared by the user pages
/// and the methodology page's worked example: the top contributors, one row
/// summing the rest, and the total.
enum BreakdownTable {
    /// Contributors shown one per row; the rest share one row.
    static let shownRows = 10

    /// Context keys: `rows` (`rank`, `item`, `r`, `sim`, `contribution`,
    /// `share`), `hasOthers`, `othersLabel`, `othersContribution`,
    /// `othersShare`, `total`, `contributors`.
    static func context(_ breakdown: ScoreBreakdown, score: Double, from page: String, facts: SiteFacts) -> PageContext {
        let rows = breakdown.contributions
        let shown = rows.prefix(shownRows)
        let rest = rows.dropFirst(shownRows)
        var context: PageContext = [
            "rows": shown.enumerated().map { position, row -> Row in
                [
                    "rank": String(position + 1),
                    "item": ItemCells.titleLink(Int(row.item), from: page, facts: facts),
                    "r": NumberFormat.interaction(row.interaction),
                    "sim": NumberFormat.similarity(row.similarity),
                    "contribution": NumberFormat.score(row.contribution),
                    "share": NumberFormat.percent(row.share),
                ]
            },
            "hasOthers": !rest.isEmpty,
            "total": NumberFormat.score(score),
            "contributors": PageText.count(rows.count, "contributing history item"),
        ]
        if !rest.isEmpty {
            // Summed in breakdown order, the order the full list in the CSV has.
            let sum = rest.reduce(0.0) { $0 + $1.contribution }
            context["othersLabel"] = PageText.count(rest.count, "other item")
            context["othersContribution"] = NumberFormat.score(sum)
            context["othersShare"] = NumberFormat.percent(score > 0 ? sum / score : 0)
        }
        return context
    }
}
