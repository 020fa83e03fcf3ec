import RecEngine

/// What the original tool's movies-only view hides, over all users.
public struct MoviesOnlyCoverage: Sendable, Equatable {
    /// Users with at least one history item.
    public let usersWithHistory: Int
    /// Users whose movies-only view hides at least one item.
    public let usersWithHiddenItems: Int
    /// Users with a history but not one movie: their view is empty.
    public let usersWithoutMovies: Int
    /// History entries (user, item) over all users, and the non-movie ones.
    public let historyItems: Int
    public let hiddenItems: Int
    /// Σ r over all history entries, and over the non-movie ones.
    public let totalScore: Double
    public let hiddenScore: Double

    /// - Complexity: O(stored entries).
    public init(model: RecommenderModel) {
        let items = model.dataset.items
        var withHistory = 0, withHidden = 0, withoutMovies = 0, entries = 0, hidden = 0
        var total = 0.0, hiddenScore = 0.0
        for u in model.dataset.users.indices {
            let count = model.historyCount(user: u)
            guard count > 0 else { continue }
            withHistory += 1
            var hiddenHere = 0
            model.forEachHistoryEntry(user: u) { entry in
                total += entry.score
                if !items[Int(entry.item)].isMovie {
                    hiddenHere += 1
                    hiddenScore += entry.score
                }
            }
            entries += count
            hidden += hiddenHere
            if hiddenHere > 0 { withHidden += 1 }
            if hiddenHere == count { withoutMovies += 1 }
        }
        usersWithHistory = withHistory
        usersWithHiddenItems = withHidden
        usersWithoutMovies = withoutMovies
        historyItems = entries
        hiddenItems = hidden
        totalScore = total
        self.hiddenScore = hiddenScore
    }
}
