#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many files `recsite build` may have open. Below a floor the build
/// cannot work (its lock, staging folder, signal sources, inputs and a file
/// per worker): with `ulimit -n 4` libdispatch crashed with an illegal
/// instruction, with 6 a raw system message named one file. The build
/// checks first and stops with one clear line instead (issue 17, class 12).
enum FileDescriptorLimit {
    /// Builds of the sample needed 14 with two workers; 32 leaves room.
    static let required: rlim_t = 32

    /// The soft limit, raised towards the hard limit when below `required`.
    /// - Returns: nil when at least `required` files may be open, else the limit.
    static func shortfall() -> rlim_t? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        if limit.rlim_cur >= required { return nil }
        if limit.rlim_max >= required {  // RLIM_INFINITY is the largest value
            limit.rlim_cur = required
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 { return nil }
        }
        return limit.rlim_cur
    }

    static func message(_ limit: rlim_t) -> String {
        "Error: only \(limit) files may be open at once (ulimit -n \(limit)); recsite build needs "
            + "at least \(required): raise the limit (ulimit -n \(required)) and build again; nothing was changed\n"
    }
}
