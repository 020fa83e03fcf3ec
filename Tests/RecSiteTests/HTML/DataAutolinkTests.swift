import Testing
@testable import RecSite

/// Issue 17, class 16: text in the data that GFM's autolink extension would
/// link (`xmpp:`, `mailto:`, e-mail addresses, `www.`, `scheme://`) stays
/// text in the rendered HTML, while the links templates write still work.
@Suite("data never becomes a link")
struct DataAutolinkTests {
    static let linkish = [
        "xmpp:x@y.com", "mailto:a@b.com", "a@b.com", "Contact: user.name+tag@host.org now",
        "www.example.com", "http://a.com", "https://x.org/p?q=1", "ftp://files.org",
        "xmpp\\:x@y.com", "a&#64;b.com",
    ]

    @Test("in running text and in a table cell, no <a> comes from data", arguments: linkish)
    func noLinkFromData(value: String) throws {
        let renderer = try MarkdownRenderer()
        let text = MarkdownEscaping.text(value)
        let html = try renderer.html("Title: " + text + "\n\n| Title |\n|---|\n| " + text + " |\n")
        #expect(!html.contains("<a"), "\(html)")
        // The text itself is kept: each @ has an invisible word joiner before it.
        let visible = value.replacingOccurrences(of: "@", with: "\u{2060}@")
            .replacingOccurrences(of: "&", with: "&amp;")
        #expect(html.components(separatedBy: visible).count == 3, "\(html)")
    }

    @Test("the word joiner goes before an @ with a . after it, and nothing else changes")
    func joinerOnly() {
        #expect(MarkdownEscaping.text("a@b.c") == "a\u{2060}@b.c")
        #expect(MarkdownEscaping.text("@@x.y") == "\u{2060}@\u{2060}@x.y")
        // No `.` in the domain: GFM links nothing (cmark-gfm 0.29), so the bytes stay.
        #expect(MarkdownEscaping.text("a@b") == "a@b")
        #expect(MarkdownEscaping.text("P@10 and recall@5 .") == "P@10 and recall@5 .")
        #expect(MarkdownEscaping.text("no at sign") == "no at sign")
    }

    @Test("without a . in the domain nothing links, joiner or not", arguments: ["x@y", "mailto:a@b", "xmpp:x@y/res", "P@10"])
    func noDotNoLink(value: String) throws {
        let html = try MarkdownRenderer().html(MarkdownEscaping.text(value))
        #expect(!html.contains("<a"), "\(html)")
    }

    @Test("links a template writes still render as links")
    func templateLinksWork() throws {
        let renderer = try MarkdownRenderer()
        let html = try renderer.html("[" + MarkdownEscaping.text("mail@me.org") + "](../items/i1.md) and https://example.org/docs")
        #expect(html.contains("<a href=\"../items/i1.md\">mail\u{2060}@me.org</a>"), "\(html)")
        #expect(html.contains("<a href=\"https://example.org/docs\">https://example.org/docs</a>"), "\(html)")
    }

    /// Found by the rendering fuzz target: a note "\0 |" became "  \|", and
    /// after a list the two spaces made it a second paragraph of the item.
    @Test("a value starting with control characters or spaces never indents its line")
    func noLeadingIndent() throws {
        #expect(MarkdownEscaping.text("\u{0}\u{1} |") == "\\|")
        #expect(MarkdownEscaping.text("    code?") == "code?")
        #expect(MarkdownEscaping.text("a\u{0}b") == "a b")
        // The second find: after the dropped NUL, "0." must still not start a list.
        #expect(MarkdownEscaping.text("\u{0}0.\u{0}~") == "0\\. \\~")
        #expect(MarkdownEscaping.text(" \u{1}- x") == "\\- x")
        let html = try MarkdownRenderer().html("- item\n\n" + MarkdownEscaping.text("\u{0}   |") + "\n")
        #expect(html == "<ul>\n<li>item</li>\n</ul>\n<p>|</p>\n", "\(html)")
    }
}
