import Foundation
import RecEngine

/// `results.json`: what a results folder is and what it was computed from.
/// A build refuses a folder whose manifest differs from its own settings
/// and data in any field, naming the field.
public struct ResultsManifest: Codable, Equatable, Sendable {
    public struct Weight: Codable, Equatable, Sendable {
        public var type: String
        public var weight: Double
    }

    public var format: String
    public var version: Int
    /// `ResultsKey` as 16 hex digits.
    public var key: String
    /// How the job added its floating-point sums: `canonical` (recsite's
    /// order and bits) or `fast` (Spark's order).
    public var sums: String
    public var k: Int
    /// Event types and weights, by type name in UTF-8 byte order.
    public var weights: [Weight]
    /// Neighbours per line of `neighbours.jsonl`.
    public var neighbours: Int
    /// Kept users and items: one line each in the two files.
    public var users: Int
    public var items: Int

    /// The manifest of canonical results for these settings and counts:
    /// what recsite writes, and what a build expects to read.
    public init(key: Fingerprint, config: EngineConfig, users: Int, items: Int) {
        format = ResultsFolder.format
        version = ResultsFolder.version
        self.key = key.hex
        sums = ResultsFolder.canonicalSums
        k = config.k
        weights = Self.weights(config.weights)
        neighbours = ResultsFolder.neighbourCount
        self.users = users
        self.items = items
    }

    static func weights(_ table: EventWeights) -> [Weight] {
        zip(table.types, table.weights).map { Weight(type: $0, weight: $1) }
            .sorted { $0.type.utf8.lexicographicallyPrecedes($1.type.utf8) }
    }

    /// One line of JSON, members in declaration order (as the Spark job writes it).
    var json: JSONValue {
        .object([
            ("format", .string(format)), ("version", .integer(version)), ("key", .string(key)),
            ("sums", .string(sums)), ("k", .integer(k)),
            ("weights", .array(weights.map { .object([("type", .string($0.type)), ("weight", .number($0.weight))]) })),
            ("neighbours", .integer(neighbours)), ("users", .integer(users)), ("items", .integer(items)),
        ])
    }

    /// Reads `results.json` in `directory`.
    /// - Throws: `RecSiteError.invalidResults` naming the file.
    static func read(directory: String) throws -> ResultsManifest {
        let path = OutputFile.join(directory, ResultsFolder.manifest)
        let bytes: [UInt8]
        do { bytes = try FileBytes.input(path) } catch {
            throw RecSiteError.invalidResults(path: path, reason: "no results manifest (\(error))")
        }
        do {
            return try JSONDecoder().decode(ResultsManifest.self, from: Data(bytes))
        } catch {
            throw RecSiteError.invalidResults(path: path, reason: "not a results manifest recsite can read")
        }
    }

    /// Refuses a manifest that does not describe `expected`, the manifest
    /// this build would write, saying which field differs and how.
    /// - Throws: `RecSiteError.invalidResults` naming `path`.
    func check(against expected: ResultsManifest, path: String) throws {
        func refuse(_ reason: String) -> RecSiteError { .invalidResults(path: path, reason: reason) }
        guard format == expected.format else { throw refuse("format is '\(format)', not '\(expected.format)'") }
        guard version == expected.version else {
            throw refuse("results format version \(version); this recsite reads version \(expected.version)")
        }
        guard sums == expected.sums else {
            throw refuse("computed with --sums \(sums): its similarities and scores may differ from recsite's in the "
                + "last bits, and so may the pages; run the job with --sums canonical")
        }
        guard k == expected.k else { throw refuse("computed with k = \(k); this build has k = \(expected.k)") }
        guard weights == expected.weights else {
            let text = { (table: [Weight]) in table.map { "\($0.type)=\(NumberFormat.exact($0.weight))" }.joined(separator: ", ") }
            throw refuse("computed with the weights \(text(weights)); this build has \(text(expected.weights))")
        }
        guard neighbours == expected.neighbours else {
            throw refuse("holds \(neighbours) neighbours per item; item pages show \(expected.neighbours)")
        }
        guard users == expected.users, items == expected.items else {
            throw refuse("computed from \(users) users and \(items) items; this build's data keeps "
                + "\(expected.users) users and \(expected.items) items")
        }
        guard key == expected.key else {
            throw refuse("computed from other data: its key \(key) is not this build's \(expected.key) "
                + "(a fingerprint of the kept users, items and every r(u,i))")
        }
    }
}
