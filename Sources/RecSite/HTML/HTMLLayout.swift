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

    /// - Throws: `RecSiteError.templateError` when the template folder has no `layout.html.mustache`.
    public init(templates: TemplateLibrary) throws {
        guard templates.names.contains(Self.templateName) else {
            throw RecSiteError.templateError(
                path: "\(Self.templateName).mustache", reason: "template missing from the template folder")
        }
        self.templates = templates
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
            "markdownSource": String(page.path.split(separator: "/").last ?? ""),
            "sortableTables": Self.sortablePages.contains(page.path),
        ]
    }

    private func href(from page: String, to target: String) -> String {
        LinkRewriter.htmlPath(SitePaths.link(from: page, to: target))
    }
}
