/// What a template writes, chosen by its name (`user.md`, `layout.html`):
/// it decides how `{{name}}` escapes a `.text` value.
public enum TemplateFormat: Sendable {
    /// Markdown pages: data strings through `MarkdownEscaping.text`.
    case markdown
    /// HTML: `& < > " '` as entities.
    case html
    /// Anything else: inserted as it is.
    case plain

    /// The format of a template named `name` (its file name without `.mustache`).
    public init(templateName name: String) {
        if name.hasSuffix(".md") {
            self = .markdown
        } else if name.hasSuffix(".html") {
            self = .html
        } else {
            self = .plain
        }
    }

    /// `text` escaped for this format, appended to `out` as UTF-8.
    func appendEscaped(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .markdown: out.append(contentsOf: MarkdownEscaping.text(text).utf8)
        case .html: Self.appendHTMLEscaped(text, to: &out)
        case .plain: out.append(contentsOf: text.utf8)
        }
    }

    /// HTML text and attribute values: `&`, `<`, `>`, `"` and `'` as entities,
    /// byte by byte (each is ASCII, so no multi-byte character is split).
    /// The SVG charts use `XMLText` instead: XML also forbids control characters.
    static func appendHTMLEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}
