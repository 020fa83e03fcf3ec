import RecEngine

/// `recsite movies ID`: what `validate_popular_movies.py` printed — the
/// movies-only history, genre preferences over movies, the top-10 globally
/// popular movies and content-type statistics.
public enum MoviesReport {
    public static func render(user u: Int, model: RecommenderModel) -> String {
        let items = model.dataset.items
        let user = model.dataset.users[u]
        let profile = model.profile(user: u)
        let movies = profile.moviesOnly(items: items)
        let hidden = profile.history.count - movies.count
        var out = "Movies-only view of user \(user.id) (\(user.name.isEmpty ? "no name" : user.name))\n"
        let hiddenTypes = profile.contentBreakdown(items: items).filter { $0.name != "movie" }
            .map { "\($0.items) \($0.name)" }.joined(separator: ", ")
        out += "  Showing \(movies.count) of \(profile.history.count) history items: content_type == \"movie\" only; "
        out += "\(hidden) non-movie item\(hidden == 1 ? "" : "s") hidden\(hiddenTypes.isEmpty ? "" : " (\(hiddenTypes))").\n"
        out += "  The complete history is `recsite user \(user.id)`.\n\n"
        out += ReportTables.history(movies, items: items) + "\n"
        let movieTotal = movies.reduce(0) { $0 + $1.score }
        out += "\nGenre preferences over movies\n"
        out += ReportTables.groups(profile.genrePreferences(items: items, entries: movies), label: "Genre", total: movieTotal) + "\n"
        out += "\nTop 10 popular movies (all users)\n"
        out += ReportTables.popular(Array(model.popularity.ranking { items[$0].isMovie }.prefix(10)), model: model) + "\n"
        out += "\nContent-type statistics (all users)\n"
        out += ReportTables.contentTypes(ContentTypeStatistics.compute(model: model)) + "\n"
        return out
    }
}
