import RecEngine

/// `items/<id>.md`: an item's report — facts, popularity, most similar
/// items, the users it is recommended to (by rank) and its top viewers.
struct ItemPage {
    let facts: SiteFacts
    let report: ItemReport

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let item = report.item
        let path = SitePaths.item(item.id)
        let context: TemplateRecord = [
            "heading": .text(PageText.itemLabel(item)),
            "id": .text(item.id),
            "title": .text(item.title),
            "type": .text(item.contentType),
            "genre": .text(item.genre),
            "popularity": .verbatim(NumberFormat.interaction(report.popularity)),
            "rank": .count(report.rank),
            "itemCount": .count(facts.items.count),
            "viewers": .count(report.viewers),
            "similar": .list(report.mostSimilar.enumerated().map { position, neighbour in
                .fields(ItemRow(cells: ItemCells.of(neighbour.item, from: path, facts: facts), extra: [
                    "position": .count(position + 1),
                    "similarity": .verbatim(NumberFormat.similarity(neighbour.similarity)),
                ]))
            }),
            "hasSimilar": .flag(!report.mostSimilar.isEmpty),
            "viewerRows": .list(report.topViewers.enumerated().map { position, viewer in
                let user = facts.users[viewer.user]
                return .fields([
                    "position": .count(position + 1),
                    "user": .verbatim(facts.userLink(viewer.user, from: path, text: user.id)),
                    "name": PageText.orNone(user.name),
                    "events": .count(viewer.events),
                    "score": .verbatim(NumberFormat.interaction(viewer.score)),
                    "lastWatched": .verbatim(PageText.time(viewer.lastWatched)),
                ] as TemplateRecord)
            }),
            "hasViewers": .flag(!report.topViewers.isEmpty),
            "itemsIndex": .verbatim(SitePaths.link(from: path, to: SitePaths.itemsIndex)),
            "popular": .verbatim(SitePaths.link(from: path, to: SitePaths.popular)),
            "recommendedSummary": .verbatim(recommendedSummary()),
            "rankCounts": .list(report.rankCounts.map {
                .fields(["rank": .count($0.rank), "users": .count($0.users)] as TemplateRecord)
            }),
            "isRecommended": .flag(report.recommendedTo > 0),
        ]
        return MarkdownPage(
            path: path, title: MarkdownEscaping.plain("Item " + PageText.itemLabel(item)),
            breadcrumbs: PageText.itemsTrail,
            markdown: try PageTemplate.render("item.md", context, with: templates))
    }

    private func recommendedSummary() -> String {
        let users = report.recommendedTo, cf = report.recommendedByCF
        return users == 0
            ? "Not in any user's top-\(facts.k) list."
            : "In the top-\(facts.k) list of \(users) of the \(PageText.count(facts.users.count, "user")) "
                + "(\(PageText.share(users, of: facts.users.count))): \(cf) by collaborative filtering, "
                + "\(users - cf) as popular fill. Where it stands in those lists:"
    }
}
