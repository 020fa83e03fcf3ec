import Foundation

/// `api/build.json`: the summary as JSON, one user or item per line, so a
/// pull request's diff of it names exactly the users and items that moved.
extension BuildSummary {
    /// The format's name and version, the file's first member.
    public static let format = "recsite-build-summary/1"

    public func json() -> String {
        var out = "{\n"
        out += "  \"format\": \(JSONValue.string(Self.format).serialized()),\n"
        out += "  \"settings\": \(settingsJSON.serialized()),\n"
        out += "  \"inputs\": " + lines(inputs.map(\.json)) + ",\n"
        out += "  \"users\": " + lines(users.map(\.json)) + ",\n"
        out += "  \"items\": " + lines(items.map(\.json)) + "\n"
        return out + "}\n"
    }

    private var settingsJSON: JSONValue {
        .object([("k", .integer(settings.k)),
                 ("weights", .array(settings.weights.map {
                     .object([("type", .string($0.type)), ("weight", .number($0.weight))])
                 }))])
    }

    private func lines(_ values: [JSONValue]) -> String {
        values.isEmpty ? "[]" : "[\n" + values.map { "    " + $0.serialized() }.joined(separator: ",\n") + "\n  ]"
    }

    /// Reads a summary written by `json()`.
    /// - Throws: `RecSiteError.invalidSummary` naming `source` when the text is not such a summary.
    public init(json data: Data, source: String) throws {
        let file: SummaryFile
        do {
            file = try JSONDecoder().decode(SummaryFile.self, from: data)
        } catch {
            throw RecSiteError.invalidSummary(path: source, reason: Self.describe(error))
        }
        guard file.format == Self.format else {
            throw RecSiteError.invalidSummary(path: source, reason: "format \"\(file.format)\" is not \(Self.format)")
        }
        func print(_ hex: String, _ what: String) throws -> Fingerprint {
            guard let value = Fingerprint(hex: hex) else {
                throw RecSiteError.invalidSummary(path: source, reason: "\(what): \"\(hex)\" is not a fingerprint")
            }
            return value
        }
        settings = Settings(k: file.settings.k, weights: file.settings.weights.map { Weight(type: $0.type, weight: $0.weight) })
        inputs = try file.inputs.map {
            Input(file: $0.file, rows: $0.rows, kept: $0.kept, fingerprint: try print($0.fingerprint, $0.file),
                  reasons: $0.reasons.map { Count(name: $0.name, count: $0.count) },
                  repairs: $0.repairs.map { Count(name: $0.name, count: $0.count) })
        }
        users = try file.users.map {
            guard $0.items.count == $0.scores.count else {
                throw RecSiteError.invalidSummary(path: source, reason: "user \($0.id): items and scores differ in length")
            }
            return UserEntry(id: $0.id, row: try print($0.row, "user \($0.id)"), events: $0.events,
                             eventsFingerprint: try print($0.events_fingerprint, "user \($0.id)"), history: $0.history,
                             items: $0.items, scores: $0.scores)
        }
        items = try file.items.map {
            ItemEntry(id: $0.id, title: $0.title, row: try print($0.row, "item \($0.id)"), popularity: $0.popularity,
                      viewers: $0.viewers, rank: $0.rank)
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \"\(key.stringValue)\"" + where_(context)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "unexpected value" + where_(context)
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "invalid value" + where_(context)
        default:
            return "not valid JSON"
        }
    }

    private static func where_(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "" : " at \(path)"
    }
}

private extension BuildSummary.Input {
    var json: JSONValue {
        .object([
            ("file", .string(file)), ("rows", .integer(rows)), ("kept", .integer(kept)),
            ("fingerprint", .string(fingerprint.hex)),
            ("reasons", .array(reasons.map(\.json))), ("repairs", .array(repairs.map(\.json))),
        ])
    }
}

private extension BuildSummary.Count {
    var json: JSONValue { .object([("name", .string(name)), ("count", .integer(count))]) }
}

private extension BuildSummary.UserEntry {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("row", .string(row.hex)), ("events", .integer(events)),
            ("events_fingerprint", .string(eventsFingerprint.hex)), ("history", .integer(history)),
            ("items", .array(items.map(JSONValue.string))),
            ("scores", .array(scores.map { $0.map(JSONValue.number) ?? .null })),
        ])
    }
}

private extension BuildSummary.ItemEntry {
    var json: JSONValue {
        .object([
            ("id", .string(id)), ("title", .string(title)), ("row", .string(row.hex)),
            ("popularity", .number(popularity)), ("viewers", .integer(viewers)), ("rank", .integer(rank)),
        ])
    }
}

/// The file's shape for `JSONDecoder`.
private struct SummaryFile: Decodable {
    struct Weight: Decodable { let type: String, weight: Double }
    struct Count: Decodable { let name: String, count: Int }
    struct Settings: Decodable {
        let k: Int
        let weights: [Weight]
    }
    struct Input: Decodable {
        let file: String, rows: Int, kept: Int, fingerprint: String
        let reasons: [Count], repairs: [Count]
    }
    struct User: Decodable {
        let id: String, row: String, events: Int, events_fingerprint: String, history: Int
        let items: [String], scores: [Double?]
    }
    struct Item: Decodable {
        let id: String, title: String, row: String, popularity: Double, viewers: Int, rank: Int
    }
    let format: String
    let settings: Settings
    let inputs: [Input]
    let users: [User]
    let items: [Item]
}
