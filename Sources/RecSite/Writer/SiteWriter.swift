import RecEngine

/// Writes a whole site atomically, and tells how a build differs from the
/// site on disk.
///
/// **Atomic.** The new site is written into a staging folder beside the
/// target (`<parent>/.<name>.staging-XXXXXX`, so renames stay on one file
/// system), then swapped in: the old folder is renamed to
/// `.<name>.old-XXXXXX`, the staging folder to the target, and the old one
/// is deleted. A failure before the swap deletes the staging folder and
/// leaves the old site as it was; files the build no longer makes are gone
/// because the new folder holds only the build's files.
///
/// **Unchanged files keep their modification time.** A file whose bytes
/// equal the old site's is hard-linked from the old site into staging
/// (same inode, same mtime; a copy with the old mtime where links are not
/// possible), so a rebuild with no change writes no file and tools that
/// watch mtimes (rsync, make, static hosts) see nothing new.
///
/// **Only its own folders.** Each site holds `.recsite-manifest`, the sorted
/// list of its files. The writer refuses to replace a non-empty folder
/// without one, so `--out ~/Documents` cannot wipe a folder by mistake, and
/// removes only the files that manifest lists: `.git`, `CNAME` and
/// `.nojekyll` (`keptNames`) are carried into the new site, and any other
/// file is listed and refused unless `force` is set.
///
/// **Deterministic.** Output is exactly the given bytes; the manifest is
/// sorted; no clock time or machine path is written.
public struct SiteWriter: Sendable {
    /// The manifest every site holds (site-relative).
    public static let manifestPath = ".recsite-manifest"
    /// Folders `diff` ignores by default: none. Bootstrap's copied files are
    /// committed with the site so it publishes as it is, and `--check`
    /// covers them (a newer `libjs-bootstrap5` shows as a change to commit).
    public static let checkIgnoredPrefixes: [String] = []

    /// Top-level names of a site that recsite never removes: a clone's
    /// `.git`, a custom domain's `CNAME`, Pages' `.nojekyll`. The new site
    /// gets the old one's unless the build makes the same name itself.
    public static let keptNames = [".git", "CNAME", ".nojekyll"]

    /// The site folder, e.g. `site`.
    public let target: String
    public let workers: Int
    /// Whether files of the old site that recsite did not write (not in its
    /// manifest, not kept) are removed rather than refused.
    public let force: Bool

    /// - Parameters:
    ///   - target: the site folder (created with its parents if missing).
    ///     A symbolic link to a folder is followed: the folder it names is
    ///     replaced (with its staging folder and lock beside it), the link kept.
    ///   - workers: threads comparing and writing files.
    ///   - force: remove files of the old site that recsite did not write
    ///     instead of refusing to replace it.
    public init(target: String, workers: Int = ProcessInfoCores.count, force: Bool = false) {
        var target = target
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        if FileSystem.isLink(target), FileSystem.kindFollowingLinks(target) == .directory,
           let resolved = FileSystem.realPath(target) {
            target = resolved
        }
        self.target = target
        self.workers = workers
        self.force = force
    }

    /// Whether `path` (site-relative) is under one of `keptNames`.
    static func isKept(_ path: String) -> Bool {
        keptNames.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// The files of the site in `folder` that a build replaces: all but the
    /// kept ones its manifest does not list (a `.nojekyll` the build wrote is its own).
    static func replaceable(in folder: String) throws -> (files: [String], listed: Set<String>) {
        let listed = manifestEntries(FileSystem.read(folder + "/" + manifestPath) ?? [])
        return (try FileSystem.listFiles(under: folder).filter { !isKept($0) || listed.contains($0) }, listed)
    }

    /// The paths a site's manifest lists (comment lines skipped).
    static func manifestEntries(_ bytes: [UInt8]) -> Set<String> {
        Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n")
            .filter { !$0.hasPrefix("#") }.map(String.init))
    }

    /// How writing `files` would change the site on disk, ignoring files
    /// under `ignoring` on both sides. Writes nothing.
    /// - Throws: `RecSiteError.writeFailed` for invalid paths or an unreadable folder.
    /// - Complexity: O(total bytes of `files`) reads, on `workers` threads.
    public func diff(_ files: [SiteFile], ignoring prefixes: [String] = checkIgnoredPrefixes) throws -> SiteDiff {
        let comparison = try compare(ignoring: prefixes)
        try comparison.put(files)
        return comparison.finish()
    }

    /// Replaces the site with exactly `files` (plus the manifest).
    /// - Parameter interruption: tripped from outside to stop the write
    ///   between two files (see `BuildInterruption`).
    /// - Returns: what changed: files written (added, changed), unchanged, removed.
    /// - Throws: `RecSiteError.writeFailed` naming the path that failed,
    ///   `RecSiteError.refusingToReplace` for a folder this writer did not make,
    ///   or `RecSiteError.interrupted`. The old site is then untouched and no
    ///   staging folder remains.
    /// - Complexity: O(total bytes of `files`) reads and writes.
    public func write(_ files: [SiteFile], interruption: BuildInterruption = BuildInterruption()) throws -> SiteDiff {
        var ledger = SitePathLedger()
        for file in files { try ledger.admit(file.path) }  // bad paths fail before anything is made
        let guarder = try lock(interruption: interruption)
        defer { guarder.finish() }
        return try write(files, holding: guarder)
    }

    /// Refuses a build whose inputs lie inside the folder it replaces (the
    /// build would read them, then remove them with the old site).
    /// - Parameter inputs: (what it is, e.g. "the data folder", its path); missing paths are skipped.
    /// - Throws: `RecSiteError.refusingToReplace` naming the first such input.
    public func refuseInputsInside(_ inputs: [(what: String, path: String)]) throws {
        guard let site = FileSystem.realPath(target) else { return }
        for input in inputs {
            guard let real = FileSystem.realPath(input.path) else { continue }
            if real == site || real.hasPrefix(site == "/" ? "/" : site + "/") {
                throw RecSiteError.refusingToReplace(
                    path: target,
                    reason: "\(input.what) \(input.path) lies inside it, and a build replaces the whole folder "
                        + "(it would read \(input.path), then remove it); move it out or choose another output folder")
            }
        }
    }

    /// Takes the site's lock (one build at a time per site) and removes the
    /// leftovers of killed builds. A build takes it before it starts
    /// computing, so a second build is refused at once, not after its work.
    /// - Throws: `RecSiteError.writeFailed` when another build holds it,
    ///   `.refusingToReplace` for a folder this writer did not make, or
    ///   `.interrupted` when `interruption` was already tripped.
    func lock(interruption: BuildInterruption = BuildInterruption()) throws -> WriteGuard {
        _ = try existingSite()  // a bad target fails before anything is made
        let (parentPath, name) = Self.split(target)
        try FileSystem.makeDirectories(parentPath)
        return try WriteGuard(parent: parentPath, name: name, target: target, interruption: interruption)
    }

    /// `write(_:)` under a lock the caller took with `lock()` and finishes.
    func write(_ files: [SiteFile], holding guarder: WriteGuard) throws -> SiteDiff {
        let site = try stage(holding: guarder)
        do {
            try site.put(files)
            return try site.commit()
        } catch {
            throw site.abandon(after: error)
        }
    }

    /// A staging folder to put a build's files into batch by batch, under a
    /// lock the caller took with `lock()`; `commit()` swaps it in, and
    /// `abandon(after:)` removes it.
    /// - Throws: `RecSiteError.writeFailed`, `.refusingToReplace` or `.interrupted`.
    func stage(holding guarder: WriteGuard) throws -> StagedSite {
        try StagedSite(writer: self, existing: existingSite(), guarder: guarder)
    }

    /// A comparison with the site on disk to put a build's files into batch by batch.
    /// - Throws: `RecSiteError.writeFailed` for an unreadable folder.
    func compare(ignoring prefixes: [String] = checkIgnoredPrefixes) throws -> SiteComparison {
        try SiteComparison(writer: self, ignoring: prefixes)
    }

    /// The old site's files that the new one replaces (kept ones left out),
    /// or `nil` when there is no old site.
    /// - Throws: `RecSiteError.refusingToReplace` for a folder without a
    ///   manifest, or one holding files its manifest does not list (unless `force`).
    func existingSite() throws -> [String]? {
        let name = Self.split(target).name
        guard !name.isEmpty, name != ".", name != ".." else {
            throw RecSiteError.refusingToReplace(path: target, reason: "the output must be a named folder, such as site")
        }
        switch FileSystem.kind(target) {
        case .missing: return nil
        case .directory:
            let (files, listed) = try Self.replaceable(in: target)
            guard !files.isEmpty else { return [] }
            guard files.contains(Self.manifestPath) else {
                throw RecSiteError.refusingToReplace(
                    path: target,
                    reason: "the folder holds files recsite did not write (it has no \(Self.manifestPath)); "
                        + "remove it or choose another output folder")
            }
            let foreign = files.filter { $0 != Self.manifestPath && !listed.contains($0) }
            if !foreign.isEmpty && !force {
                let shown = foreign.prefix(10).joined(separator: ", ") + (foreign.count > 10 ? ", … (\(foreign.count) in all)" : "")
                throw RecSiteError.refusingToReplace(
                    path: target,
                    reason: "it holds \(foreign.count) file\(foreign.count == 1 ? "" : "s") recsite did not write "
                        + "(not in its \(Self.manifestPath)): \(shown); move them out, or build with --force to remove them "
                        + "(\(Self.keptNames.joined(separator: ", ")) are always kept)")
            }
            return files
        case .other where FileSystem.isLink(target):
            throw RecSiteError.refusingToReplace(
                path: target, reason: "it is a symbolic link to a missing folder or to something not a folder")
        case .file, .other:
            throw RecSiteError.refusingToReplace(path: target, reason: "it exists and is not a folder")
        }
    }

    /// `/a/b/site` → (`/a/b`, `site`); `site` → (`.`, `site`); `/site` → (`/`, `site`).
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }
}
