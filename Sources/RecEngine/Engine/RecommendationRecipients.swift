/// Every user's recommendation list inverted by item: for each item, the
/// users it is recommended to, by rank ascending, then user (ID) order.
///
/// Stored as CSR (one span per item) and built with two stable counting
/// passes, by rank and then by item, so there are no comparisons.
public struct RecommendationRecipients: Sendable {
    /// Item i spans `start[i]..<start[i+1]` of the arrays below.
    private let start: [Int]
    private let user: [Int32]
    private let rank: [Int32]
    private let source: [RecommendationSource]

    /// - Parameters:
    ///   - itemCount: the catalogue size; every listed item must be below it.
    ///   - lists: each user's list, in user order; ranks are ≥ 1.
    /// - Complexity: O(users × k + items) time and memory.
    public init(itemCount: Int, lists: [[Recommendation]]) {
        var slots = 0, maxRank = 0
        for list in lists {
            slots += list.count
            for rec in list { maxRank = max(maxRank, rec.rank) }
        }
        // Pass 1: slots by rank, users ascending within a rank (stable).
        var rankStart = [Int](repeating: 0, count: maxRank + 1)
        for list in lists {
            for rec in list {
                precondition(rec.rank >= 1, "ranks are 1-based")
                rankStart[rec.rank] += 1
            }
        }
        for r in 0..<maxRank { rankStart[r + 1] += rankStart[r] }
        var byRank = [(user: Int32, index: Int32)](repeating: (0, 0), count: slots)
        for (u, list) in lists.enumerated() {
            for (index, rec) in list.enumerated() {
                byRank[rankStart[rec.rank - 1]] = (Int32(u), Int32(index))
                rankStart[rec.rank - 1] += 1
            }
        }
        // Pass 2: by item, keeping (rank, user) order within an item.
        var start = [Int](repeating: 0, count: itemCount + 1)
        for list in lists { for rec in list { start[Int(rec.item) + 1] += 1 } }
        for i in 0..<itemCount { start[i + 1] += start[i] }
        var next = start
        var user = [Int32](repeating: 0, count: slots), rank = user
        var source = [RecommendationSource](repeating: .cf, count: slots)
        for (u, index) in byRank {
            let rec = lists[Int(u)][Int(index)]
            let p = next[Int(rec.item)]
            next[Int(rec.item)] += 1
            user[p] = u
            rank[p] = Int32(rec.rank)
            source[p] = rec.source
        }
        self.start = start
        self.user = user
        self.rank = rank
        self.source = source
    }

    /// The users whose list holds `item`.
    /// - Parameter item: an item index.
    /// - Returns: rank ascending, then user order.
    /// - Complexity: O(recipients of the item).
    public func recipients(of item: Int) -> [Recipient] {
        (start[item]..<start[item + 1]).map { Recipient(user: Int(user[$0]), rank: Int(rank[$0]), source: source[$0]) }
    }

    /// How many users' lists hold `item`.
    /// - Parameter item: an item index.
    /// - Returns: the number of recipients.
    /// - Complexity: O(1).
    public func count(of item: Int) -> Int { start[item + 1] - start[item] }
}
