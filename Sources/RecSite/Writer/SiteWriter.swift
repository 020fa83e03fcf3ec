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
/// list of its files (without `assets/vendor/`). The writer refuses to replace a non-empty folder
/// without one, so `--out ~/Documents` cannot wipe a folder by mistake.
///
/// **Deterministic.** Output is exactly the given bytes; the manifest is
/// sorted; no clock time or machine path is written.
public struct SiteWriter: Sendable {
    /// The manifest every site holds (site-relative).
    public static let manifestPath = ".recsite-manifest"
    /// Folders `diff` ignores by default: copied from system packages at
    /// build time and git-ignored, so they may be absent from a checkout.
    public static let checkIgnoredPrefixes = ["assets/vendor/"]

    /// The site folder, e.g. `site`.
    public let target: String
    public let workers: Int

    /// - Parameters:
    ///   - target: the site folder (created with its parents if missing).
    ///   - workers: threads comparing and writing files.
    public init(target: String, workers: Int = ProcessInfoCores.count) {
        var target = target
        while target.count > 1 && target.hasSuffix("/") { target.removeLast() }
        self.target = target
        self.workers = workers
    }

    /// How writing `files` would change the site on disk, ignoring files
    /// under `ignoring` on both sides. Writes nothing.
    /// - Throws: `RecSiteError.writeFailed` for invalid paths or an unreadable folder.
    /// - Complexity: O(total bytes of `files`) reads, on `workers` threads.
    public func diff(_ files: [SiteFile], ignoring prefixes: [String] = checkIgnoredPrefixes) throws -> SiteDiff {
        let ignored = { (path: String) in prefixes.contains { path.hasPrefix($0) } }
        let files = try Self.complete(files).filter { !ignored($0.path) }
        let existing = FileSystem.kind(target) == .directory
            ? try FileSystem.listFiles(under: target).filter { !ignored($0) } : []
        let existingSet = Set(existing)
        let statuses = parallelMap(count: files.count, workers: workers, makeScratch: {}) { index, _ -> Status in
            let file = files[index]
            guard existingSet.contains(file.path) else { return .added }
            return FileSystem.hasContents(target + "/" + file.path, file.bytes) ? .unchanged : .changed
        }
        return Self.summarise(files: files, statuses: statuses, existing: existing)
    }

    /// Replaces the site with exactly `files` (plus the manifest).
    /// - Returns: what changed: files written (added, changed), unchanged, removed.
    /// - Throws: `RecSiteError.writeFailed` naming the path that failed, or
    ///   `RecSiteError.refusingToReplace` for a folder this writer did not make.
    ///   The old site is then untouched and no staging folder remains.
    /// - Complexity: O(total bytes of `files`) reads and writes.
    public func write(_ files: [SiteFile]) throws -> SiteDiff {
        let files = try Self.complete(files)  // bad paths fail before anything is made
        let guarder = try lock()
        defer { guarder.finish() }
        return try write(completed: files, holding: guarder)
    }

    /// Takes the site's lock (one build at a time per site) and removes the
    /// leftovers of killed builds. A build takes it before it starts
    /// computing, so a second build is refused at once, not after its work.
    /// - Throws: `RecSiteError.writeFailed` when another build holds it, or
    ///   `.refusingToReplace` for a folder this writer did not make.
    func lock() throws -> WriteGuard {
        _ = try existingSite()  // a bad target fails before anything is made
        let (parentPath, name) = Self.split(target)
        try FileSystem.makeDirectories(parentPath)
        return try WriteGuard(parent: parentPath, name: name, target: target)
    }

    /// `write(_:)` under a lock the caller took with `lock()` and finishes.
    func write(_ files: [SiteFile], holding guarder: WriteGuard) throws -> SiteDiff {
        try write(completed: Self.complete(files), holding: guarder)
    }

    private func write(completed files: [SiteFile], holding guarder: WriteGuard) throws -> SiteDiff {
        let (parentPath, name) = Self.split(target)
        guarder.watchSignals()
        let existing = try existingSite()
        let staging = try FileSystem.makeTemporaryDirectory(in: parentPath, prefix: ".\(name).staging-")
        guarder.setStaging(staging)
        do {
            let statuses = try fill(staging: staging, with: files, existing: Set(existing ?? []), guarder: guarder)
            try guarder.checkInterrupted()
            try swap(in: staging, parent: parentPath, name: name, replacing: existing != nil)
            guarder.markSwapped()
            return Self.summarise(files: files, statuses: statuses, existing: existing ?? [])
        } catch {
            try? FileSystem.removeTree(staging)
            // Name the file as it would have been in the site, and say that nothing was lost.
            if case RecSiteError.writeFailed(let path, let reason) = error {
                let shown = path.hasPrefix(staging + "/") ? target + path.dropFirst(staging.count) : path
                throw RecSiteError.writeFailed(
                    path: shown,
                    reason: reason + (existing != nil ? "; nothing was changed, the previous site is intact" : "; nothing was written"))
            }
            throw error
        }
    }

    /// `files` checked (relative paths, no `.`/`..`, no duplicates, no file
    /// that is also a folder) and completed with the manifest.
    /// - Throws: `RecSiteError.writeFailed` naming the bad path.
    public static func complete(_ files: [SiteFile]) throws -> [SiteFile] {
        var seen = Set<String>()
        var folders = Set<String>()
        for file in files {
            let parts = file.path.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                  !file.path.contains("\0"), file.path != manifestPath else {
                throw RecSiteError.writeFailed(path: file.path, reason: "not a valid site-relative file path")
            }
            guard seen.insert(file.path).inserted else {
                throw RecSiteError.writeFailed(path: file.path, reason: "two files of the build have this path")
            }
            for end in parts.indices.dropLast() { folders.insert(parts[...end].joined(separator: "/")) }
        }
        if let clash = seen.intersection(folders).sorted().first {
            throw RecSiteError.writeFailed(path: clash, reason: "the build makes this path both a file and a folder")
        }
        // Copied system files (assets/vendor/) are left out, so the manifest
        // does not depend on what the machine's packages hold.
        let listing = seen.filter { path in !checkIgnoredPrefixes.contains { path.hasPrefix($0) } }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let manifest = "# Files of this site, written by `recsite build`; it replaces only folders holding this file.\n"
            + listing.map { $0 + "\n" }.joined()
        return files + [SiteFile(path: manifestPath, text: manifest)]
    }

    // MARK: - Steps of `write`

    private enum Status { case added, changed, unchanged }

    /// The old site's files, or `nil` when there is no old site.
    private func existingSite() throws -> [String]? {
        let name = Self.split(target).name
        guard !name.isEmpty, name != ".", name != ".." else {
            throw RecSiteError.refusingToReplace(path: target, reason: "the output must be a named folder, such as site")
        }
        switch FileSystem.kind(target) {
        case .missing: return nil
        case .directory:
            let files = try FileSystem.listFiles(under: target)
            if !files.isEmpty && !files.contains(Self.manifestPath) {
                throw RecSiteError.refusingToReplace(
                    path: target,
                    reason: "the folder holds files recsite did not write (it has no \(Self.manifestPath)); "
                        + "remove it or choose another output folder")
            }
            return files
        case .file, .other:
            throw RecSiteError.refusingToReplace(path: target, reason: "it exists and is not a folder")
        }
    }

    /// Writes every file into `staging`: unchanged ones linked from the old site.
    private func fill(staging: String, with files: [SiteFile], existing: Set<String>, guarder: WriteGuard) throws -> [Status] {
        var folders = Set<String>()
        for file in files {
            let parts = file.path.split(separator: "/")
            for count in parts.indices.dropFirst() { folders.insert(parts[..<count].joined(separator: "/")) }
        }
        // Parents sort before their children.
        for folder in folders.sorted() { try FileSystem.makeDirectory(staging + "/" + folder) }
        let results = parallelMap(count: files.count, workers: workers, makeScratch: {}) { index, _ in
            Result { () throws -> Status in
                try guarder.checkInterrupted()
                let file = files[index]
                let new = staging + "/" + file.path
                let old = target + "/" + file.path
                if existing.contains(file.path) {
                    if FileSystem.hasContents(old, file.bytes) {
                        try FileSystem.linkOrCopy(existing: old, new: new, bytes: file.bytes)
                        return .unchanged
                    }
                    try FileSystem.create(new, file.bytes)
                    return .changed
                }
                try FileSystem.create(new, file.bytes)
                return .added
            }
        }
        return try results.map { try $0.get() }
    }

    /// Renames `staging` to the target, moving an old site aside first and
    /// deleting it afterwards; puts the old site back if the second rename fails.
    private func swap(in staging: String, parent: String, name: String, replacing: Bool) throws {
        guard replacing else {
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
        try? FileSystem.removeTree(backup)
    }

    /// `/a/b/site` → (`/a/b`, `site`); `site` → (`.`, `site`); `/site` → (`/`, `site`).
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    private static func summarise(files: [SiteFile], statuses: [Status], existing: [String]) -> SiteDiff {
        var diff = SiteDiff()
        for (file, status) in zip(files, statuses) {
            switch status {
            case .added: diff.added.append(file.path)
            case .changed: diff.changed.append(file.path)
            case .unchanged: diff.unchanged += 1
            }
        }
        let made = Set(files.map(\.path))
        diff.removed = existing.filter { !made.contains($0) }
        let order = { (a: String, b: String) in a.utf8.lexicographicallyPrecedes(b.utf8) }
        diff.added.sort(by: order)
        diff.changed.sort(by: order)
        diff.removed.sort(by: order)
        return diff
    }
}
