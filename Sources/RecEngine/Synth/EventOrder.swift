/// The order of the clean rows of events.csv: generated events (already by
/// time) merged with story events by their instant, so the log reads as one
/// timeline. A story row at the same millisecond as a generated one comes
/// after it; a story row whose timestamp does not parse goes last.
struct EventOrder {
    /// Non-negative: generated event index; negative: story row `-(s + 1)`.
    let rows: [Int32]
    /// Where each generated event stands in `rows`.
    let positionOfGenerated: [Int32]

    /// - Complexity: O(generated + story × log story).
    init(log: ViewingLog, story: [EventRow]) {
        let storyTimes = story.map { row -> Int64 in
            guard let t = TimestampParser.parse(row.timestamp) else { return .max }
            let millis = Int64(t.fraction.prefix(3).padding(to: 3)) ?? 0
            return t.seconds * 1000 + millis
        }
        let storyOrder = story.indices.sorted {
            storyTimes[$0] != storyTimes[$1] ? storyTimes[$0] < storyTimes[$1] : $0 < $1
        }
        var rows: [Int32] = []
        rows.reserveCapacity(log.count + story.count)
        var positions = [Int32](repeating: 0, count: log.count)
        var s = 0
        for e in 0..<log.count {
            while s < storyOrder.count, storyTimes[storyOrder[s]] < log.time[e] {
                rows.append(-Int32(storyOrder[s]) - 1); s += 1
            }
            positions[e] = Int32(rows.count)
            rows.append(Int32(e))
        }
        while s < storyOrder.count { rows.append(-Int32(storyOrder[s]) - 1); s += 1 }
        self.rows = rows
        positionOfGenerated = positions
    }
}

private extension Substring {
    /// Right-pads fraction digits with zeros: "25" → "250".
    func padding(to length: Int) -> String {
        String(self) + String(repeating: "0", count: Swift.max(0, length - count))
    }
}
