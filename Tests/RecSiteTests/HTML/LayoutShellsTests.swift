import Foundation
@testable import RecSite
import Testing

/// Reused layout shells give exactly what Mustache renders page by page,
/// and layouts that could use the title out of sight are rendered plainly.
@Suite("layout shells")
struct LayoutShellsTests {
    static let titles = [
        "User Sari (u1)", "", "<script>alert(1)</script> \"q\" & 'a'", "<\u{301}>\u{301} &\u{301}", "é e\u{301} 😀",
        LayoutShells.titleStandIn, "\u{F8FF}recsite:", "{{title}}",
    ]
    static let crumbs = [Breadcrumb(title: "Home", path: "index.md"), Breadcrumb(title: "Users", path: "users/index.md")]
    static let pages: [(path: String, crumbs: [Breadcrumb])] = [
        ("users/u1.md", crumbs), ("users/u2.md", crumbs), ("users/index.md", Array(crumbs.prefix(1))),
        ("items/i1.md", [Breadcrumb(title: "<b>Items</b> & more", path: "items/index.md")]), ("index.md", []),
        ("compare.md", []), ("a/b/c.md", crumbs), ("users/u3.md", [Breadcrumb(title: "Other", path: "index.md")]),
        ("users/u4.md", [Breadcrumb(title: LayoutShells.titleStandIn, path: "index.md")]),
    ]

    /// Every page of `pages` with every title, each rendered both ways twice
    /// (the second time from the stored shell); the differing ones.
    func mismatches(layoutText: String? = nil) throws -> [String] {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        if let layoutText {
            try layoutText.write(toFile: fixture.templates + "/layout.html.mustache", atomically: true, encoding: .utf8)
        }
        let layout = try HTMLLayout(templates: try TemplateLibrary(directory: fixture.templates))
        var found: [String] = []
        for _ in 0..<2 {
            for (path, crumbs) in Self.pages {
                for title in Self.titles {
                    let page = MarkdownPage(path: path, title: title, breadcrumbs: crumbs, markdown: "")
                    let content = HTMLConverter.contentMarker
                    if try layout.render(page: page, sharedContent: content) != layout.render(page: page, content: content) {
                        found.append("\(path) \(title.debugDescription)")
                    }
                }
            }
        }
        return found
    }

    @Test func theShippedLayoutGivesMustachesOwnTextForEveryPage() throws {
        let shipped = try String(contentsOfFile: BuildFixture.repositoryTemplates + "/layout.html.mustache", encoding: .utf8)
        #expect(LayoutShells.allows(layout: shipped))
        #expect(try mismatches() == [])
    }

    @Test(arguments: [
        "<title>{{{title}}}</title>{{{content}}}", "<title>{{&title}}</title>{{{content}}}",
        "{{#title}}<h1>{{.}}</h1>{{/title}}{{{content}}}", "<p>{{markdownSource}}</p>{{> other}}{{{content}}}",
        "{{=<% %>=}}<title><%title%></title><%&content%>", "{{title}}{{%CONTENT_TYPE:TEXT}}{{{content}}}",
        "{{#breadcrumbs}}{{^title}}untitled{{/title}}{{/breadcrumbs}}{{{content}}}",
    ])
    func layoutsThatMayUseTheTitleOtherwiseAreRenderedPageByPage(layoutText: String) throws {
        #expect(!LayoutShells.allows(layout: layoutText))
        #expect(try mismatches(layoutText: layoutText) == [])
    }

    @Test func plainVariablesAndCommentsAllowShells() throws {
        let layout = "{{! the title goes here }}<title>{{ title }}</title>{{#nav}}{{title}}{{/nav}}{{{content}}}<a href=\"{{markdownSource}}\">"
        #expect(LayoutShells.allows(layout: layout))
        #expect(try mismatches(layoutText: layout) == [])
    }

    @Test func pagesBeyondTheShellLimitAreStillRenderedRight() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let layout = try HTMLLayout(templates: try TemplateLibrary(directory: fixture.templates))
        let pages = (0..<(LayoutShells.limit + 20)).map { n in
            MarkdownPage(path: "users/u\(n).md", title: "User \(n)",
                         breadcrumbs: [Breadcrumb(title: "Trail \(n)", path: "index.md")], markdown: "")
        }
        let differing = try (pages + pages).filter { page in
            try layout.render(page: page, sharedContent: HTMLConverter.contentMarker)
                != layout.render(page: page, content: HTMLConverter.contentMarker)
        }
        #expect(differing.map(\.path) == [])
    }

    @Test func escapingMatchesMustacheCharacterByCharacter() {
        #expect(LayoutShells.htmlEscaped("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(LayoutShells.htmlEscaped("<\u{301}&") == "<\u{301}&amp;")
    }
}
