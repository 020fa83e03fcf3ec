/// Item-based collaborative filtering over a built model (SPEC §5).
///
/// `score(u,j) = Σ_{k ∈ H(u), r(u,k) > 0} sim(j,k) · r(u,k)`, accumulated by
/// walking each history item's similarity row; the sum runs over k in
/// ascending ID order so every score is bit-stable.
public struct Recommender: Sendable {
    public let matrix: InteractionMatrix
    public let similarity: ItemSimilarity
    public let popularity: Popularity

    public init(matrix: InteractionMatrix, similarity: ItemSimilarity, popularity: Popularity) {
        self.matrix = matrix
        self.similarity = similarity
        self.popularity = popularity
    }

    /// Reusable per-worker buffers, sized to the catalogue.
    public struct Scratch {
        var score: [Double]
        var inHistory: [Bool]
        var touched: [Int32] = []
        public init(itemCount: Int) {
            score = [Double](repeating: 0, count: itemCount)
            inHistory = [Bool](repeating: false, count: itemCount)
        }
    }

    /// The top `k` recommendations of user u: cf by score descending then ID
    /// order, filled with popular items not in H(u) when fewer than k score > 0.
    /// - Complexity: O(Σ_{k∈H(u)} neighbours(k) + candidates × log k + items for the fill).
    public func recommend(user u: Int, k: Int, scratch: inout Scratch) -> [Recommendation] {
        // A list never holds more than the catalogue. Clamping k keeps the
        // buffers below small when k is huge, and stops `k + 1` overflowing.
        let k = min(k, matrix.itemCount)
        guard k > 0 else { return [] }
        let history = matrix.row(u)
        for p in history { scratch.inHistory[Int(matrix.rowItem[p])] = true }
        defer { for p in history { scratch.inHistory[Int(matrix.rowItem[p])] = false } }

        accumulateScores(user: u, scratch: &scratch)
        var best = TopK(capacity: k)
        for j in scratch.touched {
            let s = scratch.score[Int(j)]
            scratch.score[Int(j)] = 0
            if !scratch.inHistory[Int(j)], s > 0 { best.insert(item: j, score: s) }
        }
        scratch.touched.removeAll(keepingCapacity: true)

        var list: [Recommendation] = []
        list.reserveCapacity(k)
        for (item, score) in best.sorted {
            let top = breakdown(user: u, item: Int(item), score: score, limit: 1).first
            list.append(Recommendation(rank: list.count + 1, item: item, score: score, source: .cf, reason: top))
        }
        if list.count < k {
            let listed = Set(list.map(\.item))
            for item in popularity.ranking where list.count < k {
                if scratch.inHistory[Int(item)] || listed.contains(item) { continue }
                list.append(Recommendation(rank: list.count + 1, item: item, score: nil, source: .popular, reason: nil))
            }
        }
        return list
    }

    /// Convenience without a caller-owned scratch.
    public func recommend(user u: Int, k: Int) -> [Recommendation] {
        var scratch = Scratch(itemCount: matrix.itemCount)
        return recommend(user: u, k: k, scratch: &scratch)
    }

    /// Recommendations for every user, computed on all cores, in user order.
    /// - Complexity: O(users × per-user cost) / cores.
    public func recommendAll(k: Int, workers: Int = ProcessInfoCores.count) -> [[Recommendation]] {
        parallelMap(count: matrix.userCount, workers: workers,
                    makeScratch: { Scratch(itemCount: matrix.itemCount) }) { u, scratch in
            recommend(user: u, k: k, scratch: &scratch)
        }
    }

    /// The breakdown of `score(u,j)` for any item j.
    /// - Complexity: O(|H(u)| × log neighbours).
    public func breakdown(user u: Int, item j: Int) -> ScoreBreakdown {
        let history = matrix.row(u)
        let inHistory = history.contains { matrix.rowItem[$0] == Int32(j) }
        var score = 0.0
        for p in history where matrix.rowScore[p] > 0 && matrix.rowItem[p] != Int32(j) {
            score += similarity.value(Int(matrix.rowItem[p]), j) * matrix.rowScore[p]
        }
        return ScoreBreakdown(
            user: Int32(u), item: Int32(j), score: score,
            contributions: breakdown(user: u, item: j, score: score, limit: nil),
            inHistory: inHistory)
    }

    private func accumulateScores(user u: Int, scratch: inout Scratch) {
        for p in matrix.row(u) {
            let r = matrix.rowScore[p]
            guard r > 0 else { continue }
            let k = Int(matrix.rowItem[p])
            for q in similarity.row(k) {
                let j = Int(similarity.neighbour[q])
                if scratch.score[j] == 0 { scratch.touched.append(Int32(j)) }
                scratch.score[j] += similarity.similarity[q] * r
            }
        }
    }

    /// Contributions `c_k > 0` sorted as SPEC §5 orders the breakdown.
    private func breakdown(user u: Int, item j: Int, score: Double, limit: Int?) -> [Contribution] {
        var rows: [Contribution] = []
        for p in matrix.row(u) {
            let r = matrix.rowScore[p]
            guard r > 0 else { continue }
            let k = matrix.rowItem[p]
            guard k != Int32(j) else { continue }  // an item never explains itself
            // Row k, as the score accumulates it: the same bits as value(j, k)
            // for SPEC's symmetric similarity, and right for a top-N variant.
            let sim = similarity.value(Int(k), j)
            let c = sim * r
            guard c > 0 else { continue }
            rows.append(Contribution(item: k, interaction: r, similarity: sim, contribution: c, share: c / score))
        }
        rows.sort { a, b in
            if a.contribution != b.contribution { return a.contribution > b.contribution }
            if a.interaction != b.interaction { return a.interaction > b.interaction }
            return a.item < b.item
        }
        if let limit, rows.count > limit { return Array(rows.prefix(limit)) }
        return rows
    }
}

/// Keeps the best `capacity` (score descending, then index ascending).
struct TopK {
    let capacity: Int
    private(set) var entries: [(item: Int32, score: Double)] = []

    init(capacity: Int) {
        self.capacity = capacity
        entries.reserveCapacity(capacity + 1)
    }

    @inline(__always) static func before(_ a: (item: Int32, score: Double), _ b: (item: Int32, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : a.item < b.item
    }

    mutating func insert(item: Int32, score: Double) {
        let entry = (item: item, score: score)
        if entries.count == capacity, let last = entries.last, !Self.before(entry, last) { return }
        var position = entries.count
        while position > 0, Self.before(entry, entries[position - 1]) { position -= 1 }
        entries.insert(entry, at: position)
        if entries.count > capacity { entries.removeLast() }
    }

    var sorted: [(item: Int32, score: Double)] { entries }
}
