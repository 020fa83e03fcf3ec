import Foundation

/// The model requests read, behind a lock that is held only to copy or swap
/// the reference: a reload builds the new model off the request path (on its
/// own thread) and swaps it in when ready, so the old model answers until
/// then. Reloads run one at a time; a failed one keeps the old model.
public final class ModelStore: @unchecked Sendable {
    private let lock = NSLock()
    private var served: ServedModel
    private var reloading = false
    private var reloadAgain = false
    /// The data files as the last load (good or failed) saw them: a failed
    /// reload is not retried until a file changes again.
    private var seen: InputFiles
    private let options: ServerOptions
    private let log: ServerLog

    public init(_ model: ServedModel, options: ServerOptions, log: ServerLog) {
        served = model
        seen = model.inputs
        self.options = options
        self.log = log
    }

    /// The model to answer a request with.
    public var current: ServedModel {
        lock.lock()
        defer { lock.unlock() }
        return served
    }

    public enum ReloadOutcome: Sendable, Equatable { case reloaded, failed(String) }

    /// Re-reads the data. A request for a reload while one runs makes one
    /// more run after it (so the last change is always picked up), and
    /// returns without waiting.
    /// - Parameter reason: why, for the log (`SIGHUP`, `events.csv changed`).
    @discardableResult
    public func reload(reason: String) async -> ReloadOutcome? {
        let first: Bool = lock.withLock {
            if reloading {
                reloadAgain = true
                return false
            }
            reloading = true
            return true
        }
        guard first else { return nil }
        while true {
            let outcome = await reloadOnce(reason: reason)
            let again: Bool = lock.withLock {
                let again = reloadAgain
                reloadAgain = false
                if !again { reloading = false }
                return again
            }
            if !again { return outcome }
        }
    }

    private func reloadOnce(reason: String) async -> ReloadOutcome {
        log.line("recsite-serve: reloading \(options.dataDirectory)/ (\(reason))")
        let options = options
        lock.withLock { seen = InputFiles(options) }
        // Loading is seconds of CPU on a large set: a thread of its own, not
        // one of the event loops or the cooperative pool's few threads.
        let result: Result<ServedModel, any Error> = await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(returning: Result { try ServedModel.load(options) })
            }
        }
        switch result {
        case .success(let model):
            lock.withLock { served = model }
            log.line("recsite-serve: reloaded: \(model.loadSummary)")
            return .reloaded
        case .failure(let error):
            log.line("recsite-serve: reload failed, still serving the previous data: \(error)")
            return .failed("\(error)")
        }
    }

    /// Whether the data files differ from those the last load read.
    var inputsChanged: Bool {
        let now = InputFiles(options)
        lock.lock()
        defer { lock.unlock() }
        return now != seen
    }
}
