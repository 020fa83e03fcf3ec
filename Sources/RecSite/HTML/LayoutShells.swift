import Foundation

/// The layout around a page's content, rendered once per kind of page and
/// reused: every user page (and every item page) shares the layout but for
/// its title and Markdown file name, and rendering `layout.html` through
/// Mustache for each page was 6% of a build.
///
/// A shell is rendered with stand-ins for `title` and `markdownSource`, cut
/// at them, and each page's values are put back escaped as Mustache escapes
/// `{{…}}`. That gives Mustache's own output only when the layout uses those
/// two names as plain `{{title}}` / `{{markdownSource}}` and has no
/// partials, pragmas or delimiter changes; `allows(layout:)` checks that,
/// and other layouts are rendered page by page.
final class LayoutShells: @unchecked Sendable {
    /// A piece of a shell: layout text, or where a page's value goes.
    enum Piece: Equatable {
        case text(String)
        case title
        case markdownSource
    }

    /// Stand-ins Mustache leaves as they are (no character it escapes);
    /// private-use characters, so no page title is mistaken for one.
    static let titleStandIn = "\u{F8FF}recsite:title\u{F8FF}"
    static let markdownSourceStandIn = "\u{F8FF}recsite:markdown-source\u{F8FF}"

    /// Shells kept at most: a site has a handful of kinds of page; pages
    /// with breadcrumbs of their own would otherwise keep one shell each.
    static let limit = 256

    private let lock = NSLock()
    private var shells: [String: [Piece]] = [:]

    /// The pieces of the shell for `key`, made by `render` the first time
    /// (every time once `limit` shells are kept).
    func pieces(for key: String, render: () throws -> String) rethrows -> [Piece] {
        if let known = lock.withLock({ shells[key] }) { return known }
        let made = Self.cut(try render())
        lock.withLock { if shells.count < Self.limit { shells[key] = made } }
        return made
    }

    /// The text of a shell with a page's title and Markdown file name put back.
    static func assemble(_ pieces: [Piece], title: String, markdownSource: String) -> String {
        var text = ""
        for piece in pieces {
            switch piece {
            case .text(let literal): text += literal
            case .title: text += htmlEscaped(title)
            case .markdownSource: text += htmlEscaped(markdownSource)
            }
        }
        return text
    }

    /// `text` cut at every stand-in.
    static func cut(_ text: String) -> [Piece] {
        var pieces: [Piece] = []
        var rest = Substring(text)
        while let stand = rest.firstRange(of: "\u{F8FF}recsite:") {
            let isTitle = rest[stand.lowerBound...].hasPrefix(titleStandIn)
            let standIn = isTitle ? titleStandIn : markdownSourceStandIn
            guard rest[stand.lowerBound...].hasPrefix(standIn) else { break }
            pieces.append(.text(String(rest[..<stand.lowerBound])))
            pieces.append(isTitle ? .title : .markdownSource)
            rest = rest[rest.index(stand.lowerBound, offsetBy: standIn.count)...]
        }
        pieces.append(.text(String(rest)))
        return pieces
    }

    /// What Mustache's `{{…}}` writes for `text`: each of the characters
    /// `< > & " '` replaced by its entity, comparing whole characters
    /// (grapheme clusters) as swift-mustache does, so `<` with a combining
    /// mark stays as it is.
    static func htmlEscaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "&": escaped += "&amp;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Whether shells of `layout` (the template's text) can be reused: its
    /// tags name `title` and `markdownSource` only as plain escaped
    /// variables, and it has no partial, pragma, inheritance or delimiter
    /// change that could use them out of sight.
    static func allows(layout: String) -> Bool {
        var rest = Substring(layout)
        while let open = rest.firstRange(of: "{{") {
            let afterOpen = rest[open.upperBound...]
            let triple = afterOpen.hasPrefix("{")
            let bodyStart = triple ? afterOpen.index(after: afterOpen.startIndex) : afterOpen.startIndex
            guard let close = afterOpen[bodyStart...].firstRange(of: "}}") else { return false }
            let body = afterOpen[bodyStart..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = afterOpen[close.upperBound...]
            guard let sigil = body.first else { continue }
            if "=>%<$".contains(sigil) { return false }
            if sigil == "!" { continue }
            let mentions = body.contains("title") || body.contains("markdownSource")
            if mentions && (triple || !(body == "title" || body == "markdownSource")) { return false }
        }
        return true
    }
}
