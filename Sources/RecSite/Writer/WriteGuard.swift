import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What keeps a site write from losing anything when it is interrupted,
/// runs out of space, or races another build.
///
/// - **Lock.** `<parent>/.<name>.lock`, held with `flock` while a build
///   writes; the system drops it when the process dies, so a killed build
///   never blocks the next one. The holder removes the file before it lets
///   go; a build that locked a file removed meanwhile notices (the path names
///   another file) and locks again. The lock is always a file the build
///   creates (`O_EXCL`, links never followed): a lock file a killed build
///   left (a process ID, nothing else) is removed and made again, and any
///   other file at that path (a link, a folder, a file with other content or
///   other names) is refused and left as it is.
/// - **Leftovers.** With the lock held, staging folders of earlier builds
///   that were killed (`.<name>.staging-*`) are removed, and an old site
///   moved aside (`.<name>.old-*`) by a build killed mid-swap is put back
///   when the site folder is missing.
/// - **Interruption.** From the lock on, the build's `BuildInterruption` may
///   be tripped: while it computes, the lock file is removed at once and the
///   build throws before writing; while it writes, the writer stops between
///   two files, removes the staging folder and throws
///   `RecSiteError.interrupted`. Signals, messages and exit codes are the
///   executable's business (Sources/recsite), never the library's.
final class WriteGuard: Sendable {
    private let lockDescriptor: Int32
    private let lockPath: String
    let interruption: BuildInterruption

    /// Takes the lock of `parent/name`, cleans up after killed builds.
    /// - Throws: `RecSiteError.writeFailed` when another build holds the lock,
    ///   `.refusingToReplace` when a file recsite did not write is at its path.
    init(parent: String, name: String, target: String, interruption: BuildInterruption) throws {
        self.interruption = interruption
        lockPath = parent + "/." + name + ".lock"
        var acquired: Int32 = -1
        for _ in 0..<20 where acquired < 0 {
            // Only a file this build creates gets its process ID; an existing
            // one is never emptied or written (it may be a link, or a file
            // someone else owns), and links at the path are never followed.
            var created = true
            var descriptor = open(lockPath, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
            if descriptor < 0, errno == EEXIST {
                created = false
                descriptor = open(lockPath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
                if descriptor < 0, errno == ENOENT { continue }  // removed meanwhile: create it again
            }
            guard descriptor >= 0 else {
                if errno == ELOOP { throw Self.foreign(lockPath, "it is a symbolic link") }
                throw RecSiteError.writeFailed(path: lockPath, reason: "cannot create the lock file: \(FileSystem.reason())")
            }
            if !created, let problem = Self.notALock(descriptor) {
                close(descriptor)
                throw Self.foreign(lockPath, problem)
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let holder = Self.contents(descriptor)
                close(descriptor)
                let pid = holder.trimmingCharacters(in: .whitespacesAndNewlines)
                throw RecSiteError.writeFailed(
                    path: target,
                    reason: "another recsite build\(pid.isEmpty ? "" : " (process \(pid))") is writing this site; "
                        + "wait for it to finish, then build again")
            }
            // The holder before us may have removed the file after we opened
            // it: then our lock is on a file nobody else sees; take it again.
            var opened = stat(), named = stat()
            let current = fstat(descriptor, &opened) == 0 && lstat(lockPath, &named) == 0
                && opened.st_ino == named.st_ino && opened.st_dev == named.st_dev
            if current && created {
                acquired = descriptor
                continue
            }
            // A lock file left by a killed build (its holder is gone, as we
            // hold its lock now): remove it and make our own.
            if current { unlink(lockPath) }
            close(descriptor)
        }
        guard acquired >= 0 else {
            throw RecSiteError.writeFailed(path: lockPath, reason: "cannot take the lock: the file keeps changing")
        }
        lockDescriptor = acquired
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(acquired, $0, strlen($0)) }
        Self.cleanLeftovers(parent: parent, name: name, target: target)
        let lockPath = lockPath
        do {
            try interruption.began(target: target) { unlink(lockPath) }
        } catch {
            unlink(lockPath)
            close(acquired)
            throw error
        }
    }

    /// Why the open file is not a lock file recsite wrote (a process ID line,
    /// or empty when a build was killed before writing it), or `nil` when it is one.
    private static func notALock(_ descriptor: Int32) -> String? {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return "cannot read it: \(FileSystem.reason())" }
        guard info.st_mode & S_IFMT == S_IFREG else { return "it is not a regular file" }
        guard info.st_nlink == 1 else { return "it has other names (hard links)" }
        guard info.st_size <= 32 else { return "it holds more than a process ID" }
        let text = contents(descriptor)
        let isPID = text.isEmpty
            || (text.hasSuffix("\n") && text.dropLast().count <= 20 && text.dropLast().allSatisfy { ("0"..."9").contains($0) })
        return isPID ? nil : "it holds something other than a process ID"
    }

    /// The first bytes of the open lock file, as text.
    private static func contents(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    /// The error for a file at the lock's path that recsite did not write.
    private static func foreign(_ lockPath: String, _ problem: String) -> RecSiteError {
        .refusingToReplace(
            path: lockPath,
            reason: "\(problem); recsite takes its lock only in a file it creates there. "
                + "Remove it (it is not recsite's) or choose another output folder")
    }

    /// Puts back a site a killed build had moved aside; removes the staging
    /// and old folders of killed builds, and only those: a folder beside the
    /// site is removed only when it is recsite's by proof (a staging folder
    /// holding its marker; an old site whose files its manifest lists, or an
    /// empty one), never because its name looks like one.
    static func cleanLeftovers(parent: String, name: String, target: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        func made(_ prefix: String) -> [String] {
            entries.filter { entry in
                guard entry.hasPrefix(prefix) else { return false }
                let suffix = entry.utf8.dropFirst(prefix.utf8.count)
                return suffix.count == 6 && suffix.allSatisfy { byte in
                    (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                        || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                } && FileSystem.kind(parent + "/" + entry) == .directory
            }.sorted()
        }
        var olds = made(".\(name).old-").filter { isOldSite(parent + "/" + $0) }[...]
        if FileSystem.kind(target) == .missing, let old = olds.first {
            if (try? FileSystem.rename(parent + "/" + old, target)) != nil { olds = olds.dropFirst() }
        }
        for old in olds where StagedSite.carryKept(from: parent + "/" + old, to: target) {
            try? FileSystem.removeTree(parent + "/" + old)
        }
        for staging in made(".\(name).staging-") {
            let path = parent + "/" + staging
            // The marker goes just before the swap: a build killed then left a whole site.
            let marker = FileSystem.read(path + "/" + StagedSite.markerName)
            if marker == StagedSite.marker(for: path) || isOldSite(path) || isBeingMarked(path, marker: marker) {
                try? FileSystem.removeTree(path)
            }
        }
    }

    /// Whether `staging` is one a build was killed in while writing its
    /// marker: it holds the marker file alone, with the start of its bytes
    /// (`marker`, as read).
    private static func isBeingMarked(_ staging: String, marker: [UInt8]?) -> Bool {
        guard let marker, (try? FileManager.default.contentsOfDirectory(atPath: staging)) == [StagedSite.markerName]
        else { return false }
        return StagedSite.marker(for: staging).starts(with: marker)
    }

    /// Whether `folder` is a site a build moved aside (or finished staging):
    /// empty (made, not yet filled), or holding only its manifest's files and kept names.
    private static func isOldSite(_ folder: String) -> Bool {
        guard let (files, listed) = try? SiteWriter.replaceable(in: folder) else { return false }
        return files.allSatisfy { $0 == SiteWriter.manifestPath || listed.contains($0) }
    }

    /// Called by the writer when it has cleaned up (or finished): removes
    /// the lock file (unless an interruption already did) and lets go of the lock.
    func finish() {
        if interruption.ended() {
            unlink(lockPath)  // while still held, so no one can be left locking a removed file
        }
        close(lockDescriptor)
    }
}
