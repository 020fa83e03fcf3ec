/// Places a page's HTML fragment into `templates/layout.html.mustache`: the
/// Bootstrap shell with navigation, breadcrumbs, search and the theme toggle.
///
/// Every URL the layout writes is relative to the page (`{{root}}` is `""`,
/// `"../"`, …), so the site works from `file://` and under any base path.
/// Titles reach the template as plain text and Mustache's `{{…}}` escapes
/// them; only `{{{content}}}` (cmark's safe-mode output) is unescaped.
///
/// Template variables: `lang`, `title`, `siteName`, `root`, `nav` (`title`,
/// `href`, `current`), `breadcrumbs` (`title`, `href`), `hasBreadcrumbs`,
/// `content`, `markdownSource` (the page's `.md` file, relative),
/// `sortableTables` (users and items indexes).
public struct HTMLLayout: Sendable {
    /// The layout's template name (`templates/layout.html.mustache`).
    public static let templateName = "layout.html"
    /// The site's name in titles and the navigation bar.
    public static let siteName = "recsite"
    /// The page language.
    public static let language = "en"

    /// The navigation bar: title and site-relative Markdown path.
    public static let navigation: [(title: String, path: String)] = [
        ("Overview", SitePaths.index),
        ("Users", SitePaths.usersIndex),
        ("Items", SitePaths.itemsIndex),
        ("Popular", SitePaths.popular),
        ("Compare", SitePaths.compare),
        ("Data quality", SitePaths.dataQuality),
        ("Methodology", SitePaths.methodology),
    ]

    /// Pages whose tables get sort buttons and a filter box.
    public static let sortablePages: Set<String> = [SitePaths.usersIndex, SitePaths.itemsIndex]

    public let templates: TemplateLibrary
    /// Shells reused across pages; `nil` when the layout does not allow it.
    private let shells: LayoutShells?

    /// - Throws: `RecSiteError.templateError` when the template folder has no `layout.html.mustache`.
    public init(templates: TemplateLibrary) throws {
        guard templates.names.contains(Self.templateName) else {
            throw RecSiteError.templateError(
                path: "\(Self.templateName).mustache", reason: "template missing from the template folder")
        }
        self.templates = templates
        shells = LayoutShells.allows(layout: templates.sources[Self.templateName] ?? "") ? LayoutShells() : nil
    }

    /// The whole HTML document of `page`.
    /// - Parameters:
    ///   - page: the Markdown page (its path, title and breadcrumbs).
    ///   - content: its HTML fragment, links already rewritten to `.html`.
    /// - Throws: `RecSiteError.templateError` if rendering fails.
    /// - Complexity: O(length of `content`).
    public func render(page: MarkdownPage, content: String) throws -> String {
        try templates.render(Self.templateName, context(page: page, content: content))
    }

    /// The same text as `render(page:content:)`, for a `content` that many
    /// pages share (the converter's marker): pages of one folder with the
    /// same breadcrumbs reuse one shell (see `LayoutShells`).
    /// - Throws: `RecSiteError.templateError` if rendering fails.
    public func render(page: MarkdownPage, sharedContent content: String) throws -> String {
        guard let shells, !page.breadcrumbs.contains(where: { $0.title.unicodeScalars.contains("\u{F8FF}") }) else {
            return try render(page: page, content: content)
        }
        let pieces = try shells.pieces(for: shellKey(page, content: content)) {
            var context = self.context(page: page, content: content)
            context["title"] = LayoutShells.titleStandIn
            context["markdownSource"] = LayoutShells.markdownSourceStandIn
            return try templates.render(Self.templateName, context)
        }
        return LayoutShells.assemble(pieces, title: page.title, markdownSource: Self.markdownSource(page))
    }

    /// What the layout's context depends on apart from the title and the
    /// Markdown file name: the folder (relative links), the page itself
    /// when it is in the navigation bar or has sortable tables, the
    /// breadcrumbs and the content.
    private func shellKey(_ page: MarkdownPage, content: String) -> String {
        let folder = page.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(page.path[..<$0]) } ?? ""
        let special = Self.sortablePages.contains(page.path) || Self.navigation.contains { $0.path == page.path }
        // Each part prefixed with its length, so no text can run into the next part.
        return ([folder, special ? page.path : "", content] + page.breadcrumbs.flatMap { [$0.title, $0.path] })
            .map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// `u1.md`: the page's Markdown file, relative to its HTML file.
    private static func markdownSource(_ page: MarkdownPage) -> String {
        String(page.path.split(separator: "/").last ?? "")
    }

    /// The Mustache context of `page` (exposed for tests).
    public func context(page: MarkdownPage, content: String) -> [String: Any] {
        let html = LinkRewriter.htmlPath(page.path)
        let nav: [[String: Any]] = Self.navigation.map { entry in
            ["title": entry.title, "href": href(from: page.path, to: entry.path), "current": entry.path == page.path]
        }
        let crumbs: [[String: Any]] = page.breadcrumbs.map { crumb in
            ["title": crumb.title, "href": href(from: page.path, to: crumb.path)]
        }
        return [
            "lang": Self.language,
            "title": page.title,
            "siteName": Self.siteName,
            "root": String(repeating: "../", count: html.split(separator: "/").count - 1),
            "nav": nav,
            "breadcrumbs": crumbs,
            "hasBreadcrumbs": !crumbs.isEmpty,
            "content": content,
            "markdownSource": Self.markdownSource(page),
            "sortableTables": Self.sortablePages.contains(page.path),
        ]
    }

    private func href(from page: String, to target: String) -> String {
        LinkRewriter.htmlPath(SitePaths.link(from: page, to: target))
    }
}
