import RecEngine

/// What the original tool's movies-only view hides, over all users: folded
/// from the users' reports as a build makes them.
public struct MoviesOnlyCoverage: Sendable, Equatable {
    /// Users with at least one history item.
    public private(set) var usersWithHistory: Int
    /// Users whose movies-only view hides at least one item.
    public private(set) var usersWithHiddenItems: Int
    /// Users with a history but not one movie: their view is empty.
    public private(set) var usersWithoutMovies: Int
    /// History entries (user, item) over all users, and the non-movie ones.
    public private(set) var historyItems: Int
    public private(set) var hiddenItems: Int
    /// Σ r over all history entries, and over the non-movie ones.
    public private(set) var totalScore: Double
    public private(set) var hiddenScore: Double

    /// Nothing added yet (`add(_:items:)` adds a user).
    public init() {
        (usersWithHistory, usersWithHiddenItems, usersWithoutMovies, historyItems, hiddenItems) = (0, 0, 0, 0, 0)
        (totalScore, hiddenScore) = (0, 0)
    }

    /// Folded from every user's report, in user order.
    /// - Complexity: O(Σ_u |H(u)|).
    public init(reports: some Sequence<UserReport>, items: [Item]) {
        self.init()
        for report in reports { add(report, items: items) }
    }

    /// Adds one user. Users must come in user order and entries are summed in
    /// item order (`historyByItem`), so the sums have the same bits however
    /// the site is batched.
    /// - Complexity: O(|H(u)|).
    public mutating func add(_ report: UserReport, items: [Item]) {
        guard !report.history.isEmpty else { return }
        usersWithHistory += 1
        var hiddenHere = 0
        for entry in report.historyByItem {
            totalScore += entry.score
            if !items[Int(entry.item)].isMovie {
                hiddenHere += 1
                hiddenScore += entry.score
            }
        }
        historyItems += report.history.count
        hiddenItems += hiddenHere
        if hiddenHere > 0 { usersWithHiddenItems += 1 }
        if hiddenHere == report.history.count { usersWithoutMovies += 1 }
    }
}
