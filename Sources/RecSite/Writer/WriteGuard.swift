import Dispatch
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
/// - **Signals.** From the lock on (the build watches them while it
///   computes too: it then just says so and exits). While the files are written, SIGINT, SIGTERM and SIGHUP
///   stop the write between two files; the staging folder is removed, a
///   one-line message says what happened, and the process exits with
///   128 + the signal number. SIGXFSZ (a file-size limit, `ulimit -f`) is
///   ignored so the write fails with an error instead of killing recsite.
final class WriteGuard: @unchecked Sendable {
    private let lockDescriptor: Int32
    private let lockPath: String
    private let target: String
    private let mutex = NSLock()
    private var signalNumber: Int32 = 0
    private var settled = false
    private var swapped = false
    private var stagingPath: String?
    private let settledSignal = DispatchSemaphore(value: 0)
    private var sources: [DispatchSourceSignal] = []
    private static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Takes the lock of `parent/name`, cleans up after killed builds.
    /// - Throws: `RecSiteError.writeFailed` when another build holds the lock.
    init(parent: String, name: String, target: String) throws {
        self.target = target
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

    /// Routes the interrupting signals to this guard until `finish`; call
    /// it before the staging folder is made, so no signal can leave one.
    func watchSignals() {
        guard sources.isEmpty else { return }  // the build may start watching before the writer does
        signal(SIGXFSZ, SIG_IGN)
        for number in Self.handled {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in interrupted(by: number) }
            source.resume()
            sources.append(source)
        }
    }

    /// The signal that interrupted the write, if any; the writer checks it between files.
    var interruption: Int32 {
        mutex.lock(); defer { mutex.unlock() }
        return signalNumber
    }

    /// Throws when a signal asked the write to stop.
    func checkInterrupted() throws {
        if interruption != 0 { throw Interrupted() }
    }

    struct Interrupted: Error {}

    /// The staging folder a signal must remove.
    func setStaging(_ path: String) {
        mutex.lock(); stagingPath = path; mutex.unlock()
    }

    /// The new site is in place: a signal from now on changes nothing.
    func markSwapped() {
        mutex.lock(); swapped = true; mutex.unlock()
    }

    /// Called by the writer when it has cleaned up (or finished): releases
    /// a waiting signal handler, restores the default signal actions.
    func finish() {
        mutex.lock()
        settled = true
        let wasInterrupted = signalNumber != 0
        mutex.unlock()
        if wasInterrupted {
            settledSignal.signal()
            // The handler prints and exits; never return into the build.
            while true { pause() }
        }
        for source in sources { source.cancel() }
        sources = []
        for number in Self.handled { signal(number, SIG_DFL) }
        unlink(lockPath)  // while still held, so no one can be left locking a removed file
        close(lockDescriptor)
    }

    private func interrupted(by number: Int32) {
        mutex.lock()
        let first = signalNumber == 0
        if first { signalNumber = number }
        let alreadySettled = settled
        let writing = stagingPath != nil
        mutex.unlock()
        let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "SIGHUP"
        guard first else { return }
        if !alreadySettled && writing {
            // Give the writer time to stop between two files and remove staging.
            _ = settledSignal.wait(timeout: .now() + 10)
        }
        mutex.lock(); let done = swapped, staging = stagingPath; mutex.unlock()
        let message: String
        if done {
            message = "recsite: interrupted by \(name) after the new site was in place; \(target) is complete\n"
        } else {
            if let staging { try? FileSystem.removeTree(staging) }
            let exists = FileSystem.kind(target) == .directory
            message = "recsite: interrupted by \(name) \(writing ? "while writing" : "before writing") \(target); nothing was changed"
                + (exists ? " (the previous site is intact)" : "") + "; build again to finish\n"
        }
        _ = message.withCString { write(2, $0, strlen($0)) }
        unlink(lockPath)
        _exit(128 + number)
    }
}
