import RecEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A new site being written into its staging folder batch by batch, then
/// swapped in whole by `commit()` (see `SiteWriter` for the guarantees).
/// A file whose bytes equal the old site's is hard-linked from it, so it
/// keeps its inode and modification time.
final class StagedSite: SiteSink {
    let target: String
    let staging: String
    private let parent: String
    private let name: String
    private let guarder: WriteGuard
    private let workers: Int
    /// The old site's files; `nil` when there is no old site.
    private let existing: [String]?
    private let existingSet: Set<String>
    private var ledger = SitePathLedger()
    private var tally = SiteTally()
    private var madeFolders = Set<String>()

    /// Makes the staging folder beside `target`.
    /// - Throws: `RecSiteError.writeFailed`, `.refusingToReplace`, or
    ///   `.interrupted` when the build's `BuildInterruption` was tripped.
    init(writer: SiteWriter, existing: [String]?, guarder: WriteGuard) throws {
        (parent, name) = SiteWriter.split(writer.target)
        target = writer.target
        workers = writer.workers
        self.guarder = guarder
        self.existing = existing
        existingSet = Set(existing ?? [])
        try guarder.interruption.beginWriting()  // before the folder, so a trip never leaves one
        staging = try FileSystem.makeTemporaryDirectory(in: parent, prefix: ".\(name).staging-")
        do {
            try FileSystem.create(staging + "/" + Self.markerName, Self.marker(for: staging))
        } catch {
            try? FileSystem.removeTree(staging)
            throw error
        }
    }

    /// The file that proves a staging folder is recsite's, so the next build
    /// may remove it if this one is killed; it is removed before the swap.
    static let markerName = ".recsite-staging"

    /// The marker's bytes: they name the folder, so a copied or renamed
    /// folder does not pass for one.
    static func marker(for staging: String) -> [UInt8] {
        Array("recsite staging folder \(SiteWriter.split(staging).name)\n".utf8)
    }

    var paths: Set<String> { ledger.paths }

    /// Writes `files` into staging, unchanged ones linked from the old site.
    /// - Throws: `RecSiteError.writeFailed` naming the path (in staging), or
    ///   `RecSiteError.interrupted` when the build's `BuildInterruption`
    ///   was tripped (checked between files).
    func put(_ files: [SiteFile]) throws {
        for file in files { try ledger.admit(file.path) }
        try write(files)
    }

    /// Writes the manifest and swaps the staging folder in.
    /// - Returns: what changed: files written (added, changed), unchanged, removed.
    /// - Throws: as `put`; nothing is swapped in then.
    func commit() throws -> SiteDiff {
        try write([ledger.manifest])
        try guarder.interruption.check()
        guard unlink(staging + "/" + Self.markerName) == 0 else {
            throw RecSiteError.writeFailed(path: staging + "/" + Self.markerName, reason: FileSystem.reason())
        }
        try swap()
        guarder.interruption.swapped()
        var made = ledger.paths
        made.insert(SiteWriter.manifestPath)
        return tally.finished(existing: existing ?? [], made: made)
    }

    /// Removes the staging folder after `error` and returns the error to
    /// throw: a write failure names the file as it would be in the site and
    /// says that nothing was lost; an interruption is reported as one, even
    /// when a worker's write failed first (the other workers then stopped).
    func abandon(after error: any Error) -> any Error {
        try? FileSystem.removeTree(staging)
        do { try guarder.interruption.check() } catch { return error }
        guard case RecSiteError.writeFailed(let path, let reason) = error else { return error }
        let shown = path.hasPrefix(staging + "/") ? target + path.dropFirst(staging.count) : path
        return RecSiteError.writeFailed(
            path: shown,
            reason: reason + (existing != nil ? "; nothing was changed, the previous site is intact" : "; nothing was written"))
    }

    /// Puts files that exist elsewhere (a shard's folder) into staging as
    /// hard links to them, copies where linking is impossible; a file whose
    /// bytes equal the old site's is linked from the old site, as `put` does.
    /// - Throws: as `put`.
    func putLinked(_ files: [(path: String, source: String)]) throws {
        for file in files { try ledger.admit(file.path) }
        try place(files.map(\.path),
                  unchanged: { index, old in FileSystem.sameContents(old, files[index].source) },
                  linkOld: { _, old, new in try FileSystem.linkOrCopy(existing: old, new: new) },
                  make: { index, new in try FileSystem.linkOrCopy(existing: files[index].source, new: new) })
    }

    /// Makes the folders of `paths` in staging that are not made yet, parents first.
    private func makeFolders(for paths: [String]) throws {
        for path in paths {
            var folder = path
            var missing: [String] = []
            while let slash = folder.utf8.lastIndex(of: UInt8(ascii: "/")) {
                folder = String(folder[..<slash])
                if madeFolders.contains(folder) { break }
                missing.append(folder)
            }
            for folder in missing.reversed() {  // parents first
                try FileSystem.makeDirectory(staging + "/" + folder)
                madeFolders.insert(folder)
            }
        }
    }

    private func write(_ files: [SiteFile]) throws {
        try place(files.map(\.path),
                  unchanged: { index, old in FileSystem.hasContents(old, files[index].bytes) },
                  linkOld: { index, old, new in try FileSystem.linkOrCopy(existing: old, new: new, bytes: files[index].bytes) },
                  make: { index, new in try FileSystem.create(new, files[index].bytes) })
    }

    /// Puts the files at `paths` into staging on `workers` threads, checking
    /// the interruption between files: a path the old site lacks, or whose
    /// file there is not `unchanged`, is made by `make` (added or changed);
    /// an unchanged one is linked from the old site by `linkOld`, keeping its
    /// inode and modification time. Each closure gets the file's index.
    private func place(_ paths: [String], unchanged: (Int, _ old: String) -> Bool,
                       linkOld: (Int, _ old: String, _ new: String) throws -> Void,
                       make: (Int, _ new: String) throws -> Void) throws {
        try makeFolders(for: paths)
        let (staging, target, existingSet, interruption) = (self.staging, self.target, self.existingSet, guarder.interruption)
        let results = parallelMap(count: paths.count, workers: workers, makeScratch: {}) { index, _ in
            Result { () throws -> SiteTally.Status in
                try interruption.check()
                let new = staging + "/" + paths[index]
                guard existingSet.contains(paths[index]) else {
                    try make(index, new)
                    return .added
                }
                let old = target + "/" + paths[index]
                if unchanged(index, old) {
                    try linkOld(index, old, new)
                    return .unchanged
                }
                try make(index, new)
                return .changed
            }
        }
        for (path, result) in zip(paths, results) { tally.record(path, try result.get()) }
    }

    /// Renames staging to the target, moving an old site aside first and
    /// deleting it afterwards; puts the old site back if the second rename fails.
    private func swap() throws {
        guard existing != nil else {
            try FileSystem.rename(staging, target)
            return
        }
        let backup = try FileSystem.makeTemporaryDirectory(in: parent, prefix: ".\(name).old-")
        do {
            try FileSystem.rename(target, backup)  // replaces the empty `backup` folder
        } catch {
            try? FileSystem.removeTree(backup)
            throw error
        }
        do {
            try FileSystem.rename(staging, target)
        } catch {
            try? FileSystem.rename(backup, target)
            throw error
        }
        Self.carryKept(from: backup, to: target)
        try? FileSystem.removeTree(backup)
    }

    /// Moves the kept names (`.git`, `CNAME`, `.nojekyll`) of an old site
    /// into the new one, unless the new one has them.
    /// - Returns: whether `old` holds no kept name any more.
    @discardableResult
    static func carryKept(from old: String, to new: String) -> Bool {
        var all = true
        for name in SiteWriter.keptNames where FileSystem.kind(old + "/" + name) != .missing {
            if FileSystem.kind(new + "/" + name) == .missing { try? FileSystem.rename(old + "/" + name, new + "/" + name) }
            if FileSystem.kind(old + "/" + name) != .missing { all = false }
        }
        return all
    }
}
