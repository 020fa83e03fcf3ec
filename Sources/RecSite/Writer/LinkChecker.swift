import Foundation
import RecEngine

/// Checks that every internal link of a site resolves to one of its files:
/// the link and image targets of every `.md` page and every `href`/`src` of
/// every `.html` page.
///
/// External URLs (`https:`, `mailto:`, `//host`) are skipped; a link that is
/// only a `#fragment` or `?query` points to its own page, and an empty one
/// (what safe mode leaves of a `javascript:` link) goes nowhere. A
/// root-absolute link (`/users/u1.html`) is broken: it would fail under a
/// base path.
public struct LinkChecker: Sendable {
    /// The links of one page (as written in it).
    public struct PageLinks: Sendable, Equatable {
        /// Site-relative path of the page.
        public let page: String
        public let links: [String]
        public init(page: String, links: [String]) {
            self.page = page
            self.links = links
        }
    }

    /// Every file of the site, site-relative.
    public let paths: Set<String>

    public init(paths: Set<String>) { self.paths = paths }

    /// - Parameters:
    ///   - pages: the links of every page.
    ///   - paths: every file of the site.
    ///   - extraLinks: site-relative targets named in data files (the search
    ///     indexes' `page` fields), with the file that names each.
    /// - Throws: `RecSiteError.brokenLinks` listing `page: link (why)` for
    ///   every broken link, pages in path order.
    /// - Complexity: O(links).
    public static func verify(_ pages: [PageLinks], paths: Set<String>,
                              extraLinks: [(file: String, target: String)] = [],
                              workers: Int = ProcessInfoCores.count) throws {
        var ledger = LinkLedger()
        ledger.record(pages, workers: workers)
        ledger.record(targets: extraLinks)
        try ledger.verify(paths: paths)
    }

    /// The `href` and `src` values of an HTML page, entities decoded.
    public static func links(inHTML html: String) -> [String] {
        HTMLLinks.attributes(in: html).map(\.value)
    }

    /// The link and image targets of a Markdown page, read with cmark.
    /// - Throws: `RecSiteError.markdownFailed`.
    public static func links(inMarkdown markdown: String, renderer: MarkdownRenderer) throws -> [String] {
        try renderer.links(in: markdown)
    }

    /// The broken ones of `links` on page `from`, each as `link (why)`, once each.
    public func brokenLinks(_ links: [String], from page: String) -> [String] {
        var seen = Set<String>()
        return links.compactMap { link in
            guard seen.insert(link).inserted else { return nil }
            return problem(with: link, from: page).map { "\(link) (\($0))" }
        }
    }

    /// Why `link` on page `from` is broken, or `nil` when it resolves.
    public func problem(with link: String, from page: String) -> String? {
        switch Self.resolution(of: link, from: page) {
        case .none: return nil
        case .problem(let why): return why
        case .file(let target): return paths.contains(target) ? nil : "no such file"
        }
    }

    /// What a link names, before knowing the site's files.
    public enum Resolution: Equatable, Sendable {
        /// External, or only a `#fragment`/`?query` of its own page, or empty.
        case none
        /// Broken whatever the site holds: `root-absolute: …` or `leaves the site`.
        case problem(String)
        /// The site-relative file it names.
        case file(String)
    }

    /// What `link` on page `from` names.
    public static func resolution(of link: String, from page: String) -> Resolution {
        if link.hasPrefix("/") && !link.hasPrefix("//") { return .problem("root-absolute: breaks under a base path") }
        guard !HTMLLinks.isExternal(link) else { return .none }
        let path = HTMLLinks.splitPath(link).path
        guard !path.isEmpty else { return .none }
        guard let target = resolve(String(path), from: page) else { return .problem("leaves the site") }
        return .file(target)
    }

    /// The site-relative path `link` names from `page`, or `nil` when it
    /// climbs above the site root. Percent escapes are decoded.
    /// - Complexity: O(length of `page` + length of `link`).
    public static func resolve(_ link: String, from page: String) -> String? {
        let decoded = link.utf8.contains(UInt8(ascii: "%")) ? (link.removingPercentEncoding ?? link) : link
        // Fast path, the links pages are made of: leading `../` and `./`, then plain names.
        var folder = page.utf8.lastIndex(of: UInt8(ascii: "/")).map { page[..<$0] } ?? ""
        var rest = decoded[...]
        while true {
            if rest.utf8.starts(with: "../".utf8) {
                guard !folder.isEmpty else { return nil }
                folder = folder.utf8.lastIndex(of: UInt8(ascii: "/")).map { folder[..<$0] } ?? ""
                rest = rest.dropFirst(3)
            } else if rest.utf8.starts(with: "./".utf8) {
                rest = rest.dropFirst(2)
            } else {
                break
            }
        }
        if RelativePath.isPlain(rest.utf8) {
            return folder.isEmpty ? String(rest) : folder + "/" + rest
        }
        let segments = rest.split(separator: "/", omittingEmptySubsequences: false)
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        for part in segments {
            switch part {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
