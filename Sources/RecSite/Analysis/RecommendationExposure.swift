import RecEngine

/// How the recommendation lists of all users spread over the catalogue:
/// per item, how many users get it; overall, coverage, the cf/popular
/// split and the Gini index of exposure. (Who gets an item, and at which
/// rank, is `RecommendationRecipients`'.)
public struct RecommendationExposure: Sendable {

    /// Users whose list holds each item.
    public let users: [Int]
    /// Of those, lists where the item came from collaborative filtering.
    public let cfUsers: [Int]
    /// Recommendation slots over all users (Σ list lengths).
    public let slots: Int
    public let cfSlots: Int
    /// Users whose list has at least one popular fill.
    public let usersWithFill: Int

    /// - Complexity: O(s + items) for s = users × k recommendation slots.
    public init(itemCount: Int, recommendations: [[Recommendation]]) {
        var users = [Int](repeating: 0, count: itemCount)
        var cfUsers = [Int](repeating: 0, count: itemCount)
        var slots = 0, cfSlots = 0, usersWithFill = 0
        for list in recommendations {
            var filled = false
            for rec in list {
                let i = Int(rec.item)
                users[i] += 1
                slots += 1
                if rec.source == .cf { cfUsers[i] += 1; cfSlots += 1 } else { filled = true }
            }
            if filled { usersWithFill += 1 }
        }
        self.users = users
        self.cfUsers = cfUsers
        self.slots = slots
        self.cfSlots = cfSlots
        self.usersWithFill = usersWithFill
    }

    /// Distinct items in at least one list.
    public var distinctItems: Int { users.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } }

    /// Items ordered by how many lists hold them (descending), then ID order.
    public func mostRecommended(limit: Int) -> [Int] {
        users.indices.filter { users[$0] > 0 }
            .sorted { users[$0] != users[$1] ? users[$0] > users[$1] : $0 < $1 }
            .prefix(limit).map { $0 }
    }

    /// The Gini index of `users` over every catalogue item (0 when nothing is
    /// recommended): 0 when every item is recommended equally often, near 1
    /// when a few items take every slot.
    /// `G = Σ_i Σ_j |x_i − x_j| / (2 n² x̄)`, computed on the sorted counts as
    /// `G = 2 Σ_i i·x_(i) / (n Σ x) − (n + 1) / n` with i = 1…n ascending.
    public var gini: Double { Self.gini(users) }

    /// The Gini index of non-negative counts.
    /// - Complexity: O(n log n).
    public static func gini(_ counts: [Int]) -> Double {
        let n = counts.count
        let total = counts.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        var weighted = 0.0
        for (position, x) in counts.sorted().enumerated() { weighted += Double(position + 1) * Double(x) }
        return 2 * weighted / (Double(n) * Double(total)) - Double(n + 1) / Double(n)
    }
}
