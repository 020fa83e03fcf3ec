import Foundation
@testable import RecSite
import Testing

/// The converter reads each page's links from the fragment and the layout
/// around a marker instead of scanning the finished document; the result
/// must be what scanning the document gives.
@Suite("HTML converter")
struct HTMLConverterTests {
    @Test func linksAndBytesEqualTheFullScanOfEveryPage() throws {
        let site = try PageFixture.site()
        let templates = try PageFixture.templates()
        let converter = try HTMLConverter(templates: templates)
        let layout = try HTMLLayout(templates: templates)
        let renderer = try MarkdownRenderer()
        #expect(site.pages.count > 10)
        for page in site.pages {
            let converted = try converter.convert(page)
            let html = String(decoding: converted.file.bytes, as: UTF8.self)
            // The plain way: rewrite, anchor, decorate, lay out, scan the whole document.
            let raw = try renderer.html(page.markdown)
            let anchored = String(decoding: HTMLHeadings.anchor(Array(LinkRewriter.rewrite(raw).utf8)), as: UTF8.self)
            let expected = try layout.render(page: page, content: HTMLTables.decorate(anchored))
            #expect(html == expected, "\(page.path)")
            #expect(converted.htmlLinks.links == LinkChecker.links(inHTML: expected), "\(page.path)")
            #expect(converted.markdownLinks.links == LinkChecker.links(inHTML: raw), "\(page.path)")
            #expect(converted.htmlLinks.links.contains { $0.hasSuffix("bootstrap.min.css") })
        }
    }

    @Test func decoratingTablesInOnePassEqualsReplacingEachTag() {
        let html = "<p>a</p>\n<table>\n<tr><td>&lt;table&gt;</td></tr>\n</table>\n<table></table><tabl</table"
        let expected = html
            .replacingOccurrences(of: "<table>", with: "<div class=\"table-responsive\"><table class=\"\(HTMLTables.tableClasses)\">")
            .replacingOccurrences(of: "</table>", with: "</table></div>")
        #expect(HTMLTables.decorate(html) == expected)
        #expect(HTMLTables.decorate("") == "")
    }

    @Test func tablesAreCaptionedWithTheNearestHeadingBefore() {
        let html = "<table></table><h2 id=\"a\">Top <a href=\"#x\">10</a> &amp; more</h2>\n<table>\n</table><h3>B</h3><table></table>"
        let decorated = HTMLTables.decorate(html)
        let caption = "<caption class=\"\(HTMLTables.captionClasses)\">"
        #expect(decorated.components(separatedBy: "<caption").count == 3)
        #expect(decorated.hasPrefix("<div class=\"table-responsive\"><table class=\"\(HTMLTables.tableClasses)\"></table></div>"))
        #expect(decorated.contains(caption + "Top 10 &amp; more</caption>"))
        #expect(decorated.contains(caption + "B</caption></table></div>"))
    }
}
