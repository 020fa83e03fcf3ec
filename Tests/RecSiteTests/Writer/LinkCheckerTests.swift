import Foundation
import RecSite
import Testing

/// Internal links must name a file of the site.
@Suite("link checker")
struct LinkCheckerTests {
    let checker: LinkChecker

    init() {
        checker = LinkChecker(
            paths: ["index.md", "index.html", "users/u1.md", "users/u1.html", "users/ü~00ff.html",
                    "api/recommendations/u1.json", "charts/users/u1-genres.svg", "assets/site.css"])
    }

    @Test(arguments: [
        ("users/u1.html", "../index.html"),
        ("users/u1.html", "../index.html#top"),
        ("users/u1.html", "./u1.html?x=1"),
        ("users/u1.html", "../api/recommendations/u1.json"),
        ("users/u1.html", "%C3%BC~00ff.html"),
        ("users/u1.html", "../users/../users/u1.html"),
        ("index.html", "assets/site.css"),
        ("index.html", "#content"),
        ("index.html", ""),
        ("index.html", "https://example.com/missing.html"),
        ("index.html", "//cdn.example.com/x.js"),
        ("index.html", "mailto:a@example.com"),
        ("users/u1.html", "u1.html#\u{301}combining"),
        ("users/u1.html", "u1.html?\u{301}=1"),
    ])
    func resolvingLinks(page: String, link: String) {
        #expect(checker.problem(with: link, from: page) == nil)
    }

    @Test(arguments: [
        ("users/u1.html", "u2.html", "no such file"),
        ("users/u1.html", "../../index.html", "leaves the site"),
        ("index.html", "/index.html", "root-absolute: breaks under a base path"),
        ("index.html", "users/", "no such file"),
        ("index.html", "users", "no such file"),
    ])
    func brokenLinks(page: String, link: String, problem: String) {
        #expect(checker.problem(with: link, from: page) == problem)
    }

    @Test func theQueryOrFragmentStartsAtTheFirstHashOrQuestionMarkByte() {
        #expect(LinkChecker.resolution(of: "../index.html?a#b", from: "users/u1.md") == .file("index.html"))
        #expect(LinkChecker.resolution(of: "x#\u{301}", from: "users/u1.md") == .file("users/x"))
        #expect(LinkChecker.resolution(of: "?\u{301}", from: "users/u1.md") == LinkChecker.Resolution.none)
        #expect(HTMLLinks.splitPath("a/b.md?x#y") == ("a/b.md", "?x#y"))
    }

    @Test func markdownLinksAreReadWithCmark() throws {
        let links = try LinkChecker.links(inMarkdown: """
            # U1
            [home](../index.md) ![chart](../charts/users/u1-genres.svg) `[code](not-a-link.md)`
            [gone](../items/i9.md) \\[escaped](nope.md)
            """, renderer: try MarkdownRenderer())
        #expect(links == ["../index.md", "../charts/users/u1-genres.svg", "../items/i9.md"])
        #expect(checker.brokenLinks(links, from: "users/u1.md") == ["../items/i9.md (no such file)"])
    }

    @Test func htmlHrefAndSrcAreChecked() {
        let links = LinkChecker.links(inHTML: """
            <a href="users/u1.html">u1</a> <img src="charts/x.svg" alt=""> <a data-href="nope.html">x</a>
            <link rel="stylesheet" href="assets/site.css"> <a href="users/u1.html?a=1&amp;b=2">q</a>
            """)
        #expect(links == ["users/u1.html", "charts/x.svg", "assets/site.css", "users/u1.html?a=1&b=2"])
        #expect(checker.brokenLinks(links, from: "index.html") == ["charts/x.svg (no such file)"])
    }

    @Test func convertedPagesCarryTheLinksOfBothFiles() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let converter = try HTMLConverter(templates: try TemplateLibrary(directory: fixture.templates))
        let page = try converter.convert(MarkdownPage(
            path: "users/u1.md", title: "U1", breadcrumbs: [],
            markdown: "# U1\n[home](../index.md) ![c](../charts/x.svg) [bad](javascript:alert(1)) <https://x.org>\n"))
        #expect(page.markdownLinks == LinkChecker.PageLinks(
            page: "users/u1.md", links: ["../index.md", "../charts/x.svg", "", "https://x.org"]))
        #expect(page.htmlLinks.page == "users/u1.html")
        #expect(page.htmlLinks.links.contains("../index.html"))
        #expect(page.htmlLinks.links.contains("../assets/search.js"))
        #expect(page.htmlLinks.links.contains("u1.md"))  // the footer's link to the Markdown twin
    }

    @Test func verifyNamesEveryPageAndLink() throws {
        let pages = [
            LinkChecker.PageLinks(page: "b.md", links: ["missing.md", "a.html"]),
            LinkChecker.PageLinks(page: "a.html", links: ["missing.html", "b.md"]),
        ]
        let error = try #require(throws: RecSiteError.self) {
            try LinkChecker.verify(pages, paths: ["a.html", "b.md", "api/users.json"],
                                   extraLinks: [(file: "api/users.json", target: "users/u9.html")])
        }
        #expect(error == .brokenLinks([
            "a.html: missing.html (no such file)",
            "api/users.json: users/u9.html (no such file)",
            "b.md: missing.md (no such file)",
        ]))
        #expect(error.description == """
            3 broken internal links:
              a.html: missing.html (no such file)
              api/users.json: users/u9.html (no such file)
              b.md: missing.md (no such file)
            """)
    }

    /// Links broken whatever the site holds say why; a missing target lists
    /// only the first 20 links naming it, in page order.
    @Test func verifySaysWhyAndKeepsTheFirstReferrersOfAMissingTarget() throws {
        let pages = [LinkChecker.PageLinks(page: "a/b.html", links: ["/x.html", "../../up.html", "gone.html"])]
            + (1...25).map { LinkChecker.PageLinks(page: "p\($0).html", links: ["a/gone.html"]) }
        let error = try #require(throws: RecSiteError.self) {
            try LinkChecker.verify(pages, paths: ["a/b.html"], workers: 2)
        }
        // a/b.html's gone.html is the first of the 20 links to a/gone.html.
        let kept = (1...19).map { "p\($0).html: a/gone.html (no such file)" }
        #expect(error == .brokenLinks([
            "a/b.html: /x.html (root-absolute: breaks under a base path)",
            "a/b.html: ../../up.html (leaves the site)",
            "a/b.html: gone.html (no such file)",
        ] + kept.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }))
    }

    @Test func resolveNormalisesDotsAndRefusesToLeaveTheRoot() {
        #expect(LinkChecker.resolve("../a/./b.html", from: "x/y.html") == "a/b.html")
        #expect(LinkChecker.resolve("b.html", from: "y.html") == "b.html")
        #expect(LinkChecker.resolve("../b.html", from: "y.html") == nil)
        #expect(LinkChecker.resolve("a%20b.html", from: "y.html") == "a b.html")
        #expect(LinkChecker.resolve("../../d.html", from: "a/b/c.html") == "d.html")
        #expect(LinkChecker.resolve("./../c.html", from: "a/b.html") == "c.html")
        #expect(LinkChecker.resolve("../../d.html", from: "a/b.html") == nil)
        #expect(LinkChecker.resolve("x//y.html", from: "a/b.html") == "a/x/y.html")
        #expect(LinkChecker.resolve("./", from: "a/b.html") == "a")
    }
}
