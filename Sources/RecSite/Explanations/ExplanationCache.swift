import Foundation

/// Model-written explanations, committed beside the data
/// (`data/explanations.jsonl`): one JSON object a line,
/// `{"key","model","user_id","item_id","text"}`, sorted by key, where `key`
/// is the SHA-256 of the model's name, a newline and the prompt
/// (`ExplanationPrompt`). A build only reads it; `recsite explanations
/// --with PROVIDER` adds to it. A changed prompt (new facts) or another model
/// has another key, so stale text is never shown, only left unused.
public struct ExplanationCache: Sendable {
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let model: String
        public let userID: String
        public let itemID: String
        public let text: String

        public init(key: String, model: String, userID: String, itemID: String, text: String) {
            self.key = key
            self.model = model
            self.userID = userID
            self.itemID = itemID
            self.text = text
        }
    }

    /// The cache's file name in the data folder.
    public static let fileName = "explanations.jsonl"

    public private(set) var entries: [String: Entry] = [:]
    /// The models the cache holds text of, by name (code points): a lookup
    /// tries them in this order, so the choice never depends on file order.
    public private(set) var models: [String] = []

    public init(_ entries: [Entry] = []) {
        for entry in entries { insert(entry) }
    }

    public var isEmpty: Bool { entries.isEmpty }

    public static func key(model: String, prompt: String) -> String { SHA256.hex(model + "\n" + prompt) }

    /// The cached text for `prompt`, and its model.
    public func lookup(prompt: String) -> Entry? {
        for model in models { if let entry = entries[Self.key(model: model, prompt: prompt)] { return entry } }
        return nil
    }

    public func lookup(prompt: String, model: String) -> Entry? { entries[Self.key(model: model, prompt: prompt)] }

    public mutating func insert(_ entry: Entry) {
        entries[entry.key] = entry
        if !models.contains(entry.model) {
            models.append(entry.model)
            models.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        }
    }

    /// The cache at `path`; empty when the file does not exist.
    public static func load(path: String) throws -> ExplanationCache {
        guard FileManager.default.fileExists(atPath: path) else { return ExplanationCache() }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RecSiteError.invalidConfig(path: path, reason: "cannot read the explanation cache")
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    static func parse(_ text: String, path: String) throws -> ExplanationCache {
        var cache = ExplanationCache()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy(\.isWhitespace) {
            func bad(_ why: String) -> RecSiteError { .invalidConfig(path: "\(path):\(number + 1)", reason: why) }
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw bad("not a JSON object")
            }
            func field(_ name: String) throws -> String {
                guard let value = object[name] as? String else { throw bad("no text field \"\(name)\"") }
                return value
            }
            cache.insert(Entry(key: try field("key"), model: try field("model"), userID: try field("user_id"),
                               itemID: try field("item_id"), text: try field("text")))
        }
        return cache
    }

    /// The file's text: a line per entry, by key, so rewriting it after a
    /// fill shows only the new lines in a diff.
    public var text: String {
        entries.values.sorted { $0.key < $1.key }.map { entry in
            JSONValue.object([
                ("key", .string(entry.key)), ("model", .string(entry.model)), ("user_id", .string(entry.userID)),
                ("item_id", .string(entry.itemID)), ("text", .string(entry.text)),
            ]).serialized() + "\n"
        }.joined()
    }
}
