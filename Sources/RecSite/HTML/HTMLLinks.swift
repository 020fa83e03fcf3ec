/// Finds and edits the `href="…"` and `src="…"` attributes of HTML that
/// cmark or the site layout wrote: double-quoted values, no `"` inside (cmark
/// escapes text, so an attribute can only come from real markup).
public enum HTMLLinks {
    /// One attribute value: where it sits in the UTF-8 bytes and what it says.
    public struct Attribute: Equatable, Sendable {
        /// `href` or `src`.
        public let name: String
        /// The raw value (entities not decoded).
        public let rawValue: String
        /// Byte range of the value inside the document.
        public let range: Range<Int>

        /// The value with `&amp;`, `&quot;`, `&#39;`, `&#x27;`, `&lt;`, `&gt;` decoded.
        public var value: String { HTMLLinks.decodeEntities(rawValue) }
    }

    /// Every `href` and `src` attribute of `html`, in document order.
    /// - Complexity: O(length of `html`).
    public static func attributes(in html: String) -> [Attribute] {
        let bytes = Array(html.utf8)
        var found: [Attribute] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\"") else {
                i += 1
                continue
            }
            let name = attributeName(endingBefore: i, in: bytes)
            guard name == "href" || name == "src" else {
                i += 1
                continue
            }
            let start = i + 2
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
            found.append(Attribute(name: name, rawValue: String(decoding: bytes[start..<end], as: UTF8.self),
                                   range: start..<end))
            i = end + 1
        }
        return found
    }

    /// Replaces attribute values: `transform` returns the new raw value, or
    /// `nil` to keep one as it is.
    /// - Complexity: O(length of `html`).
    public static func rewriting(_ html: String, _ transform: (Attribute) -> String?) -> String {
        let attributes = attributes(in: html)
        guard !attributes.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + attributes.count * 2)
        var position = 0
        for attribute in attributes {
            guard let replacement = transform(attribute) else { continue }
            out.append(contentsOf: bytes[position..<attribute.range.lowerBound])
            out.append(contentsOf: replacement.utf8)
            position = attribute.range.upperBound
        }
        guard position > 0 else { return html }
        out.append(contentsOf: bytes[position...])
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `url` leaves the site: it has a scheme (`https:`, `mailto:`,
    /// `javascript:`), is protocol-relative (`//host`) or root-absolute (`/x`).
    public static func isExternal(_ url: String) -> Bool {
        if url.hasPrefix("/") { return true }
        var sawLetter = false
        for scalar in url.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z": sawLetter = true
            case "0"..."9", "+", ".", "-": if !sawLetter { return false }
            case ":": return sawLetter
            default: return false
            }
        }
        return false
    }

    /// Splits `url` into its path and the `?query#fragment` suffix (kept as written).
    public static func splitPath(_ url: String) -> (path: Substring, suffix: Substring) {
        let cut = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
        return (url[..<cut], url[cut...])
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            out = out.replacingAll(entity, with: character)
        }
        return out.replacingAll("&amp;", with: "&")
    }

    /// The ASCII attribute name right before the `=` at `equals`, or "" when
    /// the character before the name is not whitespace (so `data-src` is not `src`).
    private static func attributeName(endingBefore equals: Int, in bytes: [UInt8]) -> String {
        var start = equals
        while start > 0 {
            let byte = bytes[start - 1]
            let isNameByte = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || byte == UInt8(ascii: "-")
            guard isNameByte else { break }
            start -= 1
        }
        guard start < equals, start > 0, bytes[start - 1] == UInt8(ascii: " ") || bytes[start - 1] == UInt8(ascii: "\n")
        else { return "" }
        return String(decoding: bytes[start..<equals], as: UTF8.self)
    }
}

extension String {
    /// Every occurrence of `target` replaced, scanning UTF-8 bytes (no
    /// Unicode-equivalence matching, unlike `replacingOccurrences`).
    /// - Complexity: O(length of the string × length of `target`).
    func replacingAll(_ target: String, with replacement: String) -> String {
        let bytes = Array(utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return self }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var changed = false
        while i < bytes.count {
            if bytes[i] == needle[0], i + needle.count <= bytes.count, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                out.append(contentsOf: replacement.utf8)
                i += needle.count
                changed = true
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return changed ? String(decoding: out, as: UTF8.self) : self
    }
}
