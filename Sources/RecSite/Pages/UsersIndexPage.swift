import RecEngine

/// `users/index.md`: every user in one table, in ID order, from the
/// summaries of the users' reports, so the index and the pages agree.
struct UsersIndexPage {
    let facts: SiteFacts
    let summaries: [UserSummary]

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let from = SitePaths.usersIndex
        let context: TemplateRecord = [
            "users": .list(summaries.map { summary in
                .fields([
                    "id": .verbatim(MarkdownLink.to(SitePaths.user(summary.user.id), from: from, text: summary.user.id)),
                    "name": PageText.orNone(summary.user.name),
                    "region": PageText.orNone(summary.user.region),
                    "items": .count(summary.items),
                    "events": .count(summary.events),
                    "totalScore": .verbatim(NumberFormat.interaction(summary.totalScore)),
                    "topGenre": summary.topGenre.map { .text($0) } ?? .verbatim(PageText.none),
                ] as TemplateRecord)
            }),
            "userCount": .verbatim(PageText.count(facts.users.count, "user")),
        ]
        return MarkdownPage(
            path: from, title: "Users",
            breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("users-index.md", context, with: templates))
    }
}
