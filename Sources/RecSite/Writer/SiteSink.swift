import RecEngine

/// Where a build puts its files as it makes them, batch by batch, so a site
/// is never held in memory whole: a `StagedSite` writes them into a staging
/// folder, a `SiteComparison` compares them with the site on disk.
protocol SiteSink: AnyObject {
    /// Takes a batch of files.
    /// - Throws: `RecSiteError.writeFailed` for a bad path or a write failure.
    func put(_ files: [SiteFile]) throws
    /// Every file path put so far.
    var paths: Set<String> { get }
}

/// How the files put so far compare with the site on disk.
struct SiteTally {
    var diff = SiteDiff()

    enum Status { case added, changed, unchanged }

    mutating func record(_ path: String, _ status: Status) {
        switch status {
        case .added: diff.added.append(path)
        case .changed: diff.changed.append(path)
        case .unchanged: diff.unchanged += 1
        }
    }

    /// The diff, with `existing` files that were not made as removed, every list in path order.
    func finished(existing: [String], made: Set<String>) -> SiteDiff {
        var diff = self.diff
        diff.removed = existing.filter { !made.contains($0) }
        diff.added.sort(by: codePointLess)
        diff.changed.sort(by: codePointLess)
        diff.removed.sort(by: codePointLess)
        return diff
    }
}

/// Keeps every file put, in order (`SiteBuilder.siteFiles()`).
final class CollectedSite: SiteSink {
    private var ledger = SitePathLedger()
    private(set) var files: [SiteFile] = []

    var paths: Set<String> { ledger.paths }

    func put(_ files: [SiteFile]) throws {
        for file in files { try ledger.admit(file.path) }
        self.files += files
    }
}
