/// Gives cmark's tables Bootstrap's classes and a scrolling wrapper, so wide
/// tables scroll sideways on a phone instead of widening the page.
///
/// Safe mode escapes every `<` of the text, so a literal `<table>` in cmark's
/// output can only be a table cmark made.
public enum HTMLTables {
    /// The classes every table gets.
    public static let tableClasses = "table table-sm table-striped table-hover"

    /// Wraps each `<table>` in `<div class="table-responsive">` and adds `tableClasses`.
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
        while i < count {
            guard html[i] == UInt8(ascii: "<") else { i += 1; continue }
            let (tag, replacement): ([UInt8], [UInt8])
            if matches(open, html, at: i) {
                (tag, replacement) = (open, openReplacement)
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

    private static func matches(_ pattern: [UInt8], _ html: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + pattern.count <= html.count else { return false }
        for k in 1..<pattern.count where html[index + k] != pattern[k] { return false }
        return true
    }
}
