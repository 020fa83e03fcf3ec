import Foundation

/// A build's summary and what changed since the previous build: the
/// summary (`api/build.json`), the summary it is compared with
/// (`api/previous-build.json`) and their comparison, for `changes.md` and
/// the notes on changed user pages.
///
/// The previous build is the latest build with a different summary. A
/// build whose summary equals the one of the site it replaces keeps that
/// site's comparison (and its `previous-build.json`), so building the same
/// facts again gives the same bytes and `build --check` stays green.
public struct SiteChanges: Sendable {
    public let summary: BuildSummary
    public let summaryJSON: String
    /// The previous build's summary and its exact text, or `nil` on a first build.
    public let previous: (summary: BuildSummary, json: String)?
    public let comparison: BuildComparison?
    /// Each changed user's change, by ID.
    private let byUser: [String: UserChange]

    /// What moved for one user.
    public struct UserChange: Sendable, Equatable {
        public var isNew = false
        public var events: BuildComparison.EventChange?
        public var list: BuildComparison.ListChange?
        public var scores: BuildComparison.ScoreMove?
        public var profileChanged = false
    }

    public init(summary: BuildSummary, previous: (summary: BuildSummary, json: String)?) {
        self.summary = summary
        summaryJSON = summary.json()
        self.previous = previous
        let comparison = previous.map { BuildComparison(old: $0.summary, new: summary) }
        self.comparison = comparison
        var byUser: [String: UserChange] = [:]
        if let c = comparison {
            for id in c.usersAdded { byUser[id, default: UserChange()].isNew = true }
            for id in c.profilesChanged { byUser[id, default: UserChange()].profileChanged = true }
            for change in c.events { byUser[change.user, default: UserChange()].events = change }
            for change in c.lists { byUser[change.user, default: UserChange()].list = change }
            for move in c.scoreMoves { byUser[move.user, default: UserChange()].scores = move }
        }
        self.byUser = byUser
    }

    /// The changes of a build with `summary` that replaces the site in `site`
    /// (or is told to compare with it, `--previous`).
    /// - Throws: `RecSiteError.invalidSummary` when the site has a summary that cannot be read.
    public static func against(site: String?, summary: BuildSummary) throws -> SiteChanges {
        guard let site, let current = try read(site, SitePaths.buildSummary) else {
            return SiteChanges(summary: summary, previous: nil)
        }
        if current.json == summary.json() {
            // The same build again: keep the comparison the site shows.
            return SiteChanges(summary: summary, previous: try read(site, SitePaths.previousBuildSummary))
        }
        return SiteChanges(summary: summary, previous: current)
    }

    private static func read(_ site: String, _ file: String) throws -> (summary: BuildSummary, json: String)? {
        let path = OutputFile.join(site, file)
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try BuildSummary(json: data, source: path), String(decoding: data, as: UTF8.self))
    }

    /// `api/build.json` and, after a first build, `api/previous-build.json`.
    public var files: [SiteFile] {
        [SiteFile(path: SitePaths.buildSummary, text: summaryJSON)]
            + (previous.map { [SiteFile(path: SitePaths.previousBuildSummary, text: $0.json)] } ?? [])
    }

    /// The change of the user `id`, or `nil` when nothing moved for them (or on a first build).
    public func change(user id: String) -> UserChange? { byUser[id] }
}
