extension ItemSimilarity {
    /// One stored similarity: `sim(first, second)` with first < second.
    public struct KnownPair: Sendable, Equatable {
        public let first: Int32
        public let second: Int32
        public let similarity: Double

        public init(first: Int32, second: Int32, similarity: Double) {
            precondition(first < second, "a pair is stored once, lower index first")
            self.first = first
            self.second = second
            self.similarity = similarity
        }
    }

    /// A similarity holding only the given pairs, computed elsewhere (a
    /// results folder, `recsite build --results`): every question that
    /// reads only those pairs — a breakdown over them, the nearest items
    /// when the pairs hold an item's nearest — gets the same bits as from
    /// the full similarity. Sparse rows only; norms come from R, so
    /// `value(i, i)` is as before.
    /// - Parameters:
    ///   - matrix: R.
    ///   - pairs: distinct pairs with sim > 0, in any order.
    /// - Complexity: O(p log p) for p pairs.
    public init(matrix: InteractionMatrix, knownPairs pairs: [KnownPair]) {
        let itemCount = matrix.itemCount
        var rowStart = [Int](repeating: 0, count: itemCount + 1)
        for pair in pairs {
            rowStart[Int(pair.first) + 1] += 1
            rowStart[Int(pair.second) + 1] += 1
        }
        for i in 0..<itemCount { rowStart[i + 1] += rowStart[i] }
        var fill = rowStart
        var entries = [(neighbour: Int32, similarity: Double)](repeating: (0, 0), count: rowStart[itemCount])
        for pair in pairs {
            entries[fill[Int(pair.first)]] = (pair.second, pair.similarity)
            fill[Int(pair.first)] += 1
            entries[fill[Int(pair.second)]] = (pair.first, pair.similarity)
            fill[Int(pair.second)] += 1
        }
        for i in 0..<itemCount { entries[rowStart[i]..<rowStart[i + 1]].sort { $0.neighbour < $1.neighbour } }
        norms = Self.columnNorms(matrix: matrix)
        self.rowStart = rowStart
        neighbour = entries.map(\.neighbour)
        similarity = entries.map(\.similarity)
        denseRows = []
        scoresByColumnTiles = false
        isSymmetric = true
    }
}
