import RecEngine

/// The part of a `UserReport` that pages listing every user need (the users
/// index, `api/users.json`): kept for all users while the full reports are
/// made and dropped batch by batch.
public struct UserSummary: Sendable {
    public let index: Int
    public let user: User
    public let items: Int
    public let events: Int
    public let totalScore: Double
    /// The genre with the highest Σ r, if the user has a history.
    public let topGenre: String?

    public init(_ report: UserReport) {
        index = report.index
        user = report.user
        items = report.history.count
        events = report.eventCount
        totalScore = report.totalScore
        topGenre = report.genrePreferences.first?.name
    }
}
