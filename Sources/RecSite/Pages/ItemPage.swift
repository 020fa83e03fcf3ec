import RecEngine

/// `items/<id>.md`: an item's report — facts, popularity, most similar
/// items, the users it is recommended to (by rank) and its top viewers.
struct ItemPage {
    /// Recipients listed on the page; the JSON and CSV hold all of them.
    static let recipientRows = 20

    let facts: SiteFacts
    let report: ItemReport

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let item = report.item
        let path = SitePaths.item(item.id)
        let context: TemplateRecord = [
            "heading": .text(PageText.itemLabel(item)),
            "id": .text(DisplayText.capped(item.id)),
            "title": .text(DisplayText.capped(item.title)),
            "type": .text(DisplayText.capped(item.contentType)),
            "genre": .text(DisplayText.capped(item.genre)),
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
            "months": .list(facts.itemTimeline.months[report.index].map { month in
                .fields(["month": .verbatim(month.month), "viewers": .count(month.viewers),
                         "events": .count(month.events)] as TemplateRecord)
            }),
            "hasMonths": .flag(!facts.itemTimeline.months[report.index].isEmpty),
        ]
        let markdown = try PageTemplate.render("item.md", context.merging(recipients(from: path)).merging(facts.formatFlags),
                                               with: templates)
        return MarkdownPage(
            path: path, title: MarkdownEscaping.plain("Item " + PageText.itemLabel(item)),
            breadcrumbs: PageText.itemsTrail, markdown: markdown)
    }

    /// The first recipients (`rank`, `user`, `name`, `source`, `score`), the
    /// count of the rest and the files that list all of them.
    private func recipients(from path: String) -> TemplateRecord {
        let rows: [TemplateValue] = zip(report.recipients, report.recipientScores).prefix(Self.recipientRows).map { recipient, score in
            let user = facts.users[recipient.user]
            let row: TemplateRecord = [
                "rank": .count(recipient.rank),
                "user": .verbatim(facts.userLink(recipient.user, from: path, text: user.id)),
                "name": PageText.orNone(user.name),
                "source": .verbatim(recipient.source.rawValue),
                "score": .verbatim(score.map(NumberFormat.score) ?? PageText.none),
            ]
            return .fields(row)
        }
        let more = report.recommendedTo - Self.recipientRows
        return [
            "recipients": .list(rows),
            "recipientsMore": more > 0 ? .verbatim("… \(PageText.count(more, "more user"))") : .none,
            "recommendedToJSON": .verbatim(SitePaths.link(from: path, to: SitePaths.recommendedToJSON(report.item.id))),
            "recommendedToCSV": .verbatim(SitePaths.link(from: path, to: SitePaths.recommendedToCSV(report.item.id))),
        ]
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
