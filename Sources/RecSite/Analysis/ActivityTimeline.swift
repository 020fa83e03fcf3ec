import RecEngine

/// Kept events per week, overall and per content type, for the index's
/// activity chart. Weeks start on Monday 00:00 UTC; the first is the week of
/// the earliest event, the last the week of the latest.
struct ActivityTimeline: Sendable {
    /// UTC seconds of each week's Monday.
    let weekStarts: [Int64]
    /// Events per week, all content types.
    let total: [Int]
    /// Events per week of each content type, types by events descending, then name.
    let byType: [(name: String, counts: [Int])]

    static let week: Int64 = 7 * 86_400

    /// - Complexity: O(events + weeks × content types).
    init(dataset: Dataset) {
        let events = dataset.events
        guard events.count > 0, let first = events.seconds.min(), let last = events.seconds.max() else {
            (weekStarts, total, byType) = ([], [], [])
            return
        }
        // 1970-01-01 was a Thursday: Monday-based weeks start 3 days before it.
        func monday(_ seconds: Int64) -> Int64 {
            let shifted = seconds + 3 * 86_400
            let weekIndex = shifted >= 0 ? shifted / Self.week : (shifted - Self.week + 1) / Self.week
            return weekIndex * Self.week - 3 * 86_400
        }
        let start = monday(first), weeks = Int((monday(last) - start) / Self.week) + 1
        weekStarts = (0..<weeks).map { start + Int64($0) * Self.week }
        var types: [String: Int] = [:]
        var names: [String] = []
        for item in dataset.items where types[item.contentType] == nil {
            types[item.contentType] = names.count
            names.append(item.contentType)
        }
        let typeOfItem = dataset.items.map { types[$0.contentType]! }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: weeks), count: names.count)
        var total = [Int](repeating: 0, count: weeks)
        for e in 0..<events.count {
            let w = Int((monday(events.seconds[e]) - start) / Self.week)
            total[w] += 1
            counts[typeOfItem[Int(events.item[e])]][w] += 1
        }
        self.total = total
        byType = zip(names, counts).map { (name: $0, counts: $1) }.filter { $0.counts.contains { $0 > 0 } }
            .sorted { a, b in
                let (x, y) = (a.counts.reduce(0, +), b.counts.reduce(0, +))
                return x != y ? x > y : codePointLess(a.name, b.name)
            }
    }

    var isEmpty: Bool { weekStarts.isEmpty }
}
