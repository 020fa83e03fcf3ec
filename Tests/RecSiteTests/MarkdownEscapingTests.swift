import Foundation
import Testing
@testable import RecSite

@Suite struct MarkdownEscapingTests {
    @Test(arguments: [
        ("<script>alert(1)</script>", ##"\<script\>alert(1)\</script\>"##),
        ("*_[]()|#", ##"\*\_\[\]()\|\#"##),
        ("a\\b `c` ~~d~~", ##"a\\b \`c\` \~\~d\~\~"##),
        ("Title with\nnewline", "Title with newline"),
        ("tab\there\r\nCRLF\u{2028}LS\u{85}NEL\u{0}nul", "tab here  CRLF LS NEL nul"),
        ("../x y/ é", "../x y/ é"),
        ("Ünïcödé 日本語 😀", "Ünïcödé 日本語 😀"),
        ("Tom & Jerry", "Tom & Jerry"),
        ("&amp; &#60; &copy", ##"\&amp; \&\#60; \&copy"##),
        ("see http://evil.test or https://x.y", ##"see http\://evil.test or https\://x.y"##),
        ("www.example.com WWW.x.org", ##"www\.example.com WWW\.x.org"##),
        ("Haikyu!! Start-Up Mission: Impossible – No. 7", "Haikyu!! Start-Up Mission: Impossible – No. 7"),
        ("# heading", ##"\# heading"##),
        ("- item", ##"\- item"##),
        ("+ item", ##"\+ item"##),
        ("= setext", ##"\= setext"##),
        ("1. list", ##"1\. list"##),
        ("2025) list", ##"2025\) list"##),
        ("> quote", ##"\> quote"##),
        ("![img](x)", ##"!\[img\](x)"##),
        ("", ""),
    ])
    func escapesText(input: String, expected: String) {
        #expect(MarkdownEscaping.text(input) == expected)
    }

    /// Every character GFM could read as markup is escaped; nothing else is
    /// (`@` gets a word joiner: DataAutolinkTests).
    @Test func leavesPlainTextAlone() {
        let plain = "Frieren: Beyond Journey's End (2023) - \"quoted\" {braces} 100% $5 ^ = +1 ."
        #expect(MarkdownEscaping.text(plain) == plain)
    }

    @Test func escapedPipesKeepATableRowsColumns() {
        let hostile = ["a|b", "||", "\\|", "`|`", "x\n| y | z |", "<td>|</td>"]
        for value in hostile {
            let row = "| " + MarkdownEscaping.text(value) + " | 2 |"
            #expect(MarkdownTableShape.cells(row) == 2, "\(value.debugDescription) → \(row)")
        }
    }

    @Test func neverLeavesTheLine() {
        for value in ["a\nb", "a\rb", "a\r\nb", "a\u{2029}b", "a\u{0B}b", "a\u{0C}b"] {
            #expect(!MarkdownEscaping.text(value).contains { $0.isNewline }, "\(value.debugDescription)")
        }
    }

    @Test(arguments: [
        ("u1,i2,play,100", "`u1,i2,play,100`"),
        ("a`b", "``a`b``"),
        ("``x", "``` ``x ```"),
        ("   ,Aulia Lubis,38", "`    ,Aulia Lubis,38 `"),
        ("line\nbreak\r\nand\rCR", "`line⏎break⏎and⏎CR`"),
        ("<b>|</b> *x*", "`<b>|</b> *x*`"),
        ("   ", "`   `"),
        ("", "` `"),
    ])
    func codeSpans(input: String, expected: String) {
        #expect(MarkdownEscaping.code(input) == expected)
    }

    /// The shortcut for text that needs no escape agrees with the full rules:
    /// every string of up to three characters from a set holding each
    /// character a rule looks at, and plain letters, digits and spaces.
    @Test func theShortcutNeverSkipsAnEscape() {
        let alphabet = Array("a w1 .-+=:/&#)*_\\`[]<>|~\né")
        var checked = 0, shortcuts = 0
        func visit(_ prefix: String, _ depth: Int) {
            if MarkdownEscaping.needsNoEscape(prefix) {
                shortcuts += 1
                #expect(MarkdownEscaping.text(prefix) == prefix, "\(prefix.debugDescription)")
            }
            checked += 1
            guard depth < 3 else { return }
            for character in alphabet { visit(prefix + String(character), depth + 1) }
        }
        visit("", 0)
        #expect(checked > 10_000 && shortcuts > 100)
        #expect(!MarkdownEscaping.needsNoEscape("-a") && !MarkdownEscaping.needsNoEscape("1.") && MarkdownEscaping.needsNoEscape("sci-fi"))
    }

    @Test func plainKeepsMarkupButNotLineBreaks() {
        #expect(MarkdownEscaping.plain("<b>x</b>\nnext\tline") == "<b>x</b> next line")
    }

    @Test func linksEscapeTheirTextOnly() {
        let target = SitePaths.item("../evil id")
        let link = MarkdownLink.to(target, from: SitePaths.user("u1"), text: "[x](javascript:alert(1))")
        #expect(link == ##"[\[x\](javascript:alert(1))](../"## + target + ")")
        #expect(target.hasPrefix("items/") && !target.dropFirst("items/".count).contains("/"))
        #expect(!target.contains(" ") && !target.contains(".."))
    }
}

/// Counts the cells of a GFM table row: `|` separators not escaped by a backslash.
enum MarkdownTableShape {
    static func cells(_ row: String) -> Int {
        var trimmed = Substring(row.trimmingCharacters(in: .whitespaces))
        if trimmed.hasPrefix("|") { trimmed = trimmed.dropFirst() }
        var separators = 0, escaped = false, endsWithPipe = false
        for character in trimmed {
            endsWithPipe = false
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { separators += 1; endsWithPipe = true }
        }
        return endsWithPipe ? separators : separators + 1
    }
}
