import RecEngine

/// The table cells that describe an item, the same on every page that lists
/// items: `id` and `title` linked to the item page, then `type`, `genre`,
/// `popularity`, `rank` and `viewers`. Templates pick the names they show.
struct ItemCells: TemplateFields {
    /// Links to the item page, made by `MarkdownLink`.
    let id: String, title: String
    /// Data strings, escaped when rendered.
    let type: String, genre: String
    /// Formatted numbers.
    let popularity: String, rank: String, viewers: String

    /// Folders whose pages list many items: their cells are built once per
    /// build (`SiteFacts.itemCells`), since a link depends only on the folder
    /// of the page it is on.
    static let cachedFolders = ["users/", "items/"]

    /// Item i's cells on `page`: a user page reads them some 200 times, so
    /// they are fields rather than dictionary lookups.
    static func of(_ i: Int, from page: String, facts: SiteFacts) -> ItemCells {
        // Matched by prefix: making the folder's string and hashing it for
        // each of ~200 calls per user page showed in profiles.
        for (folder, cells) in facts.itemCells where isDirectlyIn(folder, page) { return cells[i] }
        return ItemCells(i, from: page, model: facts.model)
    }

    /// Whether `page` is a file of `folder` itself (`users/u1.md` of `users/`), not of a subfolder.
    private static func isDirectlyIn(_ folder: String, _ page: String) -> Bool {
        let path = page.utf8
        return path.starts(with: folder.utf8) && !path.dropFirst(folder.utf8.count).contains(UInt8(ascii: "/"))
    }

    /// The item's title linked to its page.
    static func titleLink(_ i: Int, from page: String, facts: SiteFacts) -> String {
        of(i, from: page, facts: facts).title
    }

    /// Rows of `ranking` with their 1-based `position`, for top lists.
    static func ranked(_ ranking: some Sequence<Int32>, from page: String, facts: SiteFacts) -> TemplateValue {
        .list(ranking.enumerated().map { position, item in
            .fields(ItemRow(cells: of(Int(item), from: page, facts: facts), extra: ["position": .count(position + 1)]))
        })
    }

    init(_ i: Int, from page: String, model: RecommenderModel) {
        let item = model.dataset.items[i]
        let path = SitePaths.item(item.id)
        id = MarkdownLink.to(path, from: page, text: DisplayText.capped(item.id))
        title = MarkdownLink.to(path, from: page, text: DisplayText.capped(item.title))
        type = DisplayText.capped(item.contentType)
        genre = DisplayText.capped(item.genre)
        popularity = NumberFormat.interaction(model.popularity.score[i])
        rank = String(model.popularity.rank[i])
        viewers = String(model.popularity.viewers[i])
    }

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "id": return .verbatim(id)
        case "title": return .verbatim(title)
        case "type": return .text(type)
        case "genre": return .text(genre)
        case "popularity": return .verbatim(popularity)
        case "rank": return .verbatim(rank)
        case "viewers": return .verbatim(viewers)
        default: return nil
        }
    }
}

/// An item's cells and a few values of the list it is in (`position`, a score…).
struct ItemRow: TemplateFields {
    let cells: ItemCells
    let extra: TemplateRecord

    func value(for key: String) -> TemplateValue? {
        extra.value(for: key) ?? cells.value(for: key)
    }
}
