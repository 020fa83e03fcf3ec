/// What the pages ask of the model, so they never read R's or the
/// similarity's storage.
extension RecommenderModel {
    /// The `limit` items most similar to `item`: sim > 0 only, similarity
    /// descending, then ID order.
    /// - Parameters:
    ///   - item: an item index.
    ///   - limit: the most neighbours to return.
    /// - Returns: the neighbours with `sim(item, j)`.
    /// - Complexity: O(n log n) for n neighbours of the item.
    public func mostSimilar(to item: Int, limit: Int) -> [ItemNeighbour] {
        similarity.mostSimilar(to: item, limit: limit)
    }

    /// The `limit` viewers of `item` with the highest `r(u,i)`, then user ID order.
    /// - Parameters:
    ///   - item: an item index.
    ///   - limit: the most viewers to return.
    /// - Returns: each viewer with `r(u,i)`, its events and latest event time.
    /// - Complexity: O(v log v + limit × log |H(u)|) for v viewers of the item.
    public func topViewers(of item: Int, limit: Int) -> [ItemViewer] {
        matrix.topViewers(of: item, limit: limit)
    }

    /// How many users have `item` in their history.
    /// - Parameter item: an item index.
    /// - Returns: `viewers(item)` of SPEC §6.
    /// - Complexity: O(1).
    public func viewerCount(of item: Int) -> Int { matrix.viewerCount(of: item) }

    /// |H(u)|, counting items with r = 0.
    /// - Parameter user: a user index.
    /// - Returns: how many items the user has a kept event on.
    /// - Complexity: O(1).
    public func historyCount(user: Int) -> Int { matrix.historyCount(user: user) }

    /// Calls `body` with each entry of the user's history in item ID order
    /// (the order the engine sums in), without building a `UserProfile`.
    /// - Parameters:
    ///   - user: a user index.
    ///   - body: receives each history entry.
    /// - Complexity: O(|H(u)|).
    public func forEachHistoryEntry(user: Int, _ body: (HistoryEntry) throws -> Void) rethrows {
        try matrix.forEachHistoryEntry(user: user, body)
    }
}
