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
        let items = model.dataset.items, matrix = model.matrix
        var withHistory = 0, withHidden = 0, withoutMovies = 0, entries = 0, hidden = 0
        var total = 0.0, hiddenScore = 0.0
        for u in 0..<matrix.userCount {
            let row = matrix.row(u)
            guard !row.isEmpty else { continue }
            withHistory += 1
            var hiddenHere = 0
            for p in row {
                entries += 1
                total += matrix.rowScore[p]
                if !items[Int(matrix.rowItem[p])].isMovie {
                    hiddenHere += 1
                    hiddenScore += matrix.rowScore[p]
                }
            }
            hidden += hiddenHere
            if hiddenHere > 0 { withHidden += 1 }
            if hiddenHere == row.count { withoutMovies += 1 }
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
