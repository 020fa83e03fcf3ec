/// `users/index.md`: every user in one table, in ID order. The rows come from
/// the user pages' own numbers (`UserPage.Output.indexRow`), so both agree.
struct UsersIndexPage {
    let facts: SiteFacts
    let rows: [[String: Any]]

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let context: [String: Any] = [
            "users": rows,
            "userCount": PageText.count(facts.users.count, "user"),
        ]
        return MarkdownPage(
            path: SitePaths.usersIndex, title: "Users",
            breadcrumbs: PageText.homeTrail,
            markdown: try templates.render("users-index.md", context))
    }
}
