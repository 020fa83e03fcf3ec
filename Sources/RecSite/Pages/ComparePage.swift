import RecEngine

/// `compare.md`: user taste against global taste by genre and content type,
/// the movies-only view against the complete history over all users, and
/// what the recommendations cover (coverage, Gini, cf vs popular fill,
/// genres recommended vs watched, most-recommended items).
struct ComparePage {
    static let mostRecommended = 10

    let facts: SiteFacts
    /// The tallies over every user's report.
    let aggregates: UserAggregates

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.compare
        let genres = aggregates.genres, types = aggregates.contentTypes
        let context: TemplateRecord = [
            "genres": taste(genres),
            "types": taste(types),
            "usersWithScore": .count(genres.usersWithScore),
            "genresRecommended": recommendedVsWatched(genres),
            "genreMixChart": .verbatim(MarkdownLink.image(SitePaths.genreMixChart, from: page, alt: "Share of all interaction score by genre")),
            "typeMixChart": .verbatim(MarkdownLink.image(SitePaths.typeMixChart, from: page, alt: "Share of all interaction score by content type")),
        ]
        let all = context.merging(moviesOnly()).merging(coverage(from: page))
        return MarkdownPage(
            path: page, title: "Comparisons", breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("compare.md", all, with: templates))
    }

    private func taste(_ comparison: TasteComparison) -> TemplateValue {
        .list(comparison.rows.map { row in
            .fields([
                "name": .text(row.name),
                "users": .count(row.users),
                "score": .verbatim(NumberFormat.interaction(row.score)),
                "globalShare": .verbatim(NumberFormat.percent(row.globalShare)),
                "meanUserShare": .verbatim(NumberFormat.percent(row.meanUserShare)),
                "difference": .verbatim(Self.difference(row.meanUserShare, row.globalShare)),
            ] as TemplateRecord)
        })
    }

    /// `a − b` in percentage points, from the two percents as shown (so the
    /// column adds up on the page), with a sign: "+0.7", "-0.4", "0.0".
    static func difference(_ a: Double, _ b: Double) -> String {
        let shown = { (fraction: Double) in Double(NumberFormat.fixed(fraction * 100, 1)) ?? 0 }
        let text = NumberFormat.fixed(shown(a) - shown(b), 1)
        return text.hasPrefix("-") || text == "0.0" ? text : "+" + text
    }

    private func recommendedVsWatched(_ comparison: TasteComparison) -> TemplateValue {
        .list(comparison.rows.map { row in
            .fields([
                "name": .text(row.name),
                "watched": .verbatim(PageText.share(row.historyItems, of: comparison.historyItems)),
                "globalShare": .verbatim(NumberFormat.percent(row.globalShare)),
                "recommended": .count(row.recommended),
                "recommendedShare": .verbatim(PageText.share(row.recommended, of: comparison.slots)),
                "cf": .count(row.cfRecommended),
            ] as TemplateRecord)
        })
    }

    private func moviesOnly() -> TemplateRecord {
        let movies = aggregates.moviesOnly
        return [
            "usersWithHistory": .count(movies.usersWithHistory),
            "usersWithHidden": .count(movies.usersWithHiddenItems),
            "usersWithHiddenShare": .verbatim(PageText.share(movies.usersWithHiddenItems, of: movies.usersWithHistory)),
            "usersWithoutMovies": .count(movies.usersWithoutMovies),
            "historyItems": .count(movies.historyItems),
            "hiddenItems": .count(movies.hiddenItems),
            "hiddenItemsShare": .verbatim(PageText.share(movies.hiddenItems, of: movies.historyItems)),
            "totalScore": .verbatim(NumberFormat.interaction(movies.totalScore)),
            "hiddenScore": .verbatim(NumberFormat.interaction(movies.hiddenScore)),
            "hiddenScoreShare": .verbatim(PageText.share(movies.hiddenScore, of: movies.totalScore)),
        ]
    }

    private func coverage(from page: String) -> TemplateRecord {
        let exposure = facts.exposure
        let items = facts.items.count
        let cfItems = exposure.cfUsers.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        return [
            "slots": .count(exposure.slots),
            "listUsers": .count(facts.recommendations.count),
            "k": .count(facts.k),
            "cfSlots": .count(exposure.cfSlots),
            "cfShare": .verbatim(PageText.share(exposure.cfSlots, of: exposure.slots)),
            "fillSlots": .count(exposure.slots - exposure.cfSlots),
            "fillShare": .verbatim(PageText.share(exposure.slots - exposure.cfSlots, of: exposure.slots)),
            "usersWithFill": .count(exposure.usersWithFill),
            "distinct": .count(exposure.distinctItems),
            "catalogue": .count(items),
            "coverage": .verbatim(PageText.share(exposure.distinctItems, of: items)),
            "cfDistinct": .count(cfItems),
            "cfCoverage": .verbatim(PageText.share(cfItems, of: items)),
            "gini": .verbatim(NumberFormat.fixed(exposure.gini, 4)),
            "mostRecommended": .list(exposure.mostRecommended(limit: Self.mostRecommended).enumerated().map { position, i in
                .fields(ItemRow(cells: ItemCells.of(i, from: page, facts: facts), extra: [
                    "position": .count(position + 1),
                    "users": .count(exposure.users[i]),
                    "cf": .count(exposure.cfUsers[i]),
                    "fill": .count(exposure.users[i] - exposure.cfUsers[i]),
                ]))
            }),
        ]
    }
}
