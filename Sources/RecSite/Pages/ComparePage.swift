import RecEngine

/// `compare.md`: user taste against global taste by genre and content type,
/// the movies-only view against the complete history over all users, and
/// what the recommendations cover (coverage, Gini, cf vs popular fill,
/// genres recommended vs watched, most-recommended items).
struct ComparePage {
    static let mostRecommended = 10

    let facts: SiteFacts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.compare
        let genres = TasteComparison(model: facts.model, recommendations: facts.recommendations, key: \.genre)
        let types = TasteComparison(model: facts.model, recommendations: facts.recommendations, key: \.contentType)
        var context: PageContext = [
            "genres": taste(genres),
            "types": taste(types),
            "usersWithScore": String(genres.usersWithScore),
            "genresRecommended": recommendedVsWatched(genres),
        ]
        context.merge(moviesOnly()) { $1 }
        context.merge(coverage(from: page)) { $1 }
        return MarkdownPage(
            path: page, title: "Comparisons", breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("compare.md", context, with: templates))
    }

    private func taste(_ comparison: TasteComparison) -> [Row] {
        comparison.rows.map { row in
            [
                "name": MarkdownEscaping.text(row.name),
                "users": String(row.users),
                "score": NumberFormat.interaction(row.score),
                "globalShare": NumberFormat.percent(row.globalShare),
                "meanUserShare": NumberFormat.percent(row.meanUserShare),
                "difference": Self.difference(row.meanUserShare, row.globalShare),
            ]
        }
    }

    /// `a − b` in percentage points, from the two percents as shown (so the
    /// column adds up on the page), with a sign: "+0.7", "-0.4", "0.0".
    static func difference(_ a: Double, _ b: Double) -> String {
        let shown = { (fraction: Double) in Double(NumberFormat.fixed(fraction * 100, 1)) ?? 0 }
        let text = NumberFormat.fixed(shown(a) - shown(b), 1)
        return text.hasPrefix("-") || text == "0.0" ? text : "+" + text
    }

    private func recommendedVsWatched(_ comparison: TasteComparison) -> [Row] {
        comparison.rows.map { row in
            [
                "name": MarkdownEscaping.text(row.name),
                "watched": PageText.share(row.historyItems, of: comparison.historyItems),
                "globalShare": NumberFormat.percent(row.globalShare),
                "recommended": String(row.recommended),
                "recommendedShare": PageText.share(row.recommended, of: comparison.slots),
                "cf": String(row.cfRecommended),
            ]
        }
    }

    private func moviesOnly() -> PageContext {
        let movies = MoviesOnlyCoverage(model: facts.model)
        return [
            "usersWithHistory": String(movies.usersWithHistory),
            "usersWithHidden": String(movies.usersWithHiddenItems),
            "usersWithHiddenShare": PageText.share(movies.usersWithHiddenItems, of: movies.usersWithHistory),
            "usersWithoutMovies": String(movies.usersWithoutMovies),
            "historyItems": String(movies.historyItems),
            "hiddenItems": String(movies.hiddenItems),
            "hiddenItemsShare": PageText.share(movies.hiddenItems, of: movies.historyItems),
            "totalScore": NumberFormat.interaction(movies.totalScore),
            "hiddenScore": NumberFormat.interaction(movies.hiddenScore),
            "hiddenScoreShare": PageText.share(movies.hiddenScore, of: movies.totalScore),
        ]
    }

    private func coverage(from page: String) -> PageContext {
        let exposure = facts.exposure
        let items = facts.items.count
        let cfItems = exposure.cfUsers.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
        return [
            "slots": String(exposure.slots),
            "listUsers": String(facts.recommendations.count),
            "k": String(facts.k),
            "cfSlots": String(exposure.cfSlots),
            "cfShare": PageText.share(exposure.cfSlots, of: exposure.slots),
            "fillSlots": String(exposure.slots - exposure.cfSlots),
            "fillShare": PageText.share(exposure.slots - exposure.cfSlots, of: exposure.slots),
            "usersWithFill": String(exposure.usersWithFill),
            "distinct": String(exposure.distinctItems),
            "catalogue": String(items),
            "coverage": PageText.share(exposure.distinctItems, of: items),
            "cfDistinct": String(cfItems),
            "cfCoverage": PageText.share(cfItems, of: items),
            "gini": NumberFormat.fixed(exposure.gini, 4),
            "mostRecommended": exposure.mostRecommended(limit: Self.mostRecommended).enumerated().map { position, i in
                var row = ItemCells.cells(i, from: page, facts: facts)
                row["position"] = String(position + 1)
                row["users"] = String(exposure.users[i])
                row["cf"] = String(exposure.cfUsers[i])
                row["fill"] = String(exposure.users[i] - exposure.cfUsers[i])
                return row
            },
        ]
    }
}
