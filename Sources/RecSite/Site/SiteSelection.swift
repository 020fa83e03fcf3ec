import Foundation
import RecEngine

/// The file kinds a build writes (`recsite build --formats md,html,json,csv`,
/// all by default). A file's kind follows from its site path (`includes`),
/// and pages name only files of the kinds written, so the link check holds
/// for every subset.
public struct SiteFormats: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `*.md` pages (and the site's README.md).
    public static let markdown = SiteFormats(rawValue: 1)
    /// `*.html` pages and `assets/` (styles, scripts, Bootstrap, the search index script).
    public static let html = SiteFormats(rawValue: 2)
    /// The static API, `api/`.
    public static let json = SiteFormats(rawValue: 4)
    /// The CSV exports, `csv/`.
    public static let csv = SiteFormats(rawValue: 8)
    public static let all: SiteFormats = [.markdown, .html, .json, .csv]

    /// The names `--formats` takes, in the order they are listed.
    public static let names: [(name: String, format: SiteFormats)] =
        [("md", .markdown), ("html", .html), ("json", .json), ("csv", .csv)]

    /// Formats from a comma-separated list such as `md,html`; nil for an
    /// unknown or missing name.
    public init?(list: String) {
        var formats: SiteFormats = []
        for word in list.split(separator: ",", omittingEmptySubsequences: false) {
            guard let entry = Self.names.first(where: { $0.name == word }) else { return nil }
            formats.insert(entry.format)
        }
        if formats.isEmpty { return nil }
        self = formats
    }

    /// Whether the build writes pages of some kind (charts go with them).
    public var hasPages: Bool { !isDisjoint(with: [.markdown, .html]) }

    /// Whether the file at site path `path` is of a kind this build writes.
    /// `.nojekyll` and the build summaries are always written: the next
    /// build and `recsite diff` compare with them.
    public func includes(path: String) -> Bool {
        if path == SitePaths.buildSummary || path == SitePaths.previousBuildSummary { return true }
        if path.hasPrefix("api/") { return contains(.json) }
        if path.hasPrefix("csv/") { return contains(.csv) }
        if path.hasPrefix("assets/") { return contains(.html) }
        if path.hasPrefix("charts/") { return hasPages }
        if path.hasSuffix(".html") { return contains(.html) }
        if path.hasSuffix(".md") { return contains(.markdown) }
        return true
    }

    /// The links of a converted page the check must find: those of the page kinds written.
    func links(of page: HTMLConverter.ConvertedPage) -> [LinkChecker.PageLinks] {
        (contains(.markdown) ? [page.markdownLinks] : []) + (contains(.html) ? [page.htmlLinks] : [])
    }

    /// What the JSON indexes name as a page's address: its HTML file, else
    /// its Markdown file, else nothing.
    func pageAddress(_ markdownPath: String) -> String? {
        contains(.html) ? LinkRewriter.htmlPath(markdownPath) : contains(.markdown) ? markdownPath : nil
    }
}

/// The users that get a page, a chart and their own JSON and CSV files
/// (`recsite build --users FILE` or `--sample N --seed S`); every user still
/// counts on the site-wide pages.
public struct UserPages: Sendable {
    /// Per user index, whether it has a page; nil when every user has one.
    private let selected: [Bool]?

    public static let all = UserPages(selected: nil)

    private init(selected: [Bool]?) { self.selected = selected }

    /// Whether user `u` (an index in ID order) has a page.
    public func has(_ u: Int) -> Bool { selected?[u] ?? true }

    /// Users with a page, of `total`.
    public func count(of total: Int) -> Int { selected.map { $0.count(where: { $0 }) } ?? total }

    /// Whether some users have no page.
    public var isSubset: Bool { selected.map { $0.contains(false) } ?? false }

    /// The users named in a file, one ID a line; blank lines and lines
    /// starting with `#` are skipped, spaces around an ID are ignored.
    /// - Throws: `RecSiteError.invalidConfig` naming `file:line` for an ID
    ///   the data lacks, or the file when it cannot be read.
    public static func listed(in path: String, text: String, model: RecommenderModel) throws -> UserPages {
        var selected = [Bool](repeating: false, count: model.dataset.users.count)
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let id = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if id.isEmpty || id.hasPrefix("#") { continue }
            guard let u = model.user(id) else {
                let near = IDSuggestions.closest(to: id, among: model.dataset.users.map(\.id))
                throw RecSiteError.invalidConfig(
                    path: "\(path):\(number + 1)",
                    reason: "unknown user ID '\(id)'" + (near.isEmpty ? "" : " (did you mean \(near.joined(separator: ", "))?)"))
            }
            selected[u] = true
        }
        return UserPages(selected: selected)
    }

    /// A sample of `n` users (all of them when there are fewer): those with
    /// the smallest `sampleKey`, ties by ID. It depends only on the seed and
    /// the IDs, not on the order of the files, the rest of the data or the platform.
    public static func sample(_ n: Int, seed: UInt64, users: [User]) -> UserPages {
        let keys = users.map { sampleKey(id: $0.id, seed: seed) }
        let chosen = users.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }.prefix(n)
        var selected = [Bool](repeating: false, count: users.count)
        for u in chosen { selected[u] = true }
        return UserPages(selected: selected)
    }

    /// FNV-1a of the UTF-8 text `"<seed>:<id>"`, then SplitMix64's finaliser:
    /// FNV-1a alone orders IDs that differ in their last character close
    /// together (a sample of 5 of `u1`…`u300` was u30…u34).
    public static func sampleKey(id: String, seed: UInt64) -> UInt64 {
        var z = stableHash("\(seed):\(id)")
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
