import RecEngine

/// `items/<id>.md`: an item's facts, popularity, most similar items, the
/// users it is recommended to (by rank) and its top viewers.
struct ItemPage {
    static let similarRows = 10
    static let viewerRows = 10

    let facts: SiteFacts
    let item: Int

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let item = facts.items[self.item]
        let path = SitePaths.item(item.id)
        let popularity = facts.model.popularity
        let similar = facts.model.mostSimilar(to: self.item, limit: Self.similarRows)
        let viewers = facts.model.topViewers(of: self.item, limit: Self.viewerRows)
        var context: PageContext = [
            "heading": MarkdownEscaping.text(PageText.itemLabel(item)),
            "id": MarkdownEscaping.text(item.id),
            "title": MarkdownEscaping.text(item.title),
            "type": MarkdownEscaping.text(item.contentType),
            "genre": MarkdownEscaping.text(item.genre),
            "popularity": NumberFormat.interaction(popularity.score[self.item]),
            "rank": String(popularity.rank[self.item]),
            "itemCount": String(facts.items.count),
            "viewers": String(popularity.viewers[self.item]),
            "similar": similar.enumerated().map { position, neighbour -> Row in
                var row = ItemCells.cells(neighbour.item, from: path, facts: facts)
                row["position"] = String(position + 1)
                row["similarity"] = NumberFormat.similarity(neighbour.similarity)
                return row
            },
            "hasSimilar": !similar.isEmpty,
            "viewerRows": viewers.enumerated().map { position, viewer -> Row in
                let user = facts.users[viewer.user]
                return [
                    "position": String(position + 1),
                    "user": MarkdownLink.to(SitePaths.user(user.id), from: path, text: user.id),
                    "name": user.name.isEmpty ? PageText.none : MarkdownEscaping.text(user.name),
                    "events": String(viewer.events),
                    "score": NumberFormat.interaction(viewer.score),
                    "lastWatched": PageText.time(viewer.lastWatched),
                ]
            },
            "hasViewers": !viewers.isEmpty,
            "itemsIndex": SitePaths.link(from: path, to: SitePaths.itemsIndex),
            "popular": SitePaths.link(from: path, to: SitePaths.popular),
        ]
        context.merge(recommendedTo(from: path)) { $1 }
        return MarkdownPage(
            path: path, title: MarkdownEscaping.plain("Item " + PageText.itemLabel(item)),
            breadcrumbs: PageText.itemsTrail,
            markdown: try PageTemplate.render("item.md", context, with: templates))
    }

    private func recommendedTo(from page: String) -> PageContext {
        let exposure = facts.exposure
        let users = exposure.users[item], cf = exposure.cfUsers[item]
        let summary = users == 0
            ? "Not in any user's top-\(facts.k) list."
            : "In the top-\(facts.k) list of \(users) of the \(PageText.count(facts.users.count, "user")) "
                + "(\(PageText.share(users, of: facts.users.count))): \(cf) by collaborative filtering, "
                + "\(users - cf) as popular fill. Where it stands in those lists:"
        return [
            "recommendedSummary": summary,
            "rankCounts": exposure.ranks[item].map { ["rank": String($0.rank), "users": String($0.users)] },
            "isRecommended": users > 0,
        ]
    }
}
