import RecSite
import Testing

/// `.md` links become `.html` links; everything else stays.
@Suite("link rewriting")
struct LinkRewriterTests {
    @Test(arguments: [
        ("a.md", "a.html"),
        ("../items/i3.md", "../items/i3.html"),
        ("../items/i3.md#similar", "../items/i3.html#similar"),
        ("users/u1.md?tab=history#top", "users/u1.html?tab=history#top"),
        ("./index.md", "./index.html"),
        ("../users/%C3%BC~0123456789abcdef.md", "../users/%C3%BC~0123456789abcdef.html"),
        ("weird.md.md", "weird.md.html"),
    ])
    func relativeMarkdownLinksBecomeHTML(link: String, expected: String) {
        #expect(LinkRewriter.rewrittenTarget(link) == expected)
    }

    @Test(arguments: [
        "https://example.com/README.md",
        "http://example.com/a.md#x",
        "//cdn.example.com/a.md",
        "/absolute/a.md",
        "mailto:someone@example.md",
        "../api/recommendations/u1.json",
        "../csv/user_u1_recommendations.csv",
        "../charts/users/u1-genres.svg",
        "a.mdx",
        "#section.md",
        "?q=a.md",
        "folder/.md",
        "",
    ])
    func otherLinksStay(link: String) {
        #expect(LinkRewriter.rewrittenTarget(link) == nil)
    }

    @Test func onlyHrefAttributesAreRewritten() {
        let html = #"<p><a href="u1.md">u1.md</a> <img src="x.md" alt="a.md"> <a href="https://x.org/a.md">x</a></p>"#
        #expect(LinkRewriter.rewrite(html)
            == #"<p><a href="u1.html">u1.md</a> <img src="x.md" alt="a.md"> <a href="https://x.org/a.md">x</a></p>"#)
    }

    @Test func textThatLooksLikeAnAttributeIsNotALink() throws {
        // cmark escapes quotes in text, so `href="a.md"` written as text is no attribute.
        let converter = try HTMLConverter.fragmentOnly()
        let html = try converter(#"`href="a.md"` and href="b.md" and [real](c.md)"#)
        #expect(html == "<p><code>href=&quot;a.md&quot;</code> and href=&quot;b.md&quot; and <a href=\"c.html\">real</a></p>\n")
    }

    @Test func sitePathsMapToTheirHTMLTwins() {
        #expect(LinkRewriter.htmlPath("users/u1.md") == "users/u1.html")
        #expect(LinkRewriter.htmlPath("index.md") == "index.html")
        #expect(LinkRewriter.htmlPath("api/health.json") == "api/health.json")
    }

    @Test func tablesGetBootstrapClassesAndAScrollingWrapper() throws {
        let converter = try HTMLConverter.fragmentOnly()
        let html = try converter("| a |\n|---|\n| 1 |\n\n`<table>` in code stays\n")
        #expect(html.hasPrefix(#"<div class="table-responsive"><table class="table table-sm table-striped table-hover">"#))
        #expect(html.contains("</table></div>\n<p><code>&lt;table&gt;</code> in code stays</p>"))
    }
}

extension HTMLConverter {
    /// The fragment step alone, with a layout-only template folder.
    static func fragmentOnly() throws -> (String) throws -> String {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let converter = try HTMLConverter(templates: try TemplateLibrary(directory: fixture.templates))
        return { try converter.fragment($0) }
    }
}
