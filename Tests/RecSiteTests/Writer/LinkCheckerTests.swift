import RecSite
import Testing

/// Internal links must name a file of the site.
@Suite("link checker")
struct LinkCheckerTests {
    let checker: LinkChecker

    init() throws {
        checker = LinkChecker(
            paths: ["index.md", "index.html", "users/u1.md", "users/u1.html", "users/ü~00ff.html",
                    "api/recommendations/u1.json", "charts/users/u1-genres.svg", "assets/site.css"],
            renderer: try MarkdownRenderer())
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

    @Test func markdownLinksAreReadWithCmark() throws {
        let page = SiteFile(path: "users/u1.md", text: """
            # U1
            [home](../index.md) ![chart](../charts/users/u1-genres.svg) `[code](not-a-link.md)`
            [gone](../items/i9.md) \\[escaped](nope.md)
            """)
        #expect(try checker.brokenLinks(in: page) == ["../items/i9.md (no such file)"])
    }

    @Test func htmlHrefAndSrcAreChecked() throws {
        let page = SiteFile(path: "index.html", text: """
            <a href="users/u1.html">u1</a> <img src="charts/x.svg" alt=""> <a data-href="nope.html">x</a>
            <link rel="stylesheet" href="assets/site.css"> <a href="users/u1.html?a=1&amp;b=2">q</a>
            """)
        #expect(try checker.brokenLinks(in: page) == ["charts/x.svg (no such file)"])
    }

    @Test func verifyNamesEveryPageAndLink() throws {
        let files = [
            SiteFile(path: "b.md", text: "[x](missing.md)\n"),
            SiteFile(path: "a.html", text: "<a href=\"missing.html\">x</a>"),
            SiteFile(path: "api/users.json", text: "[]"),
        ]
        let error = try #require(throws: RecSiteError.self) {
            try LinkChecker.verify(files, extraLinks: [(file: "api/users.json", target: "users/u9.html")],
                                   renderer: try MarkdownRenderer())
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

    @Test func resolveNormalisesDotsAndRefusesToLeaveTheRoot() {
        #expect(LinkChecker.resolve("../a/./b.html", from: "x/y.html") == "a/b.html")
        #expect(LinkChecker.resolve("b.html", from: "y.html") == "b.html")
        #expect(LinkChecker.resolve("../b.html", from: "y.html") == nil)
        #expect(LinkChecker.resolve("a%20b.html", from: "y.html") == "a b.html")
    }
}
