#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var html = html
        return html.withUTF8 { attributes(in: $0) }
    }

    /// Replaces attribute values: `transform` returns the new raw value, or
    /// `nil` to keep one as it is.
    /// - Complexity: O(length of `html`).
    public static func rewriting(_ html: String, _ transform: (Attribute) -> String?) -> String {
        var html = html
        return html.withUTF8 { rewriting($0, attributes: attributes(in: $0), transform) }
    }

    private static func rewriting(_ bytes: UnsafeBufferPointer<UInt8>, attributes found: [Attribute],
                                  _ transform: (Attribute) -> String?) -> String {
        var out: [UInt8] = []
        append(bytes, replacing: found, with: found.map(transform), to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `bytes` to `out` with each attribute of `found` whose
    /// replacement is not `nil` given that raw value instead.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, replacing found: [Attribute], with replacements: [String?],
                       to out: inout [UInt8]) {
        out.reserveCapacity(out.count + bytes.count + 64)
        var position = 0
        for (attribute, replacement) in zip(found, replacements) {
            guard let replacement else { continue }
            out.append(contentsOf: bytes[position..<attribute.range.lowerBound])
            out.append(contentsOf: replacement.utf8)
            position = attribute.range.upperBound
        }
        out.append(contentsOf: bytes[position...])
    }

    /// Whether `url` leaves the site: it has a scheme (`https:`, `mailto:`,
    /// `javascript:`), is protocol-relative (`//host`) or root-absolute (`/x`).
    public static func isExternal(_ url: String) -> Bool {
        var sawLetter = false
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if !sawLetter { return false }
            case UInt8(ascii: ":"): return sawLetter
            case UInt8(ascii: "/"): return !sawLetter  // `/x` and `//host`; `a/b:c` is relative
            default: return false
            }
        }
        return false
    }

    /// Splits `url` into its path and the `?query#fragment` suffix (kept as
    /// written), at the first `#` or `?` byte, as `LinkRewriter` cuts and
    /// browsers do (even before a combining mark, which a `Character`
    /// comparison would read as another character). Comparing characters
    /// here was 2% of a build.
    public static func splitPath(_ url: String) -> (path: Substring, suffix: Substring) {
        let cut = url.utf8.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? url.endIndex
        return (url[..<cut], url[cut...])
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = text
        for (entity, character) in [("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&lt;", "<"), ("&gt;", ">")] {
            out = out.replacingAll(entity, with: character)
        }
        return out.replacingAll("&amp;", with: "&")
    }

    private static let quote = UInt8(ascii: "\"")
    private static let equals = UInt8(ascii: "=")

    static func attributes(in bytes: UnsafeBufferPointer<UInt8>) -> [Attribute] {
        var found: [Attribute] = []
        var i = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else { return [] }
        while i + 1 < count {
            // memchr to the next `=`: pages are long and attributes are few.
            guard let next = memchr(base + i, Int32(equals), count - i) else { break }
            i = base.distance(to: next.assumingMemoryBound(to: UInt8.self))
            guard i + 1 < count, bytes[i + 1] == quote, let name = attributeName(endingBefore: i, in: bytes) else {
                i += 1
                continue
            }
            let start = i + 2
            var end = start
            while end < count, bytes[end] != quote { end += 1 }
            found.append(Attribute(name: name, rawValue: String(decoding: bytes[start..<end], as: UTF8.self),
                                   range: start..<end))
            i = end + 1
        }
        return found
    }

    /// `href` or `src` when the bytes right before the `=` at `equals` are
    /// that name preceded by a space or line break (so `data-src` is not `src`).
    private static func attributeName(endingBefore equals: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        func matches(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard equals > length else { return false }
            let before = bytes[equals - length - 1]
            guard before == UInt8(ascii: " ") || before == UInt8(ascii: "\n") else { return false }
            let pattern = UnsafeBufferPointer(start: name.utf8Start, count: length)
            for k in 0..<length where bytes[equals - length + k] != pattern[k] { return false }
            return true
        }
        if matches("href") { return "href" }
        if matches("src") { return "src" }
        return nil
    }
}

extension String {
    /// Every occurrence of `target` replaced, comparing UTF-8 bytes (no
    /// Unicode-equivalence matching, unlike `replacingOccurrences`).
    /// - Complexity: O(length of the string × length of `target`).
    func replacingAll(_ target: String, with replacement: String) -> String {
        var text = self
        var target = target
        return text.withUTF8 { bytes in
            target.withUTF8 { needle in
                guard let first = needle.first, bytes.count >= needle.count else { return self }
                var out: [UInt8] = []
                var copied = 0
                var i = 0
                let last = bytes.count - needle.count
                while i <= last {
                    if bytes[i] == first, memoryEqual(bytes, i, needle) {
                        if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                        out.append(contentsOf: bytes[copied..<i])
                        out.append(contentsOf: replacement.utf8)
                        i += needle.count
                        copied = i
                    } else {
                        i += 1
                    }
                }
                guard copied > 0 else { return self }
                out.append(contentsOf: bytes[copied...])
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}

/// Whether `bytes[at...]` starts with `needle`.
@inline(__always)
private func memoryEqual(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
    for k in 1..<needle.count where bytes[at + k] != needle[k] { return false }
    return true
}
