import RecEngine

/// `recsite movies ID`: what `validate_popular_movies.py` printed — the
/// movies-only history, genre preferences over movies, the top-10 globally
/// popular movies and content-type statistics — from the user's report.
public enum MoviesText {
    public static func render(_ report: UserReport, model: RecommenderModel) -> String {
        let items = model.dataset.items
        let user = report.user
        let movies = report.moviesOnly
        let hidden = report.hiddenByMoviesOnly
        var out = "Movies-only view of user \(user.id) (\(user.name.isEmpty ? "no name" : user.name))\n"
        let hiddenTypes = report.contentBreakdown.filter { $0.name != "movie" }
            .map { "\($0.items) \($0.name)" }.joined(separator: ", ")
        out += "  Showing \(movies.count) of \(report.history.count) history items: content_type == \"movie\" only; "
        out += "\(hidden) non-movie item\(hidden == 1 ? "" : "s") hidden\(hiddenTypes.isEmpty ? "" : " (\(hiddenTypes))").\n"
        out += "  The complete history is `recsite user \(user.id)`.\n\n"
        out += ReportTables.history(movies, items: items) + "\n"
        out += "\nGenre preferences over movies\n"
        out += ReportTables.groups(report.movieGenrePreferences, label: "Genre", total: report.movieScore) + "\n"
        out += "\nTop 10 popular movies (all users)\n"
        out += ReportTables.popular(Array(model.popularity.ranking { items[$0].isMovie }.prefix(10)), model: model) + "\n"
        out += "\nContent-type statistics (all users)\n"
        out += ReportTables.contentTypes(ContentTypeStatistics.compute(model: model)) + "\n"
        return out
    }
}
