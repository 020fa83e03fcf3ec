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
    public var rows: [Row] {
        (0..<names.count).map { g in
            Row(name: names[g], users: users[g], historyItems: entries[g], score: score[g],
                globalShare: totalScore > 0 ? score[g] / totalScore : 0,
                meanUserShare: usersWithScore > 0 ? shareSum[g] / Double(usersWithScore) : 0,
                recommended: recommended[g], cfRecommended: cf[g])
        }.sorted { a, b in a.score != b.score ? a.score > b.score : codePointLess(a.name, b.name) }
    }
    public private(set) var totalScore = 0.0
    /// History entries (user, item) over all users.
    public var historyItems: Int { entries.reduce(0, +) }
    /// Users whose Σ r is positive: the denominator of `meanUserShare`.
    public private(set) var usersWithScore = 0
    /// Recommendation slots over all users.
    public private(set) var slots = 0

    /// Each item's group, the groups' names (every group of the catalogue,
    /// watched or not), and the tallies per group.
    private let groupOf: [Int]
    private let names: [String]
    private var users: [Int], entries: [Int], recommended: [Int], cf: [Int]
    private var score: [Double], shareSum: [Double]

    /// Groups the catalogue by `key`; users are added with `add(_:)`.
    /// - Parameter key: the attribute to group by, e.g. `\.genre`.
    /// - Complexity: O(items).
    public init(items: [Item], key: (Item) -> String) {
        var groupOf = [Int](repeating: 0, count: items.count)
        var index: [String: Int] = [:], names: [String] = []
        for (i, item) in items.enumerated() {
            let name = key(item)
            if index[name] == nil { index[name] = names.count; names.append(name) }
            groupOf[i] = index[name]!
        }
        self.groupOf = groupOf
        self.names = names
        users = [Int](repeating: 0, count: names.count)
        (entries, recommended, cf) = (users, users, users)
        score = [Double](repeating: 0, count: names.count)
        shareSum = score
    }

    /// Folded from every user's report, in user order.
    /// - Complexity: O(Σ_u |H(u)| + users × k + items).
    public init(reports: some Sequence<UserReport>, items: [Item], key: (Item) -> String) {
        self.init(items: items, key: key)
        for report in reports { add(report) }
    }

    /// Adds one user's history and list. Users must come in user order, and
    /// a user's entries are summed in item order (`historyByItem`, as the
    /// engine sums), so the totals have the same bits however the site is
    /// batched.
    /// - Complexity: O(|H(u)| + k).
    public mutating func add(_ report: UserReport) {
        var userScore: [Int: Double] = [:]
        var total = 0.0
        for entry in report.historyByItem {
            let g = groupOf[Int(entry.item)]
            entries[g] += 1
            userScore[g, default: 0] += entry.score
            total += entry.score
        }
        if total > 0 { usersWithScore += 1 }
        for (g, groupScore) in userScore {
            users[g] += 1
            score[g] += groupScore
            if total > 0 { shareSum[g] += groupScore / total }
        }
        totalScore += total
        for entry in report.recommendations {
            let g = groupOf[entry.item]
            recommended[g] += 1
            if entry.recommendation.source == .cf { cf[g] += 1 }
            slots += 1
        }
    }
}
