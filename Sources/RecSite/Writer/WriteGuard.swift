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
///   another file) and locks again.
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
    /// - Throws: `RecSiteError.writeFailed` when another build holds the lock.
    init(parent: String, name: String, target: String, interruption: BuildInterruption) throws {
        self.interruption = interruption
        lockPath = parent + "/." + name + ".lock"
        var acquired: Int32 = -1
        for _ in 0..<20 where acquired < 0 {
            let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                throw RecSiteError.writeFailed(path: lockPath, reason: "cannot create the lock file: \(FileSystem.reason())")
            }
            guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
                let holder = FileSystem.read(lockPath).map { String(decoding: $0, as: UTF8.self) } ?? ""
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
            if fstat(descriptor, &opened) == 0, stat(lockPath, &named) == 0,
               opened.st_ino == named.st_ino, opened.st_dev == named.st_dev {
                acquired = descriptor
            } else {
                close(descriptor)
            }
        }
        guard acquired >= 0 else {
            throw RecSiteError.writeFailed(path: lockPath, reason: "cannot take the lock: the file keeps changing")
        }
        lockDescriptor = acquired
        _ = ftruncate(acquired, 0)
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

    /// Puts back a site a killed build had moved aside; removes staging folders.
    static func cleanLeftovers(parent: String, name: String, target: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        let olds = entries.filter { $0.hasPrefix(".\(name).old-") }.sorted()
        var remaining = olds[...]
        if FileSystem.kind(target) == .missing, let old = remaining.first {
            if (try? FileSystem.rename(parent + "/" + old, target)) != nil { remaining = remaining.dropFirst() }
        }
        for leftover in remaining + entries.filter({ $0.hasPrefix(".\(name).staging-") }) {
            try? FileSystem.removeTree(parent + "/" + leftover)
        }
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
