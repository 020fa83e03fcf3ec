import RecEngine

/// `popular.md`: the global top list, the top per content type, the top
/// movies the original tool reported and the content-type statistics.
struct PopularPage {
    static let globalLimit = APIDocuments.popularLimit
    static let perTypeLimit = 10

    let facts: SiteFacts

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
}
