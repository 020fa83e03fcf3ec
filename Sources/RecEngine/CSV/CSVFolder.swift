/// A data folder holding `users.csv`, `items.csv` and `events.csv`.
public struct CSVFolder: DataStore {
    /// The folder as the user gave it.
    public let directory: String
    /// Whether the files are mapped rather than read into memory (`FileContents`):
    /// not for a long-running server that reloads files as they change,
    /// where a file cut short during a load must be an error, not SIGBUS.
    public let mapsFiles: Bool

    public init(directory: String, mapsFiles: Bool = true) {
        self.directory = directory
        self.mapsFiles = mapsFiles
    }

    public var description: String { directory }
    public var folder: String? { directory }

    /// The three files' bytes (`DatasetLoader.readFiles`).
    /// - Throws: `RecEngineError.missingFile` or `.unreadableFile`.
    public func read() throws -> any LoadedTables {
        let files = try DatasetLoader.readFiles(directory: directory, mapsFiles: mapsFiles)
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
