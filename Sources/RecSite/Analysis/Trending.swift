import RecEngine

/// Trending content: the items whose popularity (Σ watch seconds × weight)
/// rose most in the last 30 days of the data against the 30 days before,
/// both measured back from the latest kept event, so a build does not
/// depend on the day it runs.
struct Trending: Sendable {
    static let window: Int64 = 30 * 86_400
    static let limit = 10

    struct Row: Sendable, Equatable {
        let item: Int
        /// Popularity in the last 30 days and in the 30 days before.
        let recent: Double
        let before: Double
        var rise: Double { recent - before }
    }

    /// The latest kept event, the end of the recent window; `nil` without events.
    let end: Int64?
    /// Items with a positive rise, largest first, then ID order; at most `limit`.
    let rows: [Row]

    /// - Complexity: O(events + items log items); each window's sum adds its
    ///   terms in ascending order, so it ignores the rows' order (docs/rules.md).
    init(model: RecommenderModel) {
        let dataset = model.dataset, events = dataset.events
        guard let end = events.seconds.max() else {
            (self.end, rows) = (nil, [])
            return
        }
        self.end = end
        let weights = dataset.eventTypes.map { model.config.weights.weight(of: $0) ?? 0 }
        var recent = [[Double]](repeating: [], count: dataset.items.count)
        var before = recent
        for e in 0..<events.count {
            let age = end - events.seconds[e]
            guard age < 2 * Self.window else { continue }
            let term = events.watchSeconds[e] * weights[Int(events.type[e])]
            if age < Self.window { recent[Int(events.item[e])].append(term) } else { before[Int(events.item[e])].append(term) }
        }
        var rows: [Row] = []
        for i in dataset.items.indices {
            let row = Row(item: i, recent: InteractionMatrix.canonicalSum(&recent[i]),
                          before: InteractionMatrix.canonicalSum(&before[i]))
            if row.rise > 0 { rows.append(row) }
        }
        self.rows = Array(rows.sorted { $0.rise != $1.rise ? $0.rise > $1.rise : $0.item < $1.item }.prefix(Self.limit))
    }
}
