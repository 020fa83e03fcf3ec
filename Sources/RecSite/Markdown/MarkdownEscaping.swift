import RecEngine

/// The one way data-derived strings (titles, names, genres, regions, IDs,
/// raw CSV rows) enter the site's Markdown, so that they render as literal
/// text in GitHub and cmark-gfm (tables, strikethrough, autolink, tagfilter).
///
/// `text(_:)` is safe in running text, headings, link text and table cells:
/// - always backslash-escaped: `\` `` ` `` `*` `_` `[` `]` `<` `>` `|` `~` `#`
///   (emphasis, code, links and images, raw HTML and autolinks, blockquotes,
///   table cells, strikethrough, ATX closing sequences);
/// - `&` when it could start an entity (followed by a letter, digit or `#`);
/// - `:` before `//` and `.` after `www`, which would become GFM autolinks;
/// - at the very start: `-` `+` `=` and the `.`/`)` after leading digits,
///   which could start a list or a setext underline at a line start;
/// - line breaks and other control characters (C0, DEL, C1, U+2028, U+2029)
///   become a space, so a value never leaves its line or table row; at the
///   start they, and spaces, are dropped, so a value never indents its line.
/// - `@` gets an invisible U+2060 WORD JOINER before it when a `.` follows
///   before the next white space. GFM's autolink extension links `a@b.org`,
///   `mailto:a@b.org` and `xmpp:a@b.org` after escapes are resolved (`\@`
///   and `&#64;` do not stop it), only when the character before `@` is a
///   letter, digit or `.-_+` and the domain has a `.`; the joiner is none of
///   those, so data never becomes a link, on GitHub or in the HTML, while
///   `P@10` and `x@y` keep their bytes.
/// Other punctuation (`:` `.` `!` `(` `-` inside text) stays as it is so the
/// committed Markdown reads well in a diff.
public enum MarkdownEscaping {
    /// `value` as literal Markdown text on one line.
    /// - Complexity: O(length of `value`).
    public static func text(_ value: String) -> String {
        let value = DisplayText.capped(value, limit: DisplayText.pageTextLimit)
        if needsNoEscape(value) { return value }
        // Leading spaces and control characters are dropped first, so a value
        // never indents its line (a list item's continuation, a code block)
        // and the start-of-line rules below see its first visible character
        // (both found by the rendering fuzz target: "\0 |", "\00. x").
        let scalars = Array(value.unicodeScalars.drop { isLineBreakOrControl($0) || $0 == " " })
        var out = String.UnicodeScalarView()
        out.reserveCapacity(scalars.count + 8)
        let leadingDigits = scalars.prefix { ("0"..."9").contains($0) }.count
        for (index, scalar) in scalars.enumerated() {
            if isLineBreakOrControl(scalar) {
                out.append(" ")
                continue
            }
            if scalar == "@" {
                if couldBeAddress(at: index, in: scalars) { out.append(wordJoiner) }
            } else if needsEscape(scalar, at: index, in: scalars, leadingDigits: leadingDigits) {
                out.append("\\")
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// `value` as an inline code span (raw CSV rows): shown exactly, with
    /// line breaks as `⏎` and other control characters as spaces. Not for
    /// table cells, where GFM would still split the cell at a `|`.
    public static func code(_ value: String) -> String {
        let value = DisplayText.capped(value, limit: DisplayText.pageTextLimit)
        var body = String.UnicodeScalarView()
        var pendingCR = false
        for scalar in value.unicodeScalars {
            if scalar == "\n" {
                body.append("⏎")
                pendingCR = false
                continue
            }
            if pendingCR { body.append("⏎") }
            pendingCR = scalar == "\r"
            if pendingCR { continue }
            body.append(isLineBreakOrControl(scalar) ? " " : scalar)
        }
        if pendingCR { body.append("⏎") }
        let text = String(body)
        // A fence longer than any run of backticks inside cannot close early.
        var longest = 0, run = 0
        for character in text.unicodeScalars {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let allSpaces = text.unicodeScalars.allSatisfy { $0 == " " }
        // cmark strips one space from each end when both are spaces: pad so
        // that a leading or trailing space or backtick survives.
        let pad = !allSpaces && (text.hasPrefix(" ") || text.hasSuffix(" ") || text.hasPrefix("`") || text.hasSuffix("`"))
        let inner = pad ? " " + text + " " : text
        return fence + (inner.isEmpty ? " " : inner) + fence
    }

    /// `value` on one line with control characters as spaces, not escaped:
    /// for page titles and breadcrumbs, which the HTML layout escapes itself.
    public static func plain(_ value: String) -> String {
        String(String.UnicodeScalarView(DisplayText.capped(value, limit: DisplayText.pageTextLimit)
            .unicodeScalars.map { isLineBreakOrControl($0) ? " " : $0 }))
    }

    /// Whether `text(value)` is `value` itself: printable ASCII with none of
    /// the characters any rule above looks at (`-`, `+`, `=` only matter
    /// first; the others anywhere). Most genres, types and many titles are
    /// such, and the tables of a user page escape some 170 of them.
    /// - Complexity: O(length of `value`), one pass over its bytes.
    static func needsNoEscape(_ value: String) -> Bool {
        var utf8 = value.utf8.makeIterator()
        guard let first = utf8.next() else { return true }
        if first == UInt8(ascii: " ") { return false }
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "=") { return false }
        var byte = first
        while true {
            guard byte >= 0x20 && byte < 0x7F && !plainUnsafe[Int(byte)] else { return false }
            guard let next = utf8.next() else { return true }
            byte = next
        }
    }

    /// ASCII characters some rule of `text(_:)` may escape.
    private static let plainUnsafe: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for character in "\\`*_[]<>|~#&:.)@" { table[Int(character.asciiValue!)] = true }
        return table
    }()

    /// U+2060, put before an `@` of data so GFM cannot autolink it.
    static let wordJoiner: Unicode.Scalar = "\u{2060}"

    /// Whether the `@` at `index` could end an address's local part: GFM
    /// links only when its domain has a `.` (`x@y`, `mailto:a@b`, `P@10` stay
    /// text), so a `.` before the next white space means it could.
    private static func couldBeAddress(at index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        for scalar in scalars[(index + 1)...] {
            if scalar == "." { return true }
            if scalar.properties.isWhitespace { return false }
        }
        return false
    }

    private static func isLineBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func needsEscape(
        _ scalar: Unicode.Scalar, at index: Int, in scalars: [Unicode.Scalar], leadingDigits: Int
    ) -> Bool {
        switch scalar {
        case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "#":
            return true
        case "&":
            return index + 1 < scalars.count && (isASCIIAlphanumeric(scalars[index + 1]) || scalars[index + 1] == "#")
        case ":":
            return index + 2 < scalars.count && scalars[index + 1] == "/" && scalars[index + 2] == "/"
        case ".":
            if index == leadingDigits && leadingDigits > 0 { return true }
            return index >= 3 && String(String.UnicodeScalarView(scalars[(index - 3)..<index])).lowercased() == "www"
        case ")":
            return index == leadingDigits && leadingDigits > 0
        case "-", "+", "=":
            return index == 0
        default:
            return false
        }
    }

    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return false
        }
    }
}
