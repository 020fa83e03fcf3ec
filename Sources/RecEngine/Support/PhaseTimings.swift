import Foundation

/// Wall time per named phase of a run, for `recsite build --timings` and the
/// benchmark. A phase measured several times (once per batch of pages)
/// accumulates; phases keep the order in which they were first measured.
/// Safe to share between threads, though phases are meant to be measured
/// from the thread that drives the run, so their sum is the run's wall time.
public final class PhaseTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var order: [String] = []
    private var seconds: [String: Double] = [:]

    public init() {}

    /// Runs `body` and adds its wall time to `phase`.
    public func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer { add(phase, ContinuousClock.now - start) }
        return try body()
    }

    /// Adds `duration` to `phase`.
    public func add(_ phase: String, _ duration: Duration) {
        let value = duration.inSeconds
        lock.withLock {
            if seconds[phase] == nil { order.append(phase) }
            seconds[phase, default: 0] += value
        }
    }

    /// Every phase with its seconds, in first-measured order.
    public var phases: [(name: String, seconds: Double)] {
        lock.withLock { order.map { ($0, seconds[$0] ?? 0) } }
    }
}

extension Optional where Wrapped == PhaseTimings {
    /// `body`, timed when there are timings to record into.
    public func measure<T>(_ phase: String, _ body: () throws -> T) rethrows -> T {
        switch self {
        case .some(let timings): return try timings.measure(phase, body)
        case .none: return try body()
        }
    }
}
