import RecEngine

/// The one place where `UserReport`s and `ItemReport`s are made, from the
/// model, every user's list and the tallies they share (each computed once
/// per build).
public struct ReportBuilder: Sendable {
    public let model: RecommenderModel
    /// Every user's list, in user order.
    public let recommendations: [[Recommendation]]
    /// First and last kept event per user.
    public let activity: UserActivity
    /// How the lists spread over the items.
    public let exposure: RecommendationExposure
    /// Who gets each item recommended.
    public let recipients: RecommendationRecipients
    /// Each recommendation's explanation (cached model text or the template).
    public let explainer: Explainer

    /// - Complexity: O(events + users × k log(users × k) + items).
    public init(model: RecommenderModel, recommendations: [[Recommendation]], explainer: Explainer = Explainer()) {
        precondition(recommendations.count == model.dataset.users.count, "one recommendation list per user")
        self.model = model
        self.recommendations = recommendations
        self.explainer = explainer
        activity = UserActivity(dataset: model.dataset)
        exposure = RecommendationExposure(itemCount: model.dataset.items.count, recommendations: recommendations)
        recipients = RecommendationRecipients(itemCount: model.dataset.items.count, lists: recommendations)
    }

    /// User u's report.
    /// - Complexity: O(|H(u)| log |H(u)| + k × |H(u)| × log neighbours) for the breakdowns.
    public func user(_ u: Int) -> UserReport {
        Self.user(u, list: recommendations[u], model: model, activity: activity, explainer: explainer)
    }

    /// One user's report without the other users' lists (the `user` and
    /// `movies` commands): the list is computed here with `k`.
    /// - Complexity: O(events) for the activity span, plus `user(_:)`'s.
    public static func user(_ u: Int, model: RecommenderModel, k: Int, explainer: Explainer = Explainer()) -> UserReport {
        user(u, list: model.recommendations(user: u, k: k), model: model, activity: UserActivity(dataset: model.dataset),
             explainer: explainer)
    }

    /// Where every `UserReport` is made.
    private static func user(_ u: Int, list: [Recommendation], model: RecommenderModel,
                             activity: UserActivity, explainer: Explainer) -> UserReport {
        let items = model.dataset.items
        let profile = model.profile(user: u)
        let movies = profile.moviesOnly(items: items)
        let genres = profile.genrePreferences(items: items), types = profile.contentBreakdown(items: items)
        let entries = recommendedItems(u, list: list, profile: profile, genres: genres, types: types,
                                       model: model, explainer: explainer)
        return UserReport(
            index: u, user: model.dataset.users[u], history: profile.history,
            historyByItem: profile.historyByItem, moviesOnly: movies,
            contentBreakdown: types,
            genrePreferences: genres,
            movieGenrePreferences: profile.genrePreferences(items: items, entries: movies),
            totalScore: profile.totalScore, movieScore: profile.movieScore(items: items),
            eventCount: profile.eventCount, firstActivity: activity.first[u], lastActivity: activity.last[u],
            recommendations: entries)
    }

    /// User u's list with each cf item's breakdown and every item's
    /// explanation, without the rest of the report: what
    /// `api/recommendations/<user_id>.json` shows (the server asks this per request).
    /// - Complexity: O(|H(u)| log |H(u)| + k × |H(u)| × log neighbours).
    public static func recommendedItems(_ u: Int, list: [Recommendation], model: RecommenderModel,
                                        explainer: Explainer) -> [RecommendedItem] {
        let items = model.dataset.items
        let profile = model.profile(user: u)
        return recommendedItems(u, list: list, profile: profile, genres: profile.genrePreferences(items: items),
                                types: profile.contentBreakdown(items: items), model: model, explainer: explainer)
    }

    private static func recommendedItems(_ u: Int, list: [Recommendation], profile: UserProfile,
                                         genres: [GroupTotal], types: [GroupTotal], model: RecommenderModel,
                                         explainer: Explainer) -> [RecommendedItem] {
        let collaborative = list.filter { $0.source == .cf }.count
        return list.map { rec in
            let breakdown = rec.source == .cf ? model.breakdown(user: u, item: Int(rec.item)) : nil
            let facts = ExplanationFacts(
                userID: model.dataset.users[u].id, recommendation: rec, breakdown: breakdown, genres: genres, types: types,
                totalScore: profile.totalScore, historyCount: profile.history.count,
                collaborativeCount: collaborative, model: model)
            return RecommendedItem(recommendation: rec, breakdown: breakdown, explanation: explainer.explain(facts))
        }
    }

    /// The reports of `users`, in order, made on `workers` threads.
    public func users(_ users: some RandomAccessCollection<Int>, workers: Int) -> [UserReport] {
        let users = Array(users)
        return parallelMap(count: users.count, workers: workers, makeScratch: {}) { offset, _ in user(users[offset]) }
    }

    /// Item i's report.
    /// - Complexity: O(n log n + v log v) for n neighbours and v viewers of i.
    public func item(_ i: Int) -> ItemReport {
        let popularity = model.popularity
        let recipients = recipients.recipients(of: i)
        return ItemReport(
            index: i, item: model.dataset.items[i], popularity: popularity.score[i], rank: popularity.rank[i],
            viewers: popularity.viewers[i],
            mostSimilar: model.mostSimilar(to: i, limit: ItemReport.similarCount),
            topViewers: model.topViewers(of: i, limit: ItemReport.viewerCount),
            recipients: recipients,
            recipientScores: recipients.map { recommendations[$0.user][$0.rank - 1].score })
    }

    /// The reports of `items`, in order, made on `workers` threads.
    public func items(_ items: some RandomAccessCollection<Int>, workers: Int) -> [ItemReport] {
        let items = Array(items)
        return parallelMap(count: items.count, workers: workers, makeScratch: {}) { offset, _ in item(items[offset]) }
    }
}
