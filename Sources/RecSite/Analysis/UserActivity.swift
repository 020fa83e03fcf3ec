import RecEngine

/// First and last kept event of every user, from one pass over the events
/// (history rows keep only each item's latest event, so the first activity
/// cannot come from them).
public struct UserActivity: Sendable {
    /// UTC seconds of each user's earliest kept event; `nil` without events.
    public let first: [Int64?]
    /// UTC seconds of each user's latest kept event; `nil` without events.
    public let last: [Int64?]

    /// - Complexity: O(events + users).
    public init(dataset: Dataset) {
        var first = [Int64](repeating: .max, count: dataset.users.count)
        var last = [Int64](repeating: .min, count: dataset.users.count)
        let events = dataset.events
        for e in 0..<events.count {
            let u = Int(events.user[e])
            first[u] = min(first[u], events.seconds[e])
            last[u] = max(last[u], events.seconds[e])
        }
        self.first = first.map { $0 == .max ? nil : $0 }
        self.last = last.map { $0 == .min ? nil : $0 }
    }
}
