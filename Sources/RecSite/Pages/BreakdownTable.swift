import RecEngine

/// The values of a score breakdown table (SPEC §5), shared by the user pages
/// and the methodology page's worked example; the table itself is the
/// `breakdown-table.md` partial: the top contributors, one row summing the
/// rest, and the total.
enum BreakdownTable {
    /// Contributors shown one per row; the rest share one row.
    static let shownRows = 10

    /// Names: `rows` (`position`, `title`, `interaction`, `similarity`,
    /// `contribution`, `share`), `others` (`label`, `contribution`, `share`;
    /// `.none` when every contributor has a row), `total` and `contributors`
    /// (how many history items contribute, as words).
    static func context(_ breakdown: ScoreBreakdown, score: Double, from page: String, facts: SiteFacts) -> TemplateRecord {
        let rows = breakdown.contributions
        let others = others(breakdown, score: score)
        return [
            "rows": .list(rows.prefix(shownRows).enumerated().map { position, row in
                .fields(ContributionRow(position: position + 1, contribution: row,
                                        title: ItemCells.titleLink(Int(row.item), from: page, facts: facts)))
            }),
            "others": others.map { others in
                .fields(["label": .verbatim(others.label), "contribution": .verbatim(others.contribution),
                         "share": .verbatim(others.share)] as TemplateRecord)
            } ?? .none,
            "total": .verbatim(NumberFormat.score(score)),
            "contributors": .verbatim(PageText.count(rows.count, "contributing history item")),
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

/// One contributor's row of a breakdown table.
struct ContributionRow: TemplateFields {
    let position: Int
    let contribution: Contribution
    /// The history item's title, linked to its page.
    let title: String

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "position": return .count(position)
        case "title": return .verbatim(title)
        case "interaction": return .verbatim(NumberFormat.interaction(contribution.interaction))
        case "similarity": return .verbatim(NumberFormat.similarity(contribution.similarity))
        case "contribution": return .verbatim(NumberFormat.score(contribution.contribution))
        case "share": return .verbatim(NumberFormat.percent(contribution.share))
        default: return nil
        }
    }
}
