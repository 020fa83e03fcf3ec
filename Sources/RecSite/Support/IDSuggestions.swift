import RecEngine

/// Finds the IDs closest to a mistyped one, for "did you mean" hints.
public enum IDSuggestions {
    /// The `limit` IDs with the smallest edit distance to `query` (ties in ID order).
    /// - Complexity: O(ids × |query| × |id|).
    public static func closest(to query: String, among ids: [String], limit: Int = 3) -> [String] {
        let target = lowercasedScalars(query)
        return nearest(ids, limit: limit, id: { $0 }) { editDistance(target, lowercasedScalars($0)) }
    }

    /// The `limit` items whose title or ID is closest to `query` by edit
    /// distance (case-insensitive; the smaller of the two counts, ties in ID
    /// order), as "Title (id)": a mistyped title gets the titles it resembles.
    /// Titles are compared and shown as capped (`DisplayText`), so a huge
    /// title costs no more than a long one.
    /// - Complexity: O(items × |query| × 200).
    public static func closestItems(to query: String, among items: [Item], limit: Int = 3) -> [String] {
        let target = lowercasedScalars(query)
        return nearest(items, limit: limit, id: \.id) { item in
            min(editDistance(target, lowercasedScalars(DisplayText.capped(item.title))),
                editDistance(target, lowercasedScalars(DisplayText.capped(item.id))))
        }.map { "\(DisplayText.capped($0.title)) (\(DisplayText.capped($0.id)))" }
    }

    /// The `limit` candidates of smallest `distance`, ties in the ID order of `id`.
    private static func nearest<Candidate>(
        _ candidates: [Candidate], limit: Int, id: (Candidate) -> String, distance: (Candidate) -> Int
    ) -> [Candidate] {
        let scored = candidates.map { (distance: distance($0), candidate: $0) }
        return scored.sorted {
            $0.distance != $1.distance ? $0.distance < $1.distance : IDOrder.less(id($0.candidate), id($1.candidate))
        }.prefix(limit).map(\.candidate)
    }

    private static func lowercasedScalars(_ text: String) -> [Unicode.Scalar] { Array(text.lowercased().unicodeScalars) }

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
