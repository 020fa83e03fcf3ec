/// Gives cmark's tables Bootstrap's classes, a scrolling wrapper (so wide
/// tables scroll sideways on a phone instead of widening the page) and a
/// `<caption>`: the text of the nearest heading before the table (cmark
/// writes none, and a screen reader's table list needs one). The caption is
/// visually hidden, as the heading shows the same words right above.
///
/// Safe mode escapes every `<` of the text, so a literal `<table>` in cmark's
/// output can only be a table cmark made.
public enum HTMLTables {
    /// The classes every table gets.
    public static let tableClasses = "table table-sm table-striped table-hover"

    /// The caption's classes: read by screen readers, not shown.
    public static let captionClasses = "table-caption visually-hidden"

    /// Wraps each `<table>` in `<div class="table-responsive">`, adds `tableClasses`,
    /// and captions it with the nearest heading before it (none before the first heading).
    /// - Complexity: O(length of `html`).
    public static func decorate(_ html: String) -> String {
        var out: [UInt8] = []
        var html = html
        html.withUTF8 { append($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `html` to `out`, decorated, in one pass.
    static func append(_ html: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.reserveCapacity(out.count + html.count + 1024)
        var copied = 0, i = 0
        let count = html.count
        // The inner text of the last heading seen: cmark's escaped text with its tags dropped.
        var heading: [UInt8] = []
        while i < count {
            guard html[i] == UInt8(ascii: "<") else { i += 1; continue }
            if i + 3 < count, html[i + 1] == UInt8(ascii: "h"),
               (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[i + 2]),
               html[i + 3] == UInt8(ascii: ">") || html[i + 3] == UInt8(ascii: " ") {
                heading = headingText(html, from: i + 3, level: html[i + 2])
                i += 3
                continue
            }
            let (tag, replacement): ([UInt8], [UInt8])
            if matches(open, html, at: i) {
                (tag, replacement) = (open, heading.isEmpty ? openReplacement : openReplacement + captionOpen + heading + captionClose)
            } else if matches(close, html, at: i) {
                (tag, replacement) = (close, closeReplacement)
            } else {
                i += 1
                continue
            }
            out.append(contentsOf: html[copied..<i])
            out.append(contentsOf: replacement)
            i += tag.count
            copied = i
        }
        out.append(contentsOf: html[copied..<count])
    }

    private static let open = Array("<table>".utf8)
    private static let close = Array("</table>".utf8)
    private static let openReplacement = Array("<div class=\"table-responsive\"><table class=\"\(tableClasses)\">".utf8)
    private static let closeReplacement = Array("</table></div>".utf8)

    private static let captionOpen = Array("\n<caption class=\"\(captionClasses)\">".utf8)
    private static let captionClose = Array("</caption>".utf8)

    /// The text of the heading whose tag name ends at `start` (`<hN` then attributes): everything up
    /// to `</hN>` with tags dropped and spaces collapsed. cmark escaped it, so it stays escaped.
    private static func headingText(_ html: UnsafeBufferPointer<UInt8>, from start: Int, level: UInt8) -> [UInt8] {
        var j = start
        while j < html.count, html[j] != UInt8(ascii: ">") { j += 1 }
        var text: [UInt8] = []
        var inTag = false
        j += 1
        while j < html.count {
            let byte = html[j]
            if byte == UInt8(ascii: "<") {
                if j + 4 < html.count, html[j + 1] == UInt8(ascii: "/"), html[j + 2] == UInt8(ascii: "h"),
                   html[j + 3] == level, html[j + 4] == UInt8(ascii: ">") { break }
                inTag = true
            } else if byte == UInt8(ascii: ">") {
                inTag = false
            } else if !inTag {
                let space = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t")
                if space { if let last = text.last, last != UInt8(ascii: " ") { text.append(UInt8(ascii: " ")) } } else { text.append(byte) }
            }
            j += 1
        }
        while text.last == UInt8(ascii: " ") { text.removeLast() }
        return text
    }

    private static func matches(_ pattern: [UInt8], _ html: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= html.count else { return false }
        for k in 1..<pattern.count where html[index + k] != pattern[k] { return false }
        return true
    }
}
