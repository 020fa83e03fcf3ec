/// Gives cmark's headings `id`s (`HeadingAnchor`), so a recommendation can
/// link to its score breakdown in the HTML as on a code host.
///
/// Safe mode escapes every `<` of the text, so `<h2>` in cmark's output can
/// only be a heading cmark made, and its text holds no raw tag but the
/// inline elements cmark itself wrote (links, emphasis, code).
enum HTMLHeadings {
    /// `html` with an `id` on every `<h1>`…`<h6>`.
    /// - Complexity: O(length of `html`).
    static func anchor(_ html: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count + 256)
        var seen: [String: Int] = [:]
        var copied = 0, i = 0
        while i + 4 <= html.count {
            guard html[i] == UInt8(ascii: "<"), html[i + 1] == UInt8(ascii: "h"),
                  (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(html[i + 2]), html[i + 3] == UInt8(ascii: ">"),
                  let end = closing(html, level: html[i + 2], from: i + 4) else { i += 1; continue }
            let slug = HeadingAnchor.unique(HeadingAnchor.slug(text(html[(i + 4)..<end])), seen: &seen)
            out.append(contentsOf: html[copied..<(i + 3)])
            out.append(contentsOf: Array(" id=\"".utf8) + escapeAttribute(slug) + [UInt8(ascii: "\""), UInt8(ascii: ">")])
            i += 4
            copied = i
        }
        out.append(contentsOf: html[copied...])
        return out
    }

    /// Where `</hN>` starts, from `start`.
    private static func closing(_ html: [UInt8], level: UInt8, from start: Int) -> Int? {
        var j = start
        while j + 5 <= html.count {
            if html[j] == UInt8(ascii: "<"), html[j + 1] == UInt8(ascii: "/"), html[j + 2] == UInt8(ascii: "h"),
               html[j + 3] == level, html[j + 4] == UInt8(ascii: ">") { return j }
            j += 1
        }
        return nil
    }

    /// The heading's text: tags dropped, entities decoded.
    private static func text(_ inner: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        var inTag = false
        for byte in inner {
            if byte == UInt8(ascii: "<") { inTag = true } else if byte == UInt8(ascii: ">") { inTag = false } else if !inTag { bytes.append(byte) }
        }
        return HTMLLinks.decodeEntities(String(decoding: bytes, as: UTF8.self))
    }

    /// A slug holds letters, digits, `-` and `_` only, but `"`, `&`, `<` are escaped anyway.
    private static func escapeAttribute(_ value: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            default: out.append(byte)
            }
        }
        return out
    }
}
