import Foundation
import RecSite
import Testing

/// The Bootstrap layout around a page: relative root, navigation,
/// breadcrumbs, escaping, and the page's own `<h1>`.
@Suite("HTML layout")
struct HTMLLayoutTests {
    let fixture: BuildFixture
    let layout: HTMLLayout

    init() throws {
        fixture = try BuildFixture()
        layout = try HTMLLayout(templates: try TemplateLibrary(directory: fixture.templates))
    }

    func page(_ path: String, title: String = "Title", crumbs: [Breadcrumb] = []) -> MarkdownPage {
        MarkdownPage(path: path, title: title, breadcrumbs: crumbs, markdown: "# \(title)\n")
    }

    @Test(arguments: [("index.md", ""), ("users/u1.md", "../"), ("a/b/c.md", "../../")])
    func everyURLIsRelativeToThePage(path: String, root: String) throws {
        defer { fixture.cleanUp() }
        let html = try layout.render(page: page(path), content: "<h1>Title</h1>")
        #expect(html.contains("<html lang=\"en\" data-root=\"\(root)\">"))
        #expect(html.contains("href=\"\(root)assets/vendor/bootstrap/css/bootstrap.min.css\""))
        #expect(html.contains("<script src=\"\(root)assets/search.js\"></script>"))
        #expect(html.contains("<a class=\"nav-link\" href=\"\(root)popular.html\">Popular</a>"))
        #expect(!html.contains("href=\"/") && !html.contains("src=\"/") && !html.contains("http"))
    }

    @Test func theCurrentPageIsMarkedInTheNavigation() throws {
        defer { fixture.cleanUp() }
        let html = try layout.render(page: page("compare.md"), content: "")
        #expect(html.contains("<a class=\"nav-link active\" href=\"compare.html\" aria-current=\"page\">Compare</a>"))
        #expect(html.components(separatedBy: "aria-current=\"page\"").count == 2)
    }

    @Test func breadcrumbsLinkToHTMLAndEndWithThePage() throws {
        defer { fixture.cleanUp() }
        let crumbs = [Breadcrumb(title: "Home", path: "index.md"), Breadcrumb(title: "Users", path: "users/index.md")]
        let html = try layout.render(page: page("users/u1.md", title: "User Sari (u1)", crumbs: crumbs), content: "")
        #expect(html.contains("""
            <li class="breadcrumb-item"><a href="../index.html">Home</a></li>
            <li class="breadcrumb-item"><a href="../users/index.html">Users</a></li>
            <li class="breadcrumb-item active" aria-current="page">User Sari (u1)</li>
            """))
        #expect(!(try layout.render(page: page("index.md"), content: "")).contains("breadcrumb"))
    }

    @Test func titlesAreEscapedAndContentIsNot() throws {
        defer { fixture.cleanUp() }
        let hostile = "<script>alert(1)</script> \"q\" & 'a'"
        let crumbs = [Breadcrumb(title: "<b>Home</b>", path: "index.md")]
        let html = try layout.render(page: page("items/x.md", title: hostile, crumbs: crumbs),
                                     content: "<h1>&lt;script&gt;</h1>")
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;q&quot; &amp; &#39;a&#39; · recsite</title>"))
        #expect(html.contains("<a href=\"../index.html\">&lt;b&gt;Home&lt;/b&gt;</a>"))
        #expect(html.contains("<main id=\"content\">\n<h1>&lt;script&gt;</h1>\n</main>"))
        #expect(!html.contains("<script>alert"))
    }

    @Test func theLayoutAddsNoHeadingOrInlineHandler() throws {
        defer { fixture.cleanUp() }
        let html = try layout.render(page: page("index.md"), content: "")
        #expect(!html.contains("<h1"))
        #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil)
        #expect(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(html.contains("This page is also available as <a href=\"index.md\">Markdown</a>."))
    }

    /// Every page's tables sort (assets/tables.js), not only the indexes'.
    @Test func everyPageGetsSortableTables() throws {
        defer { fixture.cleanUp() }
        for path in ["users/index.md", "items/index.md", "popular.md", "users/u1.md"] {
            #expect(try layout.render(page: page(path), content: "").contains("<body data-sortable-tables=\"true\">"), "\(path)")
        }
    }

    @Test func aMissingLayoutIsAnError() throws {
        defer { fixture.cleanUp() }
        let empty = fixture.scratch + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        #expect(throws: RecSiteError.templateError(path: "layout.html.mustache", reason: "template missing from the template folder")) {
            try HTMLLayout(templates: try TemplateLibrary(directory: empty))
        }
    }
}
