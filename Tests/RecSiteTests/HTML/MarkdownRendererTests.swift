import Dispatch
import Foundation
import RecSite
import Testing

/// The cmark-gfm wrapper: GFM extensions on, safe mode, links listed.
@Suite("Markdown renderer")
struct MarkdownRendererTests {
    let renderer: MarkdownRenderer

    init() throws { renderer = try MarkdownRenderer() }

    @Test func tablesStrikethroughAndAutolinksWork() throws {
        let html = try renderer.html("""
            | Item | Score |
            |---|---:|
            | A | 1.50 |

            ~~gone~~ and https://example.com/x
            """)
        #expect(html.contains("<table>\n<thead>\n<tr>\n<th>Item</th>\n<th align=\"right\">Score</th>"))
        #expect(html.contains("<td align=\"right\">1.50</td>"))
        #expect(html.contains("<del>gone</del>"))
        #expect(html.contains("<a href=\"https://example.com/x\">https://example.com/x</a>"))
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "before <script>alert(1)</script> after",
        "<img src=x onerror=alert(1)>",
        "<div onclick=\"alert(1)\">x</div>",
        "text <a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://example.com\"></iframe>",
    ])
    func rawHTMLDoesNotPass(markdown: String) throws {
        let html = try renderer.html(markdown)
        #expect(html.contains("<!-- raw HTML omitted -->"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("javascript:"))
    }

    @Test(arguments: [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](vbscript:msgbox)",
        "[x](data:text/html;base64,PHNjcmlwdD4=)",
        "![x](javascript:alert(1))",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
    ])
    func unsafeLinkTargetsAreEmptied(markdown: String) throws {
        let html = try renderer.html(markdown)
        #expect(html.contains("href=\"\"") || html.contains("src=\"\""))
        #expect(!html.lowercased().contains("script:"))
        #expect(!html.contains("data:text/html"))
    }

    @Test func anEscapedHostileTitleIsLiteralText() throws {
        let html = try renderer.html(##"# \<script\>alert(1)\</script\> and \*\_\[\]\(\)\|\#"##)
        #expect(html == "<h1>&lt;script&gt;alert(1)&lt;/script&gt; and *_[]()|#</h1>\n")
    }

    @Test func aPageHasOneH1() throws {
        let html = try renderer.html("# Title\n\n## Part\n\ntext\n\n## Other\n")
        #expect(html.components(separatedBy: "<h1>").count == 2)
        #expect(html.hasPrefix("<h1>Title</h1>\n<h2>Part</h2>"))
    }

    @Test func emptyAndNonASCIIInput() throws {
        #expect(try renderer.html("") == "")
        #expect(try renderer.html("Zoë 🎬 Ünal") == "<p>Zoë 🎬 Ünal</p>\n")
    }

    @Test func linksAreListedInDocumentOrder() throws {
        let links = try renderer.links(in: """
            # T

            [a](a.md) ![chart](charts/x.svg) `[not](code.md)` <https://example.com>
            | [cell](items/i1.md#top) |
            |---|

            [ref]: ref.md
            [r][ref] [bad](javascript:alert(1))
            """)
        #expect(links == ["a.md", "charts/x.svg", "https://example.com", "items/i1.md#top", "ref.md", "javascript:alert(1)"])
    }

    /// cmark-gfm 0.29 keeps the extensions' special characters in a global
    /// table while parsing; without the renderer's lock, some of these lose
    /// their `<del>`.
    @Test func manyThreadsRenderTheSameHTML() throws {
        let markdown = (1...50).map { "| \($0) | ~~x~~ | [l](p\($0).md) www.example.com |\n" }.joined()
        let text = "| a | b | c |\n|---|---|---|\n" + markdown
        let expected = try renderer.html(text)
        let renderer = self.renderer
        let results = ResultsBox(count: 200)
        DispatchQueue.concurrentPerform(iterations: 200) { index in
            results.set(index, (try? renderer.html(text)) ?? "")
        }
        #expect(results.values.allSatisfy { $0 == expected })
    }
}

/// Results written by concurrent iterations, each to its own index.
private final class ResultsBox: @unchecked Sendable {
    private(set) var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
}
