import RecEngine

/// Everything the site, the API, the CSV exports and the `user`/`movies`
/// commands show about one user, computed once (`ReportBuilder.user(_:)`).
///
/// Numbers are kept as computed (SPEC §3–§6); each output formats them its
/// own way. Lists are in display order.
public struct UserReport: Sendable {
    /// How many history items the top-favourites list shows.
    public static let favouriteCount = 10

    /// The user's index in the data set (ID order).
    public let index: Int
    /// ID, name, age, gender, region.
    public let user: User
    /// H(u) by `r(u,i)` descending, then ID order: every content type.
    public let history: [HistoryEntry]
    /// H(u) in item (ID) order, the order every total is summed in (the
    /// engine's, `totalScore`'s and the tallies over all users'), so totals
    /// never depend on display order.
    public let historyByItem: [HistoryEntry]
    /// The history items whose content type is `movie`, in the same order.
    public let moviesOnly: [HistoryEntry]
    /// Items and Σ r per content type: items descending, score descending, name.
    public let contentBreakdown: [GroupTotal]
    /// Σ r per genre over the whole history: score descending, then name.
    public let genrePreferences: [GroupTotal]
    /// Σ r per genre over the movies only, ordered the same way.
    public let movieGenrePreferences: [GroupTotal]
    /// Σ r over the history, and over the movies only, in item order.
    public let totalScore: Double
    public let movieScore: Double
    /// Kept events over the history.
    public let eventCount: Int
    /// UTC seconds of the user's first and last kept event; `nil` without one.
    public let firstActivity: Int64?
    public let lastActivity: Int64?
    /// The top-k list, with each cf item's score breakdown.
    public let recommendations: [RecommendedItem]

    /// The most-watched items: the head of the history.
    public var favourites: ArraySlice<HistoryEntry> { history.prefix(Self.favouriteCount) }

    /// The recommendations that came from collaborative filtering.
    public var collaborative: [RecommendedItem] { recommendations.filter { $0.recommendation.source == .cf } }

    /// The history items that the movies-only view hides.
    public var hiddenByMoviesOnly: Int { history.count - moviesOnly.count }
}

/// One entry of a user's list and why it is there.
public struct RecommendedItem: Sendable {
    /// Rank, item, score, source and top contributor (SPEC §5).
    public let recommendation: Recommendation
    /// Every contribution to a cf item's score; `nil` for popular fill.
    public let breakdown: ScoreBreakdown?
    /// The recommendation in plain words: cached model text or the template sentence.
    public var explanation: Explanation?

    public init(recommendation: Recommendation, breakdown: ScoreBreakdown?, explanation: Explanation? = nil) {
        self.recommendation = recommendation
        self.breakdown = breakdown
        self.explanation = explanation
    }

    public var item: Int { Int(recommendation.item) }
}
