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
        let context: PageContext = [
            "globalCount": String(min(Self.globalLimit, items.count)),
            "global": ItemCells.ranked(popularity.ranking.prefix(Self.globalLimit), from: page, facts: facts),
            "types": facts.contentTypes.map { stats -> PageContext in
                let ranking = popularity.ranking { items[$0].contentType == stats.contentType }
                return ["name": MarkdownEscaping.text(stats.contentType),
                        "rows": ItemCells.ranked(ranking.prefix(Self.perTypeLimit), from: page, facts: facts)]
            },
            "movies": ItemCells.ranked(movies, from: page, facts: facts),
            "hasMovies": !movies.isEmpty,
            "moviesNote": "Of the global top \(globalTop.count), \(nonMovies) \(nonMovies == 1 ? "is not a movie" : "are not movies") "
                + "and so \(nonMovies == 1 ? "is" : "are") missing from this list.",
            "popularMoviesCSV": SitePaths.link(from: page, to: SitePaths.popularMoviesCSV),
            "popularJSON": SitePaths.link(from: page, to: SitePaths.popularJSON),
            "statistics": facts.contentTypes.map { row -> Row in
                ["name": MarkdownEscaping.text(row.contentType), "items": String(row.items),
                 "watched": String(row.watchedItems), "events": String(row.events), "viewers": String(row.viewers),
                 "popularity": NumberFormat.interaction(row.popularity),
                 "share": PageText.share(row.popularity, of: total)]
            },
        ]
        return MarkdownPage(
            path: page, title: "Popular items", breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("popular.md", context, with: templates))
    }
}
