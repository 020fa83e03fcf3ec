import Foundation

/// A request to stop a site build, made from outside it (the `recsite`
/// executable trips it from its signal handlers; a server could trip it when
/// a client goes away). The library never ends the process: a tripped build
/// throws `RecSiteError.interrupted` and loses nothing.
///
/// What a trip does depends on how far the build got:
/// - **Computing** (the lock held, nothing written): the lock file is
///   removed at once and `interrupt` returns `.stopNow` with the error to
///   report, so a program may end right away; the build itself throws at its
///   next check and writes nothing.
/// - **Writing** (a staging folder exists): the writer stops between two
///   files, removes the staging folder, releases the lock and throws;
///   `interrupt` returns `.stopsSoon`.
/// - **Swapped** (the new site is in place): the build finishes as usual;
///   `interrupt` returns `.completes`.
/// - **Not running** (before the lock, after the end): `.notRunning`; a build
///   that starts with a tripped token throws at once.
///
/// One token serves one build; the first trip wins (later ones return `.repeated`).
public final class BuildInterruption: @unchecked Sendable {
    /// What the caller of `interrupt` may do.
    public enum Effect: Sendable, Equatable {
        /// Nothing of the build is on disk any more (its lock was released):
        /// report the error and end if you like; the build throws it too.
        case stopNow(RecSiteError)
        /// The build is writing: it removes its staging folder and throws
        /// `RecSiteError.interrupted` shortly.
        case stopsSoon
        /// The new site is already in place: the build returns as usual.
        case completes
        /// No build is running.
        case notRunning
        /// The token was tripped before; nothing more happens.
        case repeated
    }

    private enum Stage {
        case idle
        case computing(release: @Sendable () -> Void)
        case writing
        case swapped
        /// Interrupted while computing: the lock was released for the build.
        case released
    }

    private let mutex = NSLock()
    private var code: Int32?
    private var stage = Stage.idle
    private var target = ""

    public init() {}

    /// The number given to the first `interrupt`, if any.
    public var signal: Int32? {
        mutex.lock(); defer { mutex.unlock() }
        return code
    }

    /// Asks the build to stop; the first call wins, later ones change nothing.
    /// - Parameter number: what stopped the build (the executable passes the
    ///   signal number), carried by the thrown error.
    public func interrupt(signal number: Int32) -> Effect {
        mutex.lock(); defer { mutex.unlock() }
        guard code == nil else { return .repeated }
        code = number
        switch stage {
        case .computing(let release):
            release()
            stage = .released
            return .stopNow(error(writing: false))
        case .writing: return .stopsSoon
        case .swapped: return .completes
        case .idle, .released: return .notRunning
        }
    }

    // MARK: - For the writer

    /// The build took the lock of `target`; `release` removes it if a trip
    /// comes before any writing.
    /// - Throws: `RecSiteError.interrupted` if the token was already tripped.
    func began(target: String, release: @escaping @Sendable () -> Void) throws {
        mutex.lock(); defer { mutex.unlock() }
        self.target = target
        if code != nil { throw error(writing: false) }
        stage = .computing(release: release)
    }

    /// The writer is about to make its staging folder.
    /// - Throws: `RecSiteError.interrupted` if tripped (nothing is made then).
    func beginWriting() throws {
        mutex.lock(); defer { mutex.unlock() }
        if code != nil { throw error(writing: false) }
        stage = .writing
    }

    /// Throws when tripped; the writer calls it between files.
    /// - Throws: `RecSiteError.interrupted`.
    func check() throws {
        mutex.lock(); defer { mutex.unlock() }
        if code != nil {
            if case .writing = stage { throw error(writing: true) }
            throw error(writing: false)
        }
    }

    /// The new site is in place: a trip from now on changes nothing.
    func swapped() {
        mutex.lock(); stage = .swapped; mutex.unlock()
    }

    /// The build is over.
    /// - Returns: whether the caller still holds the lock file and must remove it.
    func ended() -> Bool {
        mutex.lock(); defer { mutex.unlock() }
        let released = if case .released = stage { true } else { false }
        stage = .idle
        return !released
    }

    /// The error for a trip; whether the old site exists is read now, as the
    /// staging folder is gone or was never made.
    private func error(writing: Bool) -> RecSiteError {
        .interrupted(signal: code ?? 0, whileWriting: writing, target: target,
                     previousSiteIntact: FileSystem.kind(target) == .directory)
    }
}
