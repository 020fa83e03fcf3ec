import RecEngine

/// `recsite recommend` as a table.
public enum RecommendationList {
    public static func render(user u: Int, list: [Recommendation], model: RecommenderModel, k: Int) -> String {
        let user = model.dataset.users[u]
        let cf = list.filter { $0.source == .cf }.count
        var out = "Recommendations for \(user.id)\(user.name.isEmpty ? "" : " (\(user.name))") — k = \(k)"
        out += ", \(cf) collaborative-filtering, \(list.count - cf) popular fill\n"
        out += ReportTables.recommendations(list, items: model.dataset.items) + "\n"
        return out
    }
}

/// `recsite popular` as a table.
public enum PopularList {
    public static func render(model: RecommenderModel, limit: Int, contentType: String?) -> String {
        let items = model.dataset.items
        let ranking = contentType.map { type in model.popularity.ranking { items[$0].contentType == type } }
            ?? model.popularity.ranking
        var out = "Most popular \(contentType.map { "\($0) " } ?? "")items (popularity = Σ r(u,i) over all users)\n"
        out += ReportTables.popular(Array(ranking.prefix(limit)), model: model) + "\n"
        return out
    }
}
