import RecEngine

/// `--data postgresql://…`: the three tables in a PostgreSQL database.
public struct PostgresStore: DataStore {
    public let url: PostgresURL

    public init(url: PostgresURL) { self.url = url }

    /// The URL without password or parameters.
    public var description: String { url.description }
    /// A database has no folder for `explanations.jsonl`.
    public var folder: String? { nil }

    public func read() throws -> any LoadedTables {
        let fetched = try PostgresReader(url: url).fetch()
        return PostgresTables(store: url.description, users: fetched.users, items: fetched.items, events: fetched.events)
    }
}
