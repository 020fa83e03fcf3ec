import RecEngine

/// Everyone's taste: each genre's and content type's share of all
/// interaction score (Σ popularity over its items ÷ Σ popularity), for a
/// user's page to set the user's own shares beside.
struct GlobalMix: Sendable {
    /// Share of the total by genre and by content type; empty when nobody has a score.
    let genres: [String: Double]
    let contentTypes: [String: Double]

    /// - Complexity: O(items); sums run over items in ID order (docs/rules.md).
    init(model: RecommenderModel) {
        var genres: [String: Double] = [:], types: [String: Double] = [:]
        var total = 0.0
        for (i, item) in model.dataset.items.enumerated() {
            let score = model.popularity.score[i]
            genres[item.genre, default: 0] += score
            types[item.contentType, default: 0] += score
            total += score
        }
        self.genres = total > 0 ? genres.mapValues { $0 / total } : [:]
        contentTypes = total > 0 ? types.mapValues { $0 / total } : [:]
    }
}
