import RecEngine

/// The tallies over all users that the comparisons page shows, folded from
/// the users' reports as the build makes them: taste by genre and by
/// content type, and what the movies-only view hides.
public struct UserAggregates: Sendable {
    public private(set) var genres: TasteComparison
    public private(set) var contentTypes: TasteComparison
    public private(set) var moviesOnly: MoviesOnlyCoverage
    private let items: [Item]

    /// Nothing added yet; the groups are the catalogue's.
    /// - Complexity: O(items).
    public init(items: [Item]) {
        self.items = items
        genres = TasteComparison(items: items, key: \.genre)
        contentTypes = TasteComparison(items: items, key: \.contentType)
        moviesOnly = MoviesOnlyCoverage()
    }

    /// Adds one user; users must come in user order.
    /// - Complexity: O(|H(u)| + k).
    public mutating func add(_ report: UserReport) {
        genres.add(report)
        contentTypes.add(report)
        moviesOnly.add(report, items: items)
    }
}
