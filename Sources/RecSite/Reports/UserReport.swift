import RecEngine

/// `recsite user ID`: what the original `validate_user_movies.py` printed —
/// profile, complete history, content breakdown, genre preferences, top-10
/// favourites and recommendations with reasons.
public enum UserReport {
    public static func render(user u: Int, model: RecommenderModel, k: Int) -> String {
        let items = model.dataset.items
        let user = model.dataset.users[u]
        let profile = model.profile(user: u)
        let total = profile.totalScore
        let breakdown = profile.contentBreakdown(items: items)
        var out = "User \(user.id)\n\(ReportTables.profileLines(user))\n\n"
        let types = breakdown.map { "\($0.items) \($0.name)" }.joined(separator: ", ")
        out += "Summary: \(profile.history.count) items\(types.isEmpty ? "" : " (\(types))"), "
        out += "\(profile.eventCount) events, total score \(NumberFormat.interaction(total))\n"
        let activity = UserActivity(dataset: model.dataset)
        if let first = activity.first[u], let last = activity.last[u] {
            out += "Activity: \(Timestamp(seconds: first).iso8601) to \(Timestamp(seconds: last).iso8601)\n"
        }
        out += "\nComplete history (\(profile.history.count) items, all content types; score = Σ watch_seconds × weight)\n"
        out += ReportTables.history(profile.history, items: items) + "\n"
        out += "\nContent breakdown\n" + ReportTables.groups(breakdown, label: "Type", total: total) + "\n"
        out += "\nGenre preferences\n"
        out += ReportTables.groups(profile.genrePreferences(items: items), label: "Genre", total: total) + "\n"
        out += "\nTop 10 favourites\n" + ReportTables.history(Array(profile.history.prefix(10)), items: items) + "\n"
        out += "\nRecommendations (k = \(k))\n"
        out += ReportTables.recommendations(model.recommendations(user: u, k: k), items: items) + "\n"
        return out
    }
}
