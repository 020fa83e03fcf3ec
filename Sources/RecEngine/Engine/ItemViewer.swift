/// One viewer of an item: a user with the item in H(u), and what R stores
/// for the pair.
public struct ItemViewer: Sendable, Equatable {
    /// The user's index (users are indexed in ID order).
    public let user: Int
    /// `r(u,i)`.
    public let score: Double
    /// Kept events of the user on the item.
    public let events: Int
    /// UTC seconds of the user's latest event on the item.
    public let lastWatched: Int64

    public init(user: Int, score: Double, events: Int, lastWatched: Int64) {
        self.user = user
        self.score = score
        self.events = events
        self.lastWatched = lastWatched
    }
}
