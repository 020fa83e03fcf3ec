import RecEngine

/// The table cells that describe an item, the same on every page that lists
/// items: `id` and `title` linked to the item page, then `type`, `genre`,
/// `popularity`, `rank` and `viewers`. Templates pick the keys they show.
enum ItemCells {
    static func cells(_ i: Int, from page: String, facts: SiteFacts) -> [String: Any] {
        let item = facts.items[i]
        let path = SitePaths.item(item.id)
        return [
            "id": MarkdownLink.to(path, from: page, text: item.id),
            "title": MarkdownLink.to(path, from: page, text: item.title),
            "type": MarkdownEscaping.text(item.contentType),
            "genre": MarkdownEscaping.text(item.genre),
            "popularity": NumberFormat.interaction(facts.model.popularity.score[i]),
            "rank": String(facts.model.popularity.rank[i]),
            "viewers": String(facts.model.popularity.viewers[i]),
        ]
    }

    /// `cells` plus `position` (1-based place in `ranking`), for top lists.
    static func ranked(_ ranking: some Sequence<Int32>, from page: String, facts: SiteFacts) -> [[String: Any]] {
        ranking.enumerated().map { position, item in
            var row = cells(Int(item), from: page, facts: facts)
            row["position"] = String(position + 1)
            return row
        }
    }
}
