/// Global popularity (SPEC §6): `popularity(i) = Σ_u r(u,i)`, `viewers(i)` =
/// distinct users with i in their history, ranked by popularity descending,
/// then viewers descending, then ID order. Unwatched items rank last.
public struct Popularity: Sendable {
    public let score: [Double]
    public let viewers: [Int]
    /// Item indices, most popular first.
    public let ranking: [Int32]
    /// 1-based rank of each item.
    public let rank: [Int]

    /// - Complexity: O(stored entries + items × log items).
    public init(matrix: InteractionMatrix) {
        var score = [Double](repeating: 0, count: matrix.itemCount)
        var viewers = [Int](repeating: 0, count: matrix.itemCount)
        for i in 0..<matrix.itemCount {
            var sum = 0.0
            for p in matrix.column(i) { sum += matrix.columnScore[p] }
            score[i] = sum
            viewers[i] = matrix.column(i).count
        }
        let ranking = (0..<Int32(matrix.itemCount)).sorted { a, b in
            let (x, y) = (Int(a), Int(b))
            if score[x] != score[y] { return score[x] > score[y] }
            if viewers[x] != viewers[y] { return viewers[x] > viewers[y] }
            return a < b
        }
        var rank = [Int](repeating: 0, count: matrix.itemCount)
        for (position, item) in ranking.enumerated() { rank[Int(item)] = position + 1 }
        self.score = score
        self.viewers = viewers
        self.ranking = ranking
        self.rank = rank
    }

    /// The ranking restricted to items passing `include`, in rank order.
    public func ranking(where include: (Int) -> Bool) -> [Int32] {
        ranking.filter { include(Int($0)) }
    }
}
