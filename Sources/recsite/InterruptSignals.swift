import Dispatch
import Foundation
import RecSite

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The signal handling of `recsite build`: SIGINT, SIGTERM and SIGHUP trip
/// the build's `BuildInterruption`, and SIGXFSZ (a file-size limit,
/// `ulimit -f`) is ignored so the write fails with an error instead of
/// killing recsite. Only the executable handles signals and ends the
/// process; the library just stops and throws (see `BuildInterruption`).
///
/// - While the build computes, the library removes its lock at once and the
///   process ends right away with one line and exit status 128 + the signal.
/// - While it writes, the build stops between two files, removes the staging
///   folder and throws; `BuildCommand` prints the line and exits the same way.
/// - After the new site is in place, the build finishes and exits 0; the
///   line then says the site is complete.
/// - Before the build takes its lock (settings being checked), the build
///   stops as it takes the lock: the same line ("before writing"), the same
///   status. (Before `InterruptSignals` existed, such a signal ended recsite
///   without a word.)
/// - After `stop()` (the build's end) the signal does what it would by default.
final class InterruptSignals: @unchecked Sendable {
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    let interruption = BuildInterruption()
    private var sources: [DispatchSourceSignal] = []

    /// Starts routing the signals to `interruption`; `stop()` ends it.
    init() {
        signal(SIGXFSZ, SIG_IGN)
        // Progress written to a closed pipe (`recsite build 2>&1 | head`) must
        // never stop a build: the write fails and is dropped instead.
        signal(SIGPIPE, SIG_IGN)
        for number in Self.handled {
            signal(number, SIG_IGN)  // the dispatch source receives it instead
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [interruption] in
                switch interruption.interrupt(signal: number) {
                case .stopNow(let error):
                    Self.report(error)
                    _exit(128 + number)  // the build's threads may be mid-step: end without running them down
                // BuildCommand reports it when the build returns. Before the
                // lock (.notRunning) the build throws as it takes it, so the
                // lock it may be creating right now is removed too.
                case .stopsSoon, .completes, .repeated, .notRunning: break
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Restores the default signal actions.
    func stop() {
        for source in sources { source.cancel() }
        sources = []
        for number in Self.handled { signal(number, SIG_DFL) }
    }

    /// The exit status for an interruption by `number`.
    static func status(_ number: Int32) -> Int32 { 128 + number }

    /// Prints the one line for `error` (a `RecSiteError.interrupted`).
    static func report(_ error: RecSiteError) {
        guard case .interrupted(let number, let whileWriting, let target, let intact) = error else { return }
        let line = "recsite: interrupted by \(name(number)) \(whileWriting ? "while writing" : "before writing") "
            + "\(target); nothing was changed" + (intact ? " (the previous site is intact)" : "")
            + "; build again to finish\n"
        StandardError.write(line)
    }

    /// Prints the line for a signal that came after the new site was in place.
    static func reportAfterSwap(_ number: Int32, target: String) {
        StandardError.write(
            "recsite: interrupted by \(name(number)) after the new site was in place; \(target) is complete\n")
    }

    private static func name(_ number: Int32) -> String {
        number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : number == SIGHUP ? "SIGHUP" : "signal \(number)"
    }

}
