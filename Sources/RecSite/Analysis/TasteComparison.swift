import RecEngine

/// Users' taste against the catalogue-wide taste, grouped by one item
/// attribute (genre or content type), and what the recommendations hand out
/// per group.
public struct TasteComparison: Sendable {
    public struct Row: Sendable, Equatable {
        public let name: String
        /// Users with at least one item of the group in their history.
        public let users: Int
        /// History entries (user, item) of the group over all users.
        public let historyItems: Int
        /// Σ r over the group's history entries.
        public let score: Double
        /// `score / Σ r of all users`: heavy viewers weigh more.
        public let globalShare: Double
        /// The mean over users with Σ r > 0 of the group's share of their own
        /// Σ r (0 for a user without the group): every user weighs the same.
        public let meanUserShare: Double
        /// Recommendation slots of the group's items, and those from cf.
        public let recommended: Int
        public let cfRecommended: Int
    }

    /// Groups by Σ r descending, then name by code points.
    public let rows: [Row]
    public let totalScore: Double
    public let historyItems: Int
    /// Users whose Σ r is positive: the denominator of `meanUserShare`.
    public let usersWithScore: Int
    public let slots: Int

    /// - Parameter key: the attribute to group by, e.g. `\.genre`.
    /// - Complexity: O(stored entries + users × k + items).
    public init(model: RecommenderModel, recommendations: [[Recommendation]], key: (Item) -> String) {
        let items = model.dataset.items
        var groupOf = [Int](repeating: 0, count: items.count)
        var index: [String: Int] = [:], names: [String] = []
        for (i, item) in items.enumerated() {
            let name = key(item)
            if index[name] == nil { index[name] = names.count; names.append(name) }
            groupOf[i] = index[name]!
        }
        let count = names.count
        var users = [Int](repeating: 0, count: count), entries = users, recommended = users, cf = users
        var score = [Double](repeating: 0, count: count), shareSum = score
        var userScore = score, touched: [Int] = [], lastUser = [Int](repeating: -1, count: count)
        var totalScore = 0.0, usersWithScore = 0
        for u in model.dataset.users.indices {
            var total = 0.0
            // Item ID order, as the engine sums, so the totals keep their bits.
            model.forEachHistoryEntry(user: u) { entry in
                let g = groupOf[Int(entry.item)]
                if lastUser[g] != u { lastUser[g] = u; touched.append(g) }
                entries[g] += 1
                userScore[g] += entry.score
                total += entry.score
            }
            if total > 0 { usersWithScore += 1 }
            for g in touched.sorted() {
                users[g] += 1
                score[g] += userScore[g]
                if total > 0 { shareSum[g] += userScore[g] / total }
                userScore[g] = 0
            }
            touched.removeAll(keepingCapacity: true)
            totalScore += total
        }
        var slots = 0
        for list in recommendations {
            for rec in list {
                let g = groupOf[Int(rec.item)]
                recommended[g] += 1
                if rec.source == .cf { cf[g] += 1 }
                slots += 1
            }
        }
        rows = (0..<count).map { g in
            Row(name: names[g], users: users[g], historyItems: entries[g], score: score[g],
                globalShare: totalScore > 0 ? score[g] / totalScore : 0,
                meanUserShare: usersWithScore > 0 ? shareSum[g] / Double(usersWithScore) : 0,
                recommended: recommended[g], cfRecommended: cf[g])
        }.sorted { a, b in a.score != b.score ? a.score > b.score : codePointLess(a.name, b.name) }
        self.totalScore = totalScore
        self.historyItems = entries.reduce(0, +)
        self.usersWithScore = usersWithScore
        self.slots = slots
    }
}
