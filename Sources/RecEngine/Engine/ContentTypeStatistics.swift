/// Catalogue-wide numbers for one content type.
public struct ContentTypeStatistics: Sendable, Equatable {
    public let contentType: String
    /// Items of this type in the catalogue.
    public let items: Int
    /// Items of this type with at least one viewer.
    public let watchedItems: Int
    /// Kept events on items of this type.
    public let events: Int
    /// Distinct users with an item of this type in their history.
    public let viewers: Int
    /// Σ popularity over the type's items.
    public let popularity: Double

    /// One row per content type: popularity descending, then type name by code points.
    /// - Complexity: O(stored entries + items).
    public static func compute(model: RecommenderModel) -> [ContentTypeStatistics] {
        let items = model.dataset.items
        let matrix = model.matrix
        var types: [String: Int] = [:]
        var names: [String] = []
        for item in items where types[item.contentType] == nil {
            types[item.contentType] = names.count
            names.append(item.contentType)
        }
        var itemCount = [Int](repeating: 0, count: names.count)
        var watched = [Int](repeating: 0, count: names.count)
        var events = [Int](repeating: 0, count: names.count)
        var popularity = [Double](repeating: 0, count: names.count)
        for (i, item) in items.enumerated() {
            let t = types[item.contentType]!
            itemCount[t] += 1
            if model.popularity.viewers[i] > 0 { watched[t] += 1 }
            popularity[t] += model.popularity.score[i]
        }
        var viewers = [Int](repeating: 0, count: names.count)
        var seen = [Int](repeating: -1, count: names.count)
        for u in 0..<matrix.userCount {
            for p in matrix.row(u) {
                let t = types[items[Int(matrix.rowItem[p])].contentType]!
                events[t] += Int(matrix.rowEvents[p])
                if seen[t] != u { seen[t] = u; viewers[t] += 1 }
            }
        }
        return names.indices.map {
            ContentTypeStatistics(contentType: names[$0], items: itemCount[$0], watchedItems: watched[$0],
                                  events: events[$0], viewers: viewers[$0], popularity: popularity[$0])
        }.sorted { a, b in
            a.popularity != b.popularity ? a.popularity > b.popularity : codePointLess(a.contentType, b.contentType)
        }
    }
}
