import RecEngine

/// `recsite user ID`: what the original `validate_user_movies.py` printed —
/// profile, complete history, content breakdown, genre preferences, top-10
/// favourites and recommendations with reasons — from the user's report.
public enum UserText {
    public static func render(_ report: UserReport, model: RecommenderModel, k: Int) -> String {
        let items = model.dataset.items
        let user = report.user
        let total = report.totalScore
        var out = "User \(user.id)\n\(ReportTables.profileLines(user))\n\n"
        let types = report.contentBreakdown.map { "\($0.items) \($0.name)" }.joined(separator: ", ")
        out += "Summary: \(report.history.count) items\(types.isEmpty ? "" : " (\(types))"), "
        out += "\(report.eventCount) events, total score \(NumberFormat.interaction(total))\n"
        if let first = report.firstActivity, let last = report.lastActivity {
            out += "Activity: \(Timestamp(seconds: first).iso8601) to \(Timestamp(seconds: last).iso8601)\n"
        }
        out += "\nComplete history (\(report.history.count) items, all content types; score = Σ watch_seconds × weight)\n"
        out += ReportTables.history(report.history, items: items) + "\n"
        out += "\nContent breakdown\n" + ReportTables.groups(report.contentBreakdown, label: "Type", total: total) + "\n"
        out += "\nGenre preferences\n"
        out += ReportTables.groups(report.genrePreferences, label: "Genre", total: total) + "\n"
        out += "\nTop \(UserReport.favouriteCount) favourites\n" + ReportTables.history(Array(report.favourites), items: items) + "\n"
        out += "\nRecommendations (k = \(k))\n"
        out += ReportTables.recommendations(report.recommendations.map(\.recommendation), items: items) + "\n"
        return out
    }
}
