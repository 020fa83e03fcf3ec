/// One user whose recommendation list holds a given item.
public struct Recipient: Sendable, Equatable {
    /// The user's index (users are indexed in ID order).
    public let user: Int
    /// The item's 1-based position in the user's list.
    public let rank: Int
    /// Whether the item came from collaborative filtering or popular fill.
    public let source: RecommendationSource

    public init(user: Int, rank: Int, source: RecommendationSource) {
        self.user = user
        self.rank = rank
        self.source = source
    }
}
