import RecEngine

/// Finds the IDs closest to a mistyped one, for "did you mean" hints.
public enum IDSuggestions {
    /// The `limit` IDs with the smallest edit distance to `query` (ties in ID order).
    /// - Complexity: O(ids × |query| × |id|).
    public static func closest(to query: String, among ids: [String], limit: Int = 3) -> [String] {
        let target = Array(query.lowercased().unicodeScalars)
        var scored: [(distance: Int, id: String)] = []
        scored.reserveCapacity(ids.count)
        for id in ids {
            scored.append((editDistance(target, Array(id.lowercased().unicodeScalars)), id))
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : IDOrder.less($0.id, $1.id) }
        return scored.prefix(limit).map(\.id)
    }

    /// The `limit` items whose title or ID is closest to `query` by edit
    /// distance (case-insensitive; the smaller of the two counts, ties in ID
    /// order), as "Title (id)": a mistyped title gets the titles it resembles.
    /// Titles are compared and shown as capped (`DisplayText`), so a huge
    /// title costs no more than a long one.
    /// - Complexity: O(items × |query| × 200).
    public static func closestItems(to query: String, among items: [Item], limit: Int = 3) -> [String] {
        let target = Array(query.lowercased().unicodeScalars)
        var scored: [(distance: Int, index: Int)] = []
        scored.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let title = editDistance(target, Array(DisplayText.capped(item.title).lowercased().unicodeScalars))
            let id = editDistance(target, Array(DisplayText.capped(item.id).lowercased().unicodeScalars))
            scored.append((min(title, id), index))
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : IDOrder.less(items[$0.index].id, items[$1.index].id) }
        return scored.prefix(limit).map { "\(DisplayText.capped(items[$0.index].title)) (\(DisplayText.capped(items[$0.index].id)))" }
    }

    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
