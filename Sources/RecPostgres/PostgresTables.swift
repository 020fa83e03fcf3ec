import RecEngine

/// The three tables fetched from PostgreSQL, ready for the same cleansing as CSV.
struct PostgresTables: LoadedTables {
    let store: String
    let users: PostgresRowSource
    let items: PostgresRowSource
    let events: PostgresRowSource

    /// Each table with the columns SPEC requires of it.
    private var required: [(source: PostgresRowSource, columns: [String])] {
        [(users, ["user_id"]), (items, ["item_id"]),
         (events, ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"])]
    }

    /// - Throws: `PostgresInputError` naming the table and the first missing column.
    func cleanse(weights: EventWeights, workers: Int) throws -> Dataset {
        for (source, columns) in required {
            let have = Set(source.columns.map { $0.lowercased() })
            if let missing = columns.first(where: { !have.contains($0) }) {
                throw PostgresInputError(
                    store: store, table: source.label,
                    problem: "missing required column '\(missing)' (it has: \(source.columns.joined(separator: ", ")))")
            }
        }
        return try DatasetLoader.cleanse(users: users, items: items, events: events, weights: weights, workers: workers)
    }
}
