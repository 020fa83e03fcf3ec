/// One item of a user's history.
public struct HistoryEntry: Sendable, Equatable {
    public let item: Int32
    /// `r(u,i)`.
    public let score: Double
    /// Kept events of the user on the item.
    public let events: Int
    /// Latest event, UTC seconds since 1970.
    public let lastWatched: Int64
}

/// A group total: a genre's or a content type's share of a user's history.
public struct GroupTotal: Sendable, Equatable {
    public let name: String
    public let items: Int
    public let score: Double
}

/// What a user watched (SPEC §6): history, genre preferences, content breakdown.
public struct UserProfile: Sendable {
    public let user: Int32
    /// H(u) by `r(u,i)` descending, then ID order.
    public let history: [HistoryEntry]
    /// H(u) in item (ID) order: the order every sum over a history runs in
    /// (docs/rules.md, "Summation order"), so no total depends on how the
    /// history is displayed.
    public let historyByItem: [HistoryEntry]

    public init(user u: Int, matrix: InteractionMatrix) {
        user = Int32(u)
        historyByItem = matrix.row(u).map { matrix.historyEntry(at: $0) }
        history = historyByItem.sorted { a, b in a.score != b.score ? a.score > b.score : a.item < b.item }
    }

    /// The movies-only view: history entries whose content type is `movie`.
    public func moviesOnly(items: [Item]) -> [HistoryEntry] {
        history.filter { items[Int($0.item)].isMovie }
    }

    /// `Σ r(u,i)` per genre over `entries` (all history by default): score
    /// descending, then genre name by code points.
    public func genrePreferences(items: [Item], entries: [HistoryEntry]? = nil) -> [GroupTotal] {
        group(entries, by: { items[Int($0)].genre }).sorted { a, b in
            a.score != b.score ? a.score > b.score : codePointLess(a.name, b.name)
        }
    }

    /// Items and summed `r` per content type: items descending, then score
    /// descending, then type name by code points.
    public func contentBreakdown(items: [Item]) -> [GroupTotal] {
        group(history, by: { items[Int($0)].contentType }).sorted { a, b in
            if a.items != b.items { return a.items > b.items }
            if a.score != b.score { return a.score > b.score }
            return codePointLess(a.name, b.name)
        }
    }

    /// Total `r` over the history, summed in item order.
    public var totalScore: Double { historyByItem.reduce(0) { $0 + $1.score } }

    /// Total `r` over the movies-only view, summed in item order.
    public func movieScore(items: [Item]) -> Double {
        historyByItem.reduce(0) { items[Int($1.item)].isMovie ? $0 + $1.score : $0 }
    }

    /// Kept events over the history.
    public var eventCount: Int { history.reduce(0) { $0 + $1.events } }

    /// Sums in ascending item order so totals do not depend on display order.
    private func group(_ entries: [HistoryEntry]?, by key: (Int32) -> String) -> [GroupTotal] {
        var totals: [String: (items: Int, score: Double)] = [:]
        for entry in entries?.sorted(by: { $0.item < $1.item }) ?? historyByItem {
            totals[key(entry.item), default: (0, 0)].items += 1
            totals[key(entry.item), default: (0, 0)].score += entry.score
        }
        return totals.map { GroupTotal(name: $0.key, items: $0.value.items, score: $0.value.score) }
    }
}
