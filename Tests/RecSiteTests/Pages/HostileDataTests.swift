import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Data that looks like HTML or Markdown stays literal text, every table row
/// keeps its column count, and hostile IDs land in safe file names.
@Suite struct HostileDataTests {
    @Test func tablesKeepTheirColumnCount() throws {
        for page in try PageFixture.site().pages {
            var columns: Int?
            for line in page.markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
                guard line.hasPrefix("|") else { columns = nil; continue }
                let cells = MarkdownTableShape.cells(line)
                if let expected = columns {
                    #expect(cells == expected, "\(page.path): \(line)")
                } else {
                    columns = cells
                }
            }
        }
    }

    @Test func noRawHTMLOrUnescapedMarkupFromData() throws {
        let site = try PageFixture.site()
        for page in site.pages {
            let text = Self.outsideCodeSpans(page.markdown)
            #expect(!Self.hasUnescaped("<", in: text), "\(page.path) has a raw <")
            #expect(!text.contains("](javascript"), "\(page.path)")
            #expect(!text.contains("http://evil"), "\(page.path) would autolink")
            #expect(!text.contains("www.example"), "\(page.path) would autolink")
        }
        let item = try site.page(SitePaths.item("i1")).markdown
        #expect(item.contains(#"| Title | \<script\>alert(1)\</script\> |"#))
        let markup = try site.page(SitePaths.item("i2")).markdown
        #expect(markup.contains(##"| Title | \*\_\[\]()\|\# |"##))
        #expect(markup.hasPrefix(##"# Item \*\_\[\]()\|\# (i2)"##))
    }

    @Test func lineBreaksInDataStayOnOneLine() throws {
        let site = try PageFixture.site()
        #expect(try site.page(SitePaths.user("u5")).markdown.hasPrefix("# User Line Break (u5)\n"))
        #expect(try site.page(SitePaths.item("i8")).markdown.contains("| Title | Our Planet |"))
    }

    @Test func hostileIDGetsASafeFileAndLiteralText() throws {
        let site = try PageFixture.site()
        let id = "../x y/ é"
        let path = SitePaths.user(id)
        #expect(path.hasPrefix("users/") && !path.dropFirst(6).contains("/") && !path.contains(" "))
        #expect(!path.dropFirst(6).hasPrefix("."))
        let page = try site.page(path)
        #expect(page.markdown.contains("| User ID | ../x y/ é |"))
        #expect(page.markdown.hasPrefix(#"# User \<b\>Élodie\</b\> \| 1. \[x\](y) (../x y/ é)"#))
        #expect(page.title == "User <b>Élodie</b> | 1. [x](y) (../x y/ é)")
        #expect(site.files.contains { $0.path == SitePaths.userGenreChart(id) })
        let index = try site.page(SitePaths.usersIndex).markdown
        #expect(index.contains("[../x y/ é](" + SitePaths.link(from: SitePaths.usersIndex, to: path) + ")"))
    }

    @Test func rawRowsAreCodeSpans() throws {
        let page = try PageFixture.site().page(SitePaths.dataQuality).markdown
        #expect(page.contains("- line 8: `../x y/ é,<b>Élodie</b> | 1. [x](y),abc,,`"))
        #expect(page.contains("- line 46: ``u2,i3,play,\"1|2`x`\",2025-01-05T10:00:00Z``"))
    }

    /// The Markdown with inline code spans removed (their content is literal).
    static func outsideCodeSpans(_ markdown: String) -> String {
        var out = "", fence = 0, index = markdown.startIndex
        while index < markdown.endIndex {
            if markdown[index] == "`", index == markdown.startIndex || markdown[markdown.index(before: index)] != "\\" {
                var run = 0
                while index < markdown.endIndex, markdown[index] == "`" { run += 1; index = markdown.index(after: index) }
                fence = fence == 0 ? run : (fence == run ? 0 : fence)
                continue
            }
            if fence == 0 { out.append(markdown[index]) }
            index = markdown.index(after: index)
        }
        return out
    }

    static func hasUnescaped(_ character: Character, in text: String) -> Bool {
        var escaped = false
        for c in text {
            if escaped { escaped = false; continue }
            if c == "\\" { escaped = true } else if c == character { return true }
        }
        return false
    }
}
