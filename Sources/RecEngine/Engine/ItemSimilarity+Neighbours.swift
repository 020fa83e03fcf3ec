extension ItemSimilarity {
    /// The `limit` items most similar to item i: similarity descending, then
    /// ID order (items are indexed in ID order). Only stored pairs, so only
    /// sim > 0, never i itself.
    /// - Parameters:
    ///   - i: an item index.
    ///   - limit: the most neighbours to return.
    /// - Returns: the neighbours with their similarity.
    /// - Complexity: O(n log n) for n neighbours of i.
    public func mostSimilar(to i: Int, limit: Int) -> [ItemNeighbour] {
        row(i).map { ItemNeighbour(item: Int(neighbour[$0]), similarity: similarity[$0]) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.item < $1.item }
            .prefix(max(0, limit)).map { $0 }
    }
}
