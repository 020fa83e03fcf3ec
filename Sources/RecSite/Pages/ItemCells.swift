import RecEngine

/// The table cells that describe an item, the same on every page that lists
/// items: `id` and `title` linked to the item page, then `type`, `genre`,
/// `popularity`, `rank` and `viewers`. Templates pick the keys they show.
enum ItemCells {
    /// Folders whose pages list many items: their cells are built once per
    /// build (`SiteFacts.itemCells`), since a link depends only on the folder
    /// of the page it is on.
    static let cachedFolders = ["users/", "items/"]

    static func cells(_ i: Int, from page: String, facts: SiteFacts) -> Row {
        if let cached = facts.itemCells[folder(of: page)] { return cached[i] }
        return make(i, from: page, model: facts.model)
    }

    /// The item's title linked to its page.
    static func titleLink(_ i: Int, from page: String, facts: SiteFacts) -> String {
        cells(i, from: page, facts: facts)["title"]!
    }

    /// `cells` plus `position` (1-based place in `ranking`), for top lists.
    static func ranked(_ ranking: some Sequence<Int32>, from page: String, facts: SiteFacts) -> [Row] {
        ranking.enumerated().map { position, item in
            var row = cells(Int(item), from: page, facts: facts)
            row["position"] = String(position + 1)
            return row
        }
    }

    static func make(_ i: Int, from page: String, model: RecommenderModel) -> Row {
        let item = model.dataset.items[i]
        let path = SitePaths.item(item.id)
        return [
            "id": MarkdownLink.to(path, from: page, text: item.id),
            "title": MarkdownLink.to(path, from: page, text: item.title),
            "type": MarkdownEscaping.text(item.contentType),
            "genre": MarkdownEscaping.text(item.genre),
            "popularity": NumberFormat.interaction(model.popularity.score[i]),
            "rank": String(model.popularity.rank[i]),
            "viewers": String(model.popularity.viewers[i]),
        ]
    }

    /// `users/` for `users/u1.md`, "" for a page at the root.
    static func folder(of page: String) -> String {
        page.lastIndex(of: "/").map { String(page[...$0]) } ?? ""
    }
}
