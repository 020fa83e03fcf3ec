import RecEngine

/// `users/index.md`: every user in one table, in ID order, from the
/// summaries of the users' reports, so the index and the pages agree.
struct UsersIndexPage {
    let facts: SiteFacts
    let summaries: [UserSummary]

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let from = SitePaths.usersIndex
        let context: TemplateRecord = [
            "users": .list(summaries.enumerated().map { u, summary in
                .fields([
                    "id": .verbatim(facts.userLink(u, from: from, text: summary.user.id)),
                    "name": PageText.orNone(summary.user.name),
                    "region": PageText.orNone(summary.user.region),
                    "items": .count(summary.items),
                    "events": .count(summary.events),
                    "totalScore": .verbatim(NumberFormat.interaction(summary.totalScore)),
                    "topGenre": summary.topGenre.map { .text($0) } ?? .verbatim(PageText.none),
                ] as TemplateRecord)
            }),
            "userCount": .verbatim(PageText.count(facts.users.count, "user")),
            "pagesNote": facts.userPages.isSubset ? .verbatim(pagesNote) : .none,
        ]
        return MarkdownPage(
            path: from, title: "Users",
            breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("users-index.md", context, with: templates))
    }

    /// "N of M users have pages; …" when the build renders a subset (`--users`, `--sample`).
    private var pagesNote: String {
        let total = facts.users.count, paged = facts.userPages.count(of: total)
        return "\(paged) of \(PageText.count(total, "user")) have pages in this build; the others are listed "
            + "without a link, and every user counts on the site-wide pages."
    }
}
