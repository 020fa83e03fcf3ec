import Foundation
import RecEngine

/// What a shard's folder says about itself (`SiteShard.markerPath`), for
/// `recsite merge`: which shard of how many, a key of the build (the same
/// for every shard of one build), and the links in data files (the search
/// indexes) that the merge must check with the pages' links.
public struct ShardMarker: Sendable, Equatable {
    public let shard: SiteShard
    /// Sixteen hex digits: `buildKey`.
    public let build: String
    public let dataLinks: [(file: String, target: String)]

    public init(shard: SiteShard, build: String, dataLinks: [(file: String, target: String)]) {
        (self.shard, self.build, self.dataLinks) = (shard, build, dataLinks)
    }

    public static func == (a: ShardMarker, b: ShardMarker) -> Bool {
        a.shard == b.shard && a.build == b.build
            && a.dataLinks.map { [$0.file, $0.target] } == b.dataLinks.map { [$0.file, $0.target] }
    }

    /// The fingerprint of what every shard of one build shares: the build's
    /// summary (the inputs' fingerprints, the settings, what was computed),
    /// the file kinds, whether an evaluation is published, and the shard count.
    static func buildKey(_ state: BuildState) -> String {
        Fingerprint.of([
            state.changes!.summaryJSON, String(state.options.formats.rawValue),
            String(state.options.hasEvaluation), String(state.options.shard?.count ?? 1),
        ]).hex
    }

    /// The marker as the file a shard writes.
    var file: SiteFile {
        let json = JSONValue.object([
            ("shard", .integer(shard.index)), ("of", .integer(shard.count)), ("build", .string(build)),
            ("data_links", .array(dataLinks.map { .array([.string($0.file), .string($0.target)]) })),
        ])
        return SiteFile(path: SiteShard.markerPath, bytes: SiteData.json(json))
    }

    /// Reads a marker written by a shard build.
    /// - Throws: `RecSiteError.invalidConfig` naming the file when it is not one.
    public static func read(path: String) throws -> ShardMarker {
        struct Stored: Decodable {
            let shard: Int, of: Int, build: String
            let data_links: [[String]]
        }
        let bytes: Data
        do { bytes = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw RecSiteError.invalidConfig(
                path: path, reason: "no shard marker: this folder is not the output of recsite build --shard I/N")
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: bytes),
              let shard = SiteShard(index: stored.shard, count: stored.of), Fingerprint(hex: stored.build) != nil,
              stored.data_links.allSatisfy({ $0.count == 2 }) else {
            throw RecSiteError.invalidConfig(path: path, reason: "not a shard marker recsite wrote")
        }
        return ShardMarker(shard: shard, build: stored.build,
                           dataLinks: stored.data_links.map { (file: $0[0], target: $0[1]) })
    }
}
