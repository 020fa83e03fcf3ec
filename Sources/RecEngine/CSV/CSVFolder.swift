/// A data folder holding `users.csv`, `items.csv` and `events.csv`.
public struct CSVFolder: DataStore {
    /// The folder as the user gave it.
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public var description: String { directory }
    public var folder: String? { directory }

    /// The three files' bytes (`DatasetLoader.readFiles`).
    /// - Throws: `RecEngineError.missingFile` or `.unreadableFile`.
    public func read() throws -> any LoadedTables {
        let files = try DatasetLoader.readFiles(directory: directory)
        return CSVFiles(users: files.users, items: files.items, events: files.events)
    }
}

/// The three CSV files' contents, each with its path.
public struct CSVFiles: LoadedTables {
    public let users: DatasetLoader.InputFile
    public let items: DatasetLoader.InputFile
    public let events: DatasetLoader.InputFile

    public func cleanse(weights: EventWeights, workers: Int) throws -> Dataset {
        try DatasetLoader.load(users: users, items: items, events: events, weights: weights, workers: workers)
    }
}
