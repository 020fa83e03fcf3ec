/// `changes.md`: what moved since the previous build (`SiteChanges`), the
/// report `recsite diff --markdown` posts on a pull request, with users and
/// items linked to their pages.
struct ChangesPage {
    /// The most entries a list of the page shows.
    static let listLimit = 50

    let changes: SiteChanges
    /// Users and items that have pages in this build.
    let facts: SiteFacts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.changes
        var context: TemplateRecord = ["hasPrevious": .flag(changes.comparison != nil), "report": .none]
        if let comparison = changes.comparison {
            let markdown = ChangeReportMarkdown.fitting(comparison, titles: changes.titles, limit: Self.listLimit,
                                                        heading: "", renderer: Self.linking(from: page, facts: facts))
            context["report"] = .verbatim(markdown)
        }
        return MarkdownPage(path: page, title: "Changes", breadcrumbs: PageText.homeTrail,
                            markdown: try PageTemplate.render("changes.md", context, with: templates))
    }

    /// A renderer that links the users and items of this build from `page`.
    static func linking(from page: String, facts: SiteFacts) -> ChangeReportMarkdown {
        let users = Set(facts.users.map(\.id)), items = Set(facts.items.map(\.id))
        return ChangeReportMarkdown(
            userLink: { users.contains($0) ? SitePaths.link(from: page, to: SitePaths.user($0)) : nil },
            itemLink: { items.contains($0) ? SitePaths.link(from: page, to: SitePaths.item($0)) : nil })
    }
}
