/// Where the three input tables live: a folder of CSV files (`CSVFolder`),
/// or a database (`PostgresStore` in RecPostgres). Every command reads its
/// data through this, so a new store needs a new type, not new commands.
///
/// Reading is split from cleansing so a build can time the two steps apart
/// ("load", then "cleanse"), whatever the store.
public protocol DataStore: Sendable {
    /// Names the store in messages: the folder as given, or a database URL
    /// without its password. Never written into generated files.
    var description: String { get }
    /// The folder that holds the store's side files (`explanations.jsonl`),
    /// or `nil` when the store is not a folder (a database).
    var folder: String? { get }
    /// Fetches the three tables whole, unchecked.
    /// - Throws: a one-line error naming the store and the table.
    func read() throws -> any LoadedTables
}

/// The three tables as read from a `DataStore`, ready for SPEC §2's rules.
public protocol LoadedTables {
    /// Applies the cleansing rules (`DatasetLoader.cleanse`) and builds the dataset.
    /// - Throws: a one-line error naming the table and the column when a required column is missing.
    func cleanse(weights: EventWeights, workers: Int) throws -> Dataset
}

extension DataStore {
    /// Reads and cleanses in one go, for commands that do not time the two apart.
    /// - Parameter timings: receives `read` and `cleanse`.
    public func load(weights: EventWeights = .standard, timings: PhaseTimings? = nil,
                     workers: Int = ProcessInfoCores.count) throws -> Dataset {
        let tables = try timings.measure("read") { try read() }
        return try timings.measure("cleanse") { try tables.cleanse(weights: weights, workers: workers) }
    }
}
