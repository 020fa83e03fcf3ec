import Foundation
import RecEngine
import RecSite

/// The `--timings FILE` document of `build` and `recommend --all`, read by
/// `make bench`: `{"phases": [{"name", "seconds"}], "total_seconds", …counts}`.
enum TimingsFile {
    static func write(_ phases: PhaseTimings, total: Duration, counts: [(String, Int)], to path: String) throws {
        let document = JSONValue.object([
            ("phases", .array(phases.phases.map { .object([("name", .string($0.name)), ("seconds", .number($0.seconds))]) })),
            ("total_seconds", .number(total.inSeconds)),
        ] + counts.map { ($0.0, JSONValue.integer($0.1)) })
        do {
            try Data((document.serialized(pretty: true) + "\n").utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            throw RecSiteError.writeFailed(path: path, reason: error.localizedDescription)
        }
    }
}
