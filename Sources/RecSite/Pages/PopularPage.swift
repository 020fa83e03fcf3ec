import RecEngine

/// `popular.md`: the global top list, the top per content type, the top
/// movies the original tool reported and the content-type statistics.
struct PopularPage {
    static let globalLimit = APIDocuments.popularLimit
    static let perTypeLimit = 10

    let facts: SiteFacts
    let charts: SiteCharts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.popular
        let popularity = facts.model.popularity
        let items = facts.items
        let movies = popularity.ranking { items[$0].isMovie }.prefix(Self.perTypeLimit)
        let globalTop = popularity.ranking.prefix(Self.perTypeLimit)
        let nonMovies = globalTop.filter { !items[Int($0)].isMovie }.count
        let total = facts.contentTypes.reduce(0) { $0 + $1.popularity }
        let context: TemplateRecord = facts.formatFlags.merging([
            "globalCount": .count(min(Self.globalLimit, items.count)),
            "global": ItemCells.ranked(popularity.ranking.prefix(Self.globalLimit), from: page, facts: facts),
            "types": .list(facts.contentTypes.map { stats in
                let ranking = popularity.ranking { items[$0].contentType == stats.contentType }
                return .fields(["name": .text(stats.contentType),
                                "rows": ItemCells.ranked(ranking.prefix(Self.perTypeLimit), from: page, facts: facts)]
                               as TemplateRecord)
            }),
            "movies": ItemCells.ranked(movies, from: page, facts: facts),
            "hasMovies": .flag(!movies.isEmpty),
            "moviesNote": .verbatim("Of the global top \(globalTop.count), \(nonMovies) \(nonMovies == 1 ? "is not a movie" : "are not movies") "
                + "and so \(nonMovies == 1 ? "is" : "are") missing from this list."),
            "popularMoviesCSV": .verbatim(SitePaths.link(from: page, to: SitePaths.popularMoviesCSV)),
            "popularJSON": .verbatim(SitePaths.link(from: page, to: SitePaths.popularJSON)),
            "longTailChart": .verbatim(MarkdownLink.image(SitePaths.longTailChart, from: page, alt: "Popularity by rank of every item")),
            "longTail": .verbatim(longTail()),
            "trendingWindow": .verbatim(trendingWindow()),
            "hasTrending": .flag(!charts.trending.rows.isEmpty),
            "trendingChart": .verbatim(MarkdownLink.image(SitePaths.trendingChart, from: page,
                                                          alt: "Rise in popularity over the last 30 days of the trending items")),
            "trending": .list(charts.trending.rows.enumerated().map { position, row in
                .fields(ItemRow(cells: ItemCells.of(row.item, from: page, facts: facts), extra: [
                    "position": .count(position + 1),
                    "recent": .verbatim(NumberFormat.interaction(row.recent)),
                    "before": .verbatim(NumberFormat.interaction(row.before)),
                    "rise": .verbatim("+" + NumberFormat.interaction(row.rise)),
                ]))
            }),
            "statistics": .list(facts.contentTypes.map { row in
                .fields(["name": .text(row.contentType), "items": .count(row.items),
                         "watched": .count(row.watchedItems), "events": .count(row.events), "viewers": .count(row.viewers),
                         "popularity": .verbatim(NumberFormat.interaction(row.popularity)),
                         "share": .verbatim(PageText.share(row.popularity, of: total))] as TemplateRecord)
            }),
        ])
        return MarkdownPage(
            path: page, title: "Popular items", breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("popular.md", context, with: templates))
    }

    /// How much of all popularity the top tenth of items holds, and how many items have none.
    private func longTail() -> String {
        let popularity = facts.model.popularity
        let values = popularity.ranking.map { popularity.score[Int($0)] }
        var all = values, top = Array(values.prefix(max(1, values.count / 10)))
        let total = InteractionMatrix.canonicalSum(&all), head = InteractionMatrix.canonicalSum(&top)
        let none = values.filter { $0 == 0 }.count
        return "The \(PageText.count(top.count, "most popular item")) (the top tenth) \(top.count == 1 ? "holds" : "hold") "
            + "\(PageText.share(head, of: total)) of all popularity; "
            + (none == 0 ? "every item has some." : "\(PageText.count(none, "item has", "items have")) none.")
    }

    /// The two windows, as dates.
    private func trendingWindow() -> String {
        guard let end = charts.trending.end else { return "No kept events, so nothing is trending." }
        func day(_ seconds: Int64) -> String { PageText.time(seconds) }
        return "Popularity (Σ watch seconds × weight) in the 30 days up to the latest kept event (\(day(end))) "
            + "against the 30 days before; measured back from the data, not from the day of the build."
    }
}
