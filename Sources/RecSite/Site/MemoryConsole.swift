import Foundation

/// A `BuildConsole` that keeps every message, for tests.
public final class MemoryConsole: BuildConsole, @unchecked Sendable {
    private let lock = NSLock()
    private var storedLines: [String] = []
    private var storedProgress: [String: Int] = [:]

    public init() {}

    /// Phases as `phase: …`, notes as they are, progress as `progress: label N/total`, in order.
    public var lines: [String] { lock.withLock { storedLines } }

    public func phase(_ message: String) { lock.withLock { storedLines.append("phase: " + message) } }

    public func startProgress(_ label: String, total: Int) {
        lock.withLock {
            storedProgress = ["total": total, "done": 0]
            storedLines.append("progress: \(label) 0/\(total)")
        }
    }

    public func advanceProgress() { lock.withLock { storedProgress["done", default: 0] += 1 } }

    public func endProgress() {
        lock.withLock { storedLines.append("progress: done \(storedProgress["done", default: 0])/\(storedProgress["total", default: 0])") }
    }

    public func note(_ message: String) { lock.withLock { storedLines.append(message) } }
}
