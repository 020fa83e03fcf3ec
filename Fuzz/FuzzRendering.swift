// libFuzzer target over page rendering: data strings through the template
// renderer (Markdown escaping), the cap on long text, and cmark-gfm to HTML.
//
// Compiled with the RecSite sources (scripts/fuzz.sh rendering) against the
// RecEngine and Yams modules of the debug build. The input is split at 0xFF
// bytes (never in data: the CSV reader turns invalid UTF-8 into U+FFFD) into
// a title, a name, a genre and a note, read as UTF-8 with U+FFFD and trimmed
// as CSV fields are. Each run
// renders a page shaped like the site's (a heading, a table, a list with a
// link the template writes, a paragraph) and checks that:
// - nothing traps, and cmark's HTML is valid UTF-8;
// - the escapes hold: the HTML has exactly the template's elements (1 h1,
//   1 table with 3 rows and 2 + 4 cells, 1 li, 1 link to ../items/i1.md,
//   no other tag, no raw-HTML comment), whatever the data holds.

import RecEngine

let pageTemplate = """
# Item {{title}}

| Field | Value |
|---|---|
| Title | {{title}} |
| Genre | {{genre}} |

- {{{link}}} watched by {{name}}

{{note}}

"""

let templates = try! TemplateLibrary(sources: [(name: "page.md", path: "page.md.mustache", text: pageTemplate)])
let renderer = try! MarkdownRenderer()

/// How often each tag opens in `html` (`<name` followed by space or `>`).
func openingTags(_ html: [UInt8]) -> [String: Int] {
    var counts: [String: Int] = [:]
    var i = 0
    while i < html.count {
        if html[i] == UInt8(ascii: "<"), i + 1 < html.count, html[i + 1] != UInt8(ascii: "/") {
            var j = i + 1
            while j < html.count, html[j] != UInt8(ascii: " "), html[j] != UInt8(ascii: ">") { j += 1 }
            counts[String(decoding: html[(i + 1)..<j], as: UTF8.self), default: 0] += 1
            i = j
        } else {
            i += 1
        }
    }
    return counts
}

/// `precondition`, with its message printed also in -O builds.
func check(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRendering(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let parts = UnsafeBufferPointer(start: data, count: size)
        .split(separator: 0xFF, maxSplits: 3, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self).trimmingPythonWhitespace() }  // as CSV fields are
    func part(_ n: Int) -> String { n < parts.count ? parts[n] : "" }
    let link = "[" + MarkdownEscaping.text(DisplayText.capped(part(1))) + "](../users/u1.md)"
    let context: TemplateRecord = [
        "title": .text(DisplayText.capped(part(0))), "name": .text(part(1)), "genre": .text(DisplayText.capped(part(2))),
        "note": .text(part(3)), "link": .verbatim(link),
    ]
    let markdown = try! templates.render("page.md", context)
    let html = try! renderer.withHTML(markdown) { Array($0) }
    check(String(validating: html, as: UTF8.self) != nil, "HTML is not valid UTF-8")
    let tags = openingTags(html)
    let expected: [String: Int] = ["h1": 1, "table": 1, "thead": 1, "tbody": 1, "tr": 3, "th": 2, "td": 4,
                                   "ul": 1, "li": 1, "a": 1]
    check(tags.filter { $0.key != "p" } == expected, "tags \(tags) for \(parts.map(\.debugDescription))")
    check((tags["p"] ?? 0) <= 1, "the note made \(tags["p"] ?? 0) paragraphs")
    // Bytes, not String.contains: that compares grapheme clusters, so a
    // combining mark in the link text (U+0598) would fuse with the `>`.
    let anchor = Array("<a href=\"../users/u1.md\">".utf8)
    let linked = html.count >= anchor.count
        && (0...(html.count - anchor.count)).contains { html[$0..<($0 + anchor.count)].elementsEqual(anchor) }
    check(linked, "the template's link is gone:\n\(markdown)\n\(String(decoding: html, as: UTF8.self))")
    return 0
}
