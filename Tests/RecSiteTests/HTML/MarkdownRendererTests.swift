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

    /// Pages without `~` parse without strikethrough (in parallel); each
    /// must render exactly as it does with it. A trailing `~` paragraph
    /// forces the strikethrough parse of the same text.
    @Test(arguments: [
        "# User Zoë \\<b\\> (u1)\n\n| # | Title | Score |\n| ---: | --- | ---: |\n| 1 | [Blue \\| Lock](../items/i63.md) | 1,234.50 |\n",
        "Time: 12:30 and a: b, wow, www and w.w; *em* **strong** `code: x` [link](a.md \"t\")\n\n> quote\n\n- one\n- two\n",
        "| a | b |\n|---|---|\n| *x* | `y` |\n| \\_z\\_ | &amp; &#42; |\n\nText after the table.\n",
        "<div>raw</div>\n\nhttp:not-a-link ftp: and mailto:x\n\n    code block\n",
        "Héllo Wörld 🎬 — « » “quoted” WWW.EXAMPLE.COM\n\n1. first\n2. second\n",
    ])
    func pagesWithoutTildeRenderAsWithStrikethrough(markdown: String) throws {
        let fast = try renderer.html(markdown)
        let full = try renderer.html(markdown + "\n\n~\n")
        #expect(full == fast + "<p>~</p>\n")
    }

    /// cmark-gfm 0.29 keeps the extensions' special characters in a global
    /// table; strikethrough parses change it (under the renderer's lock), and
    /// autolink parses, which run in parallel, must neither change it nor
    /// be changed by it.
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

extension MarkdownRendererTests {
    /// The output of `cmark-gfm -e table -e strikethrough -e autolink -e
    /// tagfilter` (Debian's 0.29.0.gfm.6) for each input, so the renderer's
    /// set-up (autolink's characters made permanent, strikethrough only
    /// where a `~` is) changes nothing; the `~`-free inputs take the path
    /// without strikethrough.
    @Test(arguments: [
        ("~~x~~ and ~y~ and ~~~z~~~ a~b~c", "<p><del>x</del> and <del>y</del> and ~~~z~~~ a<del>b</del>c</p>\n"),
        ("see https://x.y/p?q=1, www.x.y and mail a.b@x.y or mailto:c@x.y.",
         "<p>see <a href=\"https://x.y/p?q=1\">https://x.y/p?q=1</a>, <a href=\"http://www.x.y\">www.x.y</a> and mail "
            + "<a href=\"mailto:a.b@x.y\">a.b@x.y</a> or <a href=\"mailto:c@x.y\">mailto:c@x.y</a>.</p>\n"),
        ("| ~~a~~ | https://x.y |\n|---|---|\n| www.x.y | u@x.y ~b~ |",
         "<table>\n<thead>\n<tr>\n<th><del>a</del></th>\n<th><a href=\"https://x.y\">https://x.y</a></th>\n</tr>\n"
            + "</thead>\n<tbody>\n<tr>\n<td><a href=\"http://www.x.y\">www.x.y</a></td>\n"
            + "<td><a href=\"mailto:u@x.y\">u@x.y</a> <del>b</del></td>\n</tr>\n</tbody>\n</table>\n"),
        ("*a ~~b* c~~ and w.w wow: www. http:// x://y",
         "<p><em>a ~~b</em> c~~ and w.w wow: <a href=\"http://www\">www</a>. http:// x://y</p>\n"),
        ("w.w wow: www. http:// x://y and <www.a.b> a@b",
         "<p>w.w wow: <a href=\"http://www\">www</a>. http:// x://y and &lt;www.a.b&gt; a@b</p>\n"),
        ("`~~code~~` ~~**bold** [l](https://x.y)~~",
         "<p><code>~~code~~</code> <del><strong>bold</strong> <a href=\"https://x.y\">l</a></del></p>\n"),
    ])
    func rendersAsTheCmarkGFMCommand(markdown: String, expected: String) throws {
        #expect(try renderer.html(markdown) == expected)
    }
}

/// Results written by concurrent iterations, each to its own index.
private final class ResultsBox: @unchecked Sendable {
    private(set) var values: [String]
    private let lock = NSLock()
    init(count: Int) { values = Array(repeating: "", count: count) }
    func set(_ index: Int, _ value: String) { lock.withLock { values[index] = value } }
}
