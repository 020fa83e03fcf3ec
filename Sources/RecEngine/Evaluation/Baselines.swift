/// The two lists every recommender must beat. Both leave out the user's
/// training history, as the engine does.
enum Baselines {
    /// The k most popular training items (SPEC §6 order) not in the user's
    /// training history: the engine's popular fill on its own.
    /// - Complexity: O(k + |H(u)| × log |H(u)|) for most users, O(items) at worst.
    static func mostPopular(user u: Int, k: Int, matrix: InteractionMatrix, popularity: Popularity) -> [Int32] {
        let history = matrix.rowItem[matrix.row(u)]
        var list: [Int32] = []
        for item in popularity.ranking where list.count < k {
            if !sortedContains(history, item) { list.append(item) }
        }
        return list
    }

    /// k items drawn uniformly without replacement from those not in the
    /// user's training history, by a generator seeded with the seed and the
    /// user's ID (a stream apart from the split's).
    /// - Complexity: O(items).
    static func random(user u: Int, userID: String, k: Int, matrix: InteractionMatrix, seed: UInt64) -> [Int32] {
        let history = matrix.rowItem[matrix.row(u)]
        var candidates = (0..<Int32(matrix.itemCount)).filter { !sortedContains(history, $0) }
        var random = SeededRandom(seed: seed, stream: stableHash(userID) ^ 0x5241_4E44_4F4D)  // "RANDOM"
        let count = min(k, candidates.count)
        for i in 0..<count {
            candidates.swapAt(i, i + random.below(candidates.count - i))
        }
        return Array(candidates.prefix(count))
    }
}
