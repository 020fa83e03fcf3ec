import Dispatch

/// Runs `body` for every index in `0..<count` on all cores and returns the
/// results in index order, so output never depends on scheduling.
///
/// - Parameters:
///   - count: how many results to compute.
///   - workers: how many chunks may run at once (1 runs serially).
///   - body: computes one result; it receives a per-chunk scratch value made
///     by `makeScratch`, so hot loops can reuse buffers without locks.
/// - Complexity: O(count) calls of `body`.
public func parallelMap<Scratch, Result>(
    count: Int,
    workers: Int = ProcessInfoCores.count,
    makeScratch: () -> Scratch,
    _ body: (Int, inout Scratch) -> Result
) -> [Result] {
    if count == 0 { return [] }
    let chunkCount = max(1, min(count, workers <= 1 ? 1 : workers * 8))
    if chunkCount == 1 {
        var scratch = makeScratch()
        return (0..<count).map { body($0, &scratch) }
    }
    let slots = UnsafeMutableBufferPointer<Result?>.allocate(capacity: count)
    slots.initialize(repeating: nil)
    defer { slots.deinitialize(); slots.deallocate() }
    let box = UncheckedBox(slots)
    withoutActuallyEscaping(makeScratch) { makeScratch in
        withoutActuallyEscaping(body) { body in
            // One box per closure: a tuple of the two non-escaping closures in
            // one box is miscompiled by Swift 6.3 (debug builds call `body`
            // for `makeScratch`; release builds crash the compiler).
            let make = UncheckedBox(makeScratch)
            let run = UncheckedBox(body)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
                var scratch = make.value()
                let lower = count * chunk / chunkCount
                let upper = count * (chunk + 1) / chunkCount
                for index in lower..<upper {
                    box.value[index] = run.value(index, &scratch)
                }
            }
        }
    }
    return slots.map { $0! }
}

/// The number of cores to use by default.
public enum ProcessInfoCores {
    public static var count: Int {
        let env = ProcessInfoEnvironment.value("RECSITE_WORKERS").flatMap { Int($0) }
        return max(1, env ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

enum ProcessInfoEnvironment {
    static func value(_ name: String) -> String? {
        guard let raw = getenv(name) else { return nil }
        return String(cString: raw)
    }
}

/// Carries a non-Sendable value into concurrent code whose access pattern
/// (disjoint indices, read-only closures) is safe by construction.
struct UncheckedBox<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
