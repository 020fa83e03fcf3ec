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
            let markdown = ChangeReportMarkdown.fitting(comparison, limit: Self.listLimit,
                                                        heading: "", renderer: Self.linking(from: page, facts: facts))
            context["report"] = .verbatim(markdown)
        }
        return MarkdownPage(path: page, title: "Changes", breadcrumbs: PageText.homeTrail,
                            markdown: try PageTemplate.render("changes.md", context, with: templates))
    }

    /// A renderer that links, from `page`, the users with a page in this
    /// build and its items: look-ups in the data set's ID indexes, as every
    /// changed user page renders one.
    static func linking(from page: String, facts: SiteFacts) -> ChangeReportMarkdown {
        ChangeReportMarkdown(
            userLink: { id in
                facts.model.user(id).flatMap { facts.userPages.has($0) ? SitePaths.link(from: page, to: SitePaths.user(id)) : nil }
            },
            itemLink: { id in facts.model.item(id) == nil ? nil : SitePaths.link(from: page, to: SitePaths.item(id)) })
    }
}
