import Foundation
import RecEngine

/// The JSON form of an `EvaluationResult`: what `recsite evaluate --json`
/// prints, and the cached result file a site build can read back.
///
/// ```json
/// {"format": "recsite-evaluation/1",
///  "protocol": {"split": "stratified", "ratio": 0.75, "seed": 42, "k": 10},
///  "weights": [{"type": "play", "weight": 1.0}, …],
///  "counts": {"users", "items", "events", "train_events", "test_events",
///             "train_pairs", "test_pairs", "evaluated_users"},
///  "results": [{"id", "name", "kind", "precision", "recall", "ndcg", "map",
///               "map_over_test", "hit_rate", "coverage", "gini", "novelty_rank",
///               "self_information", "diversity", "popular_fill"}, …]}
/// ```
/// Keys come in this order and numbers carry full precision, so the same
/// run gives the same bytes.
public enum EvaluationDocument {
    public static let format = "recsite-evaluation/1"

    public static func make(_ result: EvaluationResult) -> JSONValue {
        let o = result.options, c = result.counts
        return .object([
            ("format", .string(format)),
            ("protocol", .object([
                ("split", .string(o.split.rawValue)), ("ratio", .number(o.ratio)),
                ("seed", .integer(Int(o.seed))), ("k", .integer(o.k)),
            ])),
            ("weights", .array(zip(result.weights.types, result.weights.weights).map { type, weight in
                .object([("type", .string(type)), ("weight", .number(weight))])
            })),
            ("counts", .object(countFields.map { key, path in (key, .integer(c[keyPath: path])) })),
            ("results", .array(result.rows.map(row))),
        ])
    }

    /// Reads a document made by `make` back, numbers bit for bit.
    /// - Parameter path: names the file in errors.
    /// - Throws: `RecSiteError.invalidConfig` naming the file and the first
    ///   missing or mistyped field.
    public static func decode(_ bytes: [UInt8], path: String) throws -> EvaluationResult {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let document: Document
        do {
            let probe = try decoder.decode(FormatProbe.self, from: Data(bytes))
            guard probe.format == format else {
                throw RecSiteError.invalidConfig(
                    path: path, reason: "expected \"format\": \"\(format)\" (a file written by recsite evaluate --json)")
            }
            document = try decoder.decode(Document.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw RecSiteError.invalidConfig(path: path, reason: reason(error))
        }
        guard let split = TrainTestSplit.Method(rawValue: document.protocol.split), document.protocol.seed >= 0 else {
            throw RecSiteError.invalidConfig(path: path, reason: "protocol: unknown split or negative seed")
        }
        let weights: EventWeights
        do { weights = try EventWeights(document.weights.map { ($0.type, $0.weight) }) } catch {
            throw RecSiteError.invalidConfig(path: path, reason: "weights: \(error)")
        }
        let c = document.counts
        return EvaluationResult(
            options: EvaluationOptions(split: split, ratio: document.protocol.ratio,
                                       seed: UInt64(document.protocol.seed), k: document.protocol.k),
            weights: weights,
            counts: .init(users: c.users, items: c.items, events: c.events, trainEvents: c.trainEvents,
                          testEvents: c.testEvents, trainPairs: c.trainPairs, testPairs: c.testPairs,
                          evaluatedUsers: c.evaluatedUsers),
            rows: document.results.map { r in
                EvaluationResult.Row(
                    id: r.id, name: r.name, kind: r.kind,
                    ranking: RankingMetrics(precision: r.precision, recall: r.recall, ndcg: r.ndcg, map: r.map,
                                            mapOverTest: r.mapOverTest, hitRate: r.hitRate),
                    beyondAccuracy: BeyondAccuracyMetrics(
                        coverage: r.coverage, gini: r.gini, meanPopularityRank: r.noveltyRank,
                        selfInformation: r.selfInformation, intraListDiversity: r.diversity),
                    popularFill: r.popularFill)
            })
    }

    private static var countFields: [(String, KeyPath<EvaluationResult.Counts, Int>)] { [
        ("users", \.users), ("items", \.items), ("events", \.events),
        ("train_events", \.trainEvents), ("test_events", \.testEvents),
        ("train_pairs", \.trainPairs), ("test_pairs", \.testPairs), ("evaluated_users", \.evaluatedUsers),
    ] }

    private static func row(_ row: EvaluationResult.Row) -> JSONValue {
        let m = row.ranking, b = row.beyondAccuracy
        return .object([
            ("id", .string(row.id)), ("name", .string(row.name)), ("kind", .string(row.kind)),
            ("precision", .number(m.precision)), ("recall", .number(m.recall)), ("ndcg", .number(m.ndcg)),
            ("map", .number(m.map)), ("map_over_test", .number(m.mapOverTest)), ("hit_rate", .number(m.hitRate)),
            ("coverage", .number(b.coverage)), ("gini", .number(b.gini)),
            ("novelty_rank", .number(b.meanPopularityRank)), ("self_information", .number(b.selfInformation)),
            ("diversity", .number(b.intraListDiversity)), ("popular_fill", .number(row.popularFill)),
        ])
    }

    /// A decoding error as "where: what".
    private static func reason(_ error: DecodingError) -> String {
        func place(_ path: [CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "the document" : text
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(place(context.codingPath + [key])) is missing"
        case .valueNotFound(_, let context): return "\(place(context.codingPath)) is missing"
        case .typeMismatch(let type, let context):
            let expected = type == Double.self || type == Int.self ? "a number" : type == String.self ? "a string" : "of another type"
            return context.codingPath.isEmpty ? "the document must be a JSON object" : "\(place(context.codingPath)) must be \(expected)"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }

    private struct FormatProbe: Decodable { let format: String? }

    /// The document's shape, keys in snake case.
    private struct Document: Decodable {
        struct Settings: Decodable { let split: String, ratio: Double, seed: Int, k: Int }
        struct Weight: Decodable { let type: String, weight: Double }
        struct Counts: Decodable {
            let users, items, events, trainEvents, testEvents, trainPairs, testPairs, evaluatedUsers: Int
        }
        struct Row: Decodable {
            let id, name, kind: String
            let precision, recall, ndcg, map, mapOverTest, hitRate: Double
            let coverage, gini, noveltyRank, selfInformation, diversity, popularFill: Double
        }
        let `protocol`: Settings
        let weights: [Weight]
        let counts: Counts
        let results: [Row]
    }
}
