import RecEngine

/// What `--data` names: a PostgreSQL URL, or else a folder of CSV files.
public enum DataStores {
    /// - Throws: `PostgresInputError` for a database URL that cannot be parsed.
    public static func open(_ data: String) throws -> any DataStore {
        if PostgresURL.isDatabase(data) { return PostgresStore(url: try PostgresURL(data)) }
        return CSVFolder(directory: data)
    }
}
