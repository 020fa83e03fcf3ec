import RecEngine

/// Compares a build's files, batch by batch, with the site on disk, for
/// `recsite build --check`. Writes nothing.
final class SiteComparison: SiteSink {
    private let target: String
    private let workers: Int
    private let ignoredPrefixes: [String]
    private let existing: [String]
    private let existingSet: Set<String>
    private var ledger = SitePathLedger()
    private var tally = SiteTally()

    /// - Throws: `RecSiteError.writeFailed` for an unreadable folder.
    init(writer: SiteWriter, ignoring prefixes: [String]) throws {
        target = writer.target
        workers = writer.workers
        ignoredPrefixes = prefixes
        existing = FileSystem.kind(target) == .directory
            ? try SiteWriter.replaceable(in: target).files.filter { path in !prefixes.contains { path.hasPrefix($0) } } : []
        existingSet = Set(existing)
    }

    var paths: Set<String> { ledger.paths }

    func put(_ files: [SiteFile]) throws {
        for file in files { try ledger.admit(file.path) }
        compare(files)
    }

    /// The difference, the manifest included.
    func finish() -> SiteDiff {
        compare([ledger.manifest])
        var made = ledger.paths
        made.insert(SiteWriter.manifestPath)
        return tally.finished(existing: existing, made: made)
    }

    private func compare(_ files: [SiteFile]) {
        let files = files.filter { file in !ignoredPrefixes.contains { file.path.hasPrefix($0) } }
        let (target, existingSet) = (self.target, self.existingSet)
        let statuses = parallelMap(count: files.count, workers: workers, makeScratch: {}) { index, _ -> SiteTally.Status in
            let file = files[index]
            guard existingSet.contains(file.path) else { return .added }
            return FileSystem.hasContents(target + "/" + file.path, file.bytes) ? .unchanged : .changed
        }
        for (file, status) in zip(files, statuses) { tally.record(file.path, status) }
    }
}
