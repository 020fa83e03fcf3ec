import RecEngine

/// `users/index.md`: every user in one table, in ID order. The rows come from
/// the user pages' own numbers (`UserPage.indexRow()`), so both agree.
struct UsersIndexPage {
    let facts: SiteFacts
    let rows: [Row]

    /// Every user's row, on `workers` threads, without rendering the user pages.
    init(facts: SiteFacts, workers: Int) {
        self.facts = facts
        rows = parallelMap(count: facts.users.count, workers: workers, makeScratch: {}) { u, _ in
            UserPage(facts: facts, user: u).indexRow()
        }
    }

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let context: PageContext = [
            "users": rows,
            "userCount": PageText.count(facts.users.count, "user"),
        ]
        return MarkdownPage(
            path: SitePaths.usersIndex, title: "Users",
            breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("users-index.md", context, with: templates))
    }
}
