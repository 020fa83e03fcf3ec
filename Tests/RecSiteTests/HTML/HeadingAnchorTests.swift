import Foundation
import Testing
@testable import RecSite

/// Headings get GitHub's anchors in the HTML, and every in-page link of the
/// site lands on an id of its page.
@Suite struct HeadingAnchorTests {
    /// Slugs as github-slugger makes them (GitHub's heading anchors).
    @Test(arguments: [
        ("Hello World!", "hello-world"),
        ("1. Blue Lock (i63) — score 3880.1790", "1-blue-lock-i63--score-38801790"),
        ("Ünïcödé Title", "ünïcödé-title"),
        ("snake_case and-dash", "snake_case-and-dash"),
        ("Pokémon: Detective Pikachu", "pokémon-detective-pikachu"),
        ("*emph* & `code` <tag>", "emph--code-tag"),
        ("日本語 タイトル", "日本語-タイトル"),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(HeadingAnchor.slug(text) == expected)
    }

    @Test func repeatsGetCountersAsOnGitHub() {
        var seen: [String: Int] = [:]
        #expect(["a", "a", "a-1", "a", "b"].map { HeadingAnchor.unique($0, seen: &seen) } == ["a", "a-1", "a-1-1", "a-2", "b"])
    }

    @Test func headingsGetIdsOfTheirRenderedText() {
        let html = Array("<h2>Recommendations</h2>\n<h3>1. <a href=\"x.html\">Tom &amp; Jerry</a> — score 1.5</h3><h2>Recommendations</h2>".utf8)
        #expect(String(decoding: HTMLHeadings.anchor(html), as: UTF8.self)
            == "<h2 id=\"recommendations\">Recommendations</h2>\n<h3 id=\"1-tom--jerry--score-15\">1. <a href=\"x.html\">Tom &amp; Jerry</a> — score 1.5</h3><h2 id=\"recommendations-1\">Recommendations</h2>")
    }

    /// Every `href="#…"` of every HTML page of the site built from the
    /// fixture names an id of the same page; a user's recommendation rows
    /// link to their breakdowns.
    @Test func everyInPageLinkLandsOnAnId() throws {
        let fixture = try BuildFixture(pages: .sitePages)
        defer { fixture.cleanUp() }
        _ = try fixture.builder(renderPages: PageSource.sitePages.renderer).build()
        let site = fixture.scratch + "/site"
        var fragments = 0
        for path in try BuildFixture.files(under: site) where path.hasSuffix(".html") {
            let html = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
            let ids = Set(Self.values(of: "id", in: html))
            // cmark percent-encodes a link's non-ASCII bytes; a browser decodes the fragment before matching ids.
            for href in Self.values(of: "href", in: html) where href.hasPrefix("#") {
                let id = String(href.dropFirst()).removingPercentEncoding ?? ""
                #expect(ids.contains(id), "\(path): \(href) names no id of the page")
                fragments += 1
            }
        }
        #expect(fragments > 20)
        let u1 = try String(contentsOfFile: site + "/users/u1.html", encoding: .utf8)
        let breakdownLinks = Self.values(of: "href", in: u1).filter { $0.hasPrefix("#") && $0.first(where: \.isNumber) != nil }
        #expect(!breakdownLinks.isEmpty)
        #expect(breakdownLinks.allSatisfy { u1.contains("<h3 id=\"\(String($0.dropFirst()).removingPercentEncoding!)\">") })
    }

    static func values(of attribute: String, in html: String) -> [String] {
        html.components(separatedBy: " \(attribute)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }
}

/// The navigation links the evaluation page only on a site that has one.
@Suite struct NavigationTests {
    @Test func evaluationIsInTheNavigationWhenPublished() throws {
        let templates = try PageFixture.templates()
        let page = MarkdownPage(path: "users/u1.md", title: "User", breadcrumbs: [], markdown: "")
        let with = try HTMLLayout(templates: templates, evaluation: true).render(page: page, content: "")
        let without = try HTMLLayout(templates: templates).render(page: page, content: "")
        #expect(with.contains("href=\"../evaluation.html\">Evaluation</a>"))
        #expect(!without.contains("evaluation.html"))
        // Evaluation comes just before Changes, the last entry.
        let titles = try HTMLLayout(templates: templates, evaluation: true).siteNavigation.map(\.title)
        #expect(titles.suffix(2) == ["Evaluation", "Changes"])
    }
}
