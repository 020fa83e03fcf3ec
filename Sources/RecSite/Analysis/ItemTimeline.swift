import RecEngine

/// Each item's audience over time: per calendar month (UTC), the distinct
/// users with a kept event on the item and the number of those events.
struct ItemTimeline: Sendable {
    struct Month: Sendable, Equatable {
        /// `YYYY-MM`.
        let month: String
        let viewers: Int
        let events: Int
    }

    /// Months with events, oldest first, per item index.
    let months: [[Month]]

    /// - Complexity: O(events log events), one sort of (item, month, user).
    init(dataset: Dataset) {
        let events = dataset.events
        var keys: [(item: Int32, month: Int32, user: Int32)] = []
        keys.reserveCapacity(events.count)
        for e in 0..<events.count {
            let (year, month) = Timestamp.yearMonth(seconds: events.seconds[e])
            keys.append((events.item[e], Int32(year * 12 + month - 1), events.user[e]))
        }
        keys.sort { ($0.item, $0.month, $0.user) < ($1.item, $1.month, $1.user) }
        var months = [[Month]](repeating: [], count: dataset.items.count)
        var index = 0
        while index < keys.count {
            let (item, month) = (keys[index].item, keys[index].month)
            var viewers = 0, count = 0, lastUser: Int32 = -1
            while index < keys.count, keys[index].item == item, keys[index].month == month {
                if keys[index].user != lastUser { viewers += 1; lastUser = keys[index].user }
                count += 1
                index += 1
            }
            let year = Int(month) / 12, number = Int(month) % 12 + 1
            let label = String(year) + "-" + (number < 10 ? "0" : "") + String(number)
            months[Int(item)].append(Month(month: label, viewers: viewers, events: count))
        }
        self.months = months
    }
}
