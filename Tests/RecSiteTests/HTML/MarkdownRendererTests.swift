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

    /// Pages without `~`, `@`, `://` or `www.` parse without the inline
    /// extensions (in parallel); each must render exactly as it does with
    /// them. A trailing `~` paragraph forces the full parse of the same text.
    @Test(arguments: [
        "# User Zoë \\<b\\> (u1)\n\n| # | Title | Score |\n| ---: | --- | ---: |\n| 1 | [Blue \\| Lock](../items/i63.md) | 1,234.50 |\n",
        "Time: 12:30 and a: b, wow, www and w.w; *em* **strong** `code: x` [link](a.md \"t\")\n\n> quote\n\n- one\n- two\n",
        "| a | b |\n|---|---|\n| *x* | `y` |\n| \\_z\\_ | &amp; &#42; |\n\nText after the table.\n",
        "<div>raw</div>\n\nhttp:not-a-link ftp: and mailto:x\n\n    code block\n",
        "Héllo Wörld 🎬 — « » “quoted” WWW.EXAMPLE.COM\n\n1. first\n2. second\n",
    ])
    func pagesWithoutInlineTriggersRenderAsWithAllExtensions(markdown: String) throws {
        let fast = try renderer.html(markdown)
        let full = try renderer.html(markdown + "\n\n~\n")
        #expect(full == fast + "<p>~</p>\n")
    }

    /// cmark-gfm 0.29 keeps the extensions' special characters in a global
    /// table while parsing; without the renderer's lock, some of these lose
    /// their `<del>`. Pages parsed in parallel without the inline extensions
    /// run at the same time and must not change either.
    @Test func manyThreadsRenderTheSameHTML() throws {
        let markdown = (1...50).map { "| \($0) | ~~x~~ | [l](p\($0).md) www.example.com |\n" }.joined()
        let withTriggers = "| a | b | c |\n|---|---|---|\n" + markdown
        let without = "| a | b | c |\n|---|---|---|\n"
            + (1...50).map { "| \($0) | wow: x | [l](p\($0).md) w |\n" }.joined()
        let texts = [withTriggers, without]
        let expected = try texts.map { try self.renderer.html($0) }
        let renderer = self.renderer
        let results = ResultsBox(count: 400)
        DispatchQueue.concurrentPerform(iterations: 400) { index in
            results.set(index, (try? renderer.html(texts[index % 2])) ?? "")
        }
        #expect(results.values.enumerated().allSatisfy { $0.element == expected[$0.offset % 2] })
        #expect(expected[0].contains("<del>x</del>") && expected[0].contains("href=\"http://www.example.com\""))
    }
}

/// Results written by concurrent iterations, each to its own index.
private final class ResultsBox: @unchecked Sendable {
    private(set) var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
}
