/// Places a page's HTML fragment into `templates/layout.html.mustache`: the
/// Bootstrap shell with navigation, breadcrumbs, search and the theme toggle.
///
/// Every URL the layout writes is relative to the page (`{{root}}` is `""`,
/// `"../"`, …), so the site works from `file://` and under any base path.
/// Titles reach the template as `.text` and `{{…}}` escapes them for HTML;
/// only `{{{content}}}` (cmark's safe-mode output) is unescaped. Rendering
/// it is cheap (`TemplateRenderer`), so every page renders its own.
///
/// Template variables: `lang`, `title`, `siteName`, `root`, `nav` (`title`,
/// `href`, `current`), `breadcrumbs` (`title`, `href`), `hasBreadcrumbs`,
/// `content`, `markdownSource` (the page's `.md` file, relative),
/// `sortableTables` (every page: `assets/tables.js` sorts every table, and
/// filters those longer than 15 rows).
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
        ("Changes", SitePaths.changes),
    ]

    public let templates: TemplateLibrary
    /// Whether `markdownSource` names the page's `.md` file (else it is empty: no Markdown is written).
    public let linksMarkdown: Bool

    /// The navigation bar of this site: `navigation`, and the evaluation page when the site has one.
    public let siteNavigation: [(title: String, path: String)]

    /// - Parameter evaluation: whether the site has `evaluation.md` (then the navigation links it).
    /// - Throws: `RecSiteError.templateError` when the template folder has no `layout.html.mustache`.
    public init(templates: TemplateLibrary, linksMarkdown: Bool = true, evaluation: Bool = false) throws {
        self.linksMarkdown = linksMarkdown
        var navigation = Self.navigation
        if evaluation { navigation.insert(("Evaluation", SitePaths.evaluation), at: navigation.count - 1) }
        siteNavigation = navigation
        guard templates.names.contains(Self.templateName) else {
            throw RecSiteError.templateError(
                path: "\(Self.templateName).mustache", reason: "template missing from the template folder")
        }
        self.templates = templates
    }

    /// The one value the layout may write unescaped: cmark's safe-mode HTML.
    static let verbatimNames: Set<String> = ["content"]

    /// A warning for each `{{{name}}}` or `{{&name}}` of a custom layout
    /// (and its partials) on a name that carries data (every name but
    /// `content`): such a tag writes titles from the CSV files into the HTML
    /// raw, so a title holding `<script>` runs. The build goes on; the
    /// warning says where and what to write instead.
    public static func unescapedDataWarnings(in templates: TemplateLibrary) -> [String] {
        templates.unescapedTags(of: templateName).filter { !verbatimNames.contains($0.tag.path[0]) }.map {
            "\($0.path):\($0.tag.line):\($0.tag.column): '\($0.tag.name)' carries data and is written unescaped "
                + "(triple mustache or &), so its HTML from the CSV files reaches the page raw; write {{\($0.tag.name)}}"
        }
    }

    /// The whole HTML document of `page`.
    /// - Parameters:
    ///   - page: the Markdown page (its path, title and breadcrumbs).
    ///   - content: its HTML fragment, links already rewritten to `.html`.
    /// - Throws: `RecSiteError.templateError` if rendering fails.
    /// - Complexity: O(length of `content`).
    public func render(page: MarkdownPage, content: String) throws -> String {
        try templates.render(Self.templateName, LayoutContext(page: page, content: content, linksMarkdown: linksMarkdown,
                                                                    navigation: siteNavigation))
    }
}

/// The layout's values for one page. Titles are `.text`, so the layout's
/// `{{title}}` escapes them for HTML; the content is cmark's safe-mode HTML.
struct LayoutContext: TemplateFields {
    let page: MarkdownPage
    let content: String
    /// `""`, `"../"`, …: from the page's folder to the site's root (the layout uses it some ten times).
    private let root: String
    private let linksMarkdown: Bool

    private let navigation: [(title: String, path: String)]

    init(page: MarkdownPage, content: String, linksMarkdown: Bool = true,
         navigation: [(title: String, path: String)] = HTMLLayout.navigation) {
        self.navigation = navigation
        self.page = page
        self.content = content
        self.linksMarkdown = linksMarkdown
        let folders = page.path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
        root = String(repeating: "../", count: folders)
    }

    func value(for key: String) -> TemplateValue? {
        switch key {
        case "lang": return .text(HTMLLayout.language)
        case "title": return .text(page.title)
        case "siteName": return .text(HTMLLayout.siteName)
        case "root": return .text(root)
        case "nav":
            return .list(navigation.map { entry in
                .fields([
                    "title": .text(entry.title), "href": .text(href(to: entry.path)),
                    "current": .flag(entry.path == page.path),
                ] as TemplateRecord)
            })
        case "breadcrumbs":
            return .list(page.breadcrumbs.map { crumb in
                .fields(["title": .text(crumb.title), "href": .text(href(to: crumb.path))] as TemplateRecord)
            })
        case "hasBreadcrumbs": return .flag(!page.breadcrumbs.isEmpty)
        case "content": return .verbatim(content)
        case "markdownSource": return linksMarkdown ? .text(String(page.path.split(separator: "/").last ?? "")) : TemplateValue.none
        case "sortableTables": return .flag(true)
        default: return nil
        }
    }

    private func href(to target: String) -> String {
        LinkRewriter.htmlPath(SitePaths.link(from: page.path, to: target))
    }
}
