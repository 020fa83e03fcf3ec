import Foundation
import RecEngine

/// Checks that every internal link of a site resolves to one of its files:
/// the link and image targets of every `.md` page (read with cmark, so only
/// real links count) and every `href`/`src` of every `.html` page.
///
/// External URLs (`https:`, `mailto:`, `//host`) are skipped; a link that is
/// only a `#fragment` or `?query` points to its own page. A root-absolute
/// link (`/users/u1.html`) is broken: it would fail under a base path.
public struct LinkChecker: Sendable {
    /// Every file of the site, site-relative.
    public let paths: Set<String>
    public let renderer: MarkdownRenderer

    public init(paths: Set<String>, renderer: MarkdownRenderer) {
        self.paths = paths
        self.renderer = renderer
    }

    /// - Throws: `RecSiteError.brokenLinks` listing `page: link (why)` for
    ///   every broken link, pages in path order.
    /// - Parameters:
    ///   - files: the whole site.
    ///   - extraLinks: links that live in data files (the search indexes'
    ///     `page` fields): the file that holds each and a site-relative target.
    /// - Complexity: O(total size of the pages) / workers.
    public static func verify(_ files: [SiteFile], extraLinks: [(file: String, target: String)] = [],
                              renderer: MarkdownRenderer, workers: Int = ProcessInfoCores.count) throws {
        let checker = LinkChecker(paths: Set(files.map(\.path)), renderer: renderer)
        let pages = files.filter { $0.path.hasSuffix(".md") || $0.path.hasSuffix(".html") }
        let results = parallelMap(count: pages.count, workers: workers, makeScratch: {}) { index, _ in
            Result { try checker.brokenLinks(in: pages[index]) }
        }
        var broken: [(page: String, line: String)] = []
        for (page, result) in zip(pages, results) {
            broken += try result.get().map { (page.path, "\(page.path): \($0)") }
        }
        for link in extraLinks where !checker.paths.contains(link.target) {
            broken.append((link.file, "\(link.file): \(link.target) (no such file)"))
        }
        guard broken.isEmpty else {
            throw RecSiteError.brokenLinks(broken.sorted { $0.page.utf8.lexicographicallyPrecedes($1.page.utf8) }.map(\.line))
        }
    }

    /// The broken links of one page, each as `link (why)`.
    /// - Throws: `RecSiteError.markdownFailed` if cmark cannot read a `.md` page.
    public func brokenLinks(in page: SiteFile) throws -> [String] {
        let text = String(decoding: page.bytes, as: UTF8.self)
        let links = page.path.hasSuffix(".md")
            ? try renderer.links(in: text)
            : HTMLLinks.attributes(in: text).map(\.value)
        return links.compactMap { link in problem(with: link, from: page.path).map { "\(link) (\($0))" } }
    }

    /// Why `link` on page `from` is broken, or `nil` when it resolves.
    public func problem(with link: String, from page: String) -> String? {
        if link.hasPrefix("/") && !link.hasPrefix("//") { return "root-absolute: breaks under a base path" }
        guard !HTMLLinks.isExternal(link) else { return nil }
        let path = HTMLLinks.splitPath(link).path
        guard !path.isEmpty else { return nil }
        guard let target = Self.resolve(String(path), from: page) else { return "leaves the site" }
        return paths.contains(target) ? nil : "no such file"
    }

    /// The site-relative path `link` names from `page`, or `nil` when it
    /// climbs above the site root. Percent escapes are decoded.
    public static func resolve(_ link: String, from page: String) -> String? {
        var parts = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        let decoded = link.removingPercentEncoding ?? link
        for part in decoded.split(separator: "/", omittingEmptySubsequences: false) {
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
