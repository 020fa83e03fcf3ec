import Foundation

/// Reads and cleanses the three input files into a `Dataset`.
public enum DatasetLoader {
    /// The input files' names inside a data folder.
    public static let fileNames = (users: "users.csv", items: "items.csv", events: "events.csv")

    /// Loads `users.csv`, `items.csv` and `events.csv` from a folder.
    /// - Parameters:
    ///   - directory: the data folder, as the user gave it (used in messages).
    ///   - weights: the event weight table; unknown types are dropped.
    /// - Throws: `RecEngineError` for a missing or unreadable file, an empty
    ///   file or a missing required column. Nothing is returned half-done.
    /// - Complexity: O(bytes of the files + events × log events).
    ///   - timings: receives `read` (the files' bytes, UTF-8 checks and
    ///     headers) and `cleanse` (parsing rows, SPEC §2, ID order).
    ///   - workers: threads reading events.csv (the result never depends on it).
    public static func load(directory: String, weights: EventWeights = .standard,
                            timings: PhaseTimings? = nil, workers: Int = ProcessInfoCores.count) throws -> Dataset {
        let files = try timings.measure("read") { try readFiles(directory: directory) }
        return try load(users: files.users, items: files.items, events: files.events, weights: weights,
                        timings: timings, workers: workers)
    }

    /// One input file: its path and its contents, mapped or read.
    public typealias InputFile = (path: String, contents: FileContents)

    /// The contents of the three input files of a folder, each with its path:
    /// mapped from the page cache where the system allows (`FileContents`),
    /// unless `mapsFiles` is false.
    /// - Throws: `RecEngineError.missingFile` or `.unreadableFile`.
    /// - Complexity: O(bytes of the files).
    public static func readFiles(directory: String, mapsFiles: Bool = true) throws
        -> (users: InputFile, items: InputFile, events: InputFile) {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let paths = [fileNames.users, fileNames.items, fileNames.events].map { base + "/" + $0 }
        let contents = try paths.map { try readFile($0, mapping: mapsFiles) }
        return ((paths[0], contents[0]), (paths[1], contents[1]), (paths[2], contents[2]))
    }

    /// Loads from bytes already in memory; the paths only name the files in
    /// messages and reports.
    public static func load(
        users: (path: String, bytes: [UInt8]),
        items: (path: String, bytes: [UInt8]),
        events: (path: String, bytes: [UInt8]),
        weights: EventWeights = .standard,
        timings: PhaseTimings? = nil,
        workers: Int = ProcessInfoCores.count
    ) throws -> Dataset {
        try load(users: (users.path, FileContents(users.bytes)),
                 items: (items.path, FileContents(items.bytes)),
                 events: (events.path, FileContents(events.bytes)),
                 weights: weights, timings: timings, workers: workers)
    }

    /// As `load(users:items:events:…)`, from contents read or mapped (`readFiles`).
    public static func load(
        users: InputFile, items: InputFile, events: InputFile,
        weights: EventWeights = .standard,
        timings: PhaseTimings? = nil,
        workers: Int = ProcessInfoCores.count
    ) throws -> Dataset {
        let (userSource, itemSource, eventSource) = try timings.measure("read") {
            let sources = (try CSVRowSource(path: users.path, contents: users.contents),
                           try CSVRowSource(path: items.path, contents: items.contents),
                           try CSVRowSource(path: events.path, contents: events.contents))
            try checkEventColumns(sources.2)
            return sources
        }
        return try timings.measure("cleanse") {
            try cleanse(users: userSource, items: itemSource, events: eventSource, weights: weights, workers: workers)
        }
    }

    /// Applies SPEC §2's rules to rows from any source (CSV files, or another
    /// format behind `RowSource`) and builds the dataset.
    /// - Parameters:
    ///   - users: the users table; `user_id` required.
    ///   - items: the items table; `item_id` required.
    ///   - events: the events table; its five columns required (checked first).
    ///   - weights: the event weight table; unknown types are dropped.
    ///   - workers: threads reading events (the result never depends on it).
    /// - Returns: users and items in ID order, the kept events, the report.
    /// - Throws: `RecEngineError.missingColumn` naming the source and column.
    /// - Complexity: O(rows + users × log users + items × log items).
    public static func cleanse<Users: RowSource, Items: RowSource, Events: RowSource>(
        users: Users, items: Items, events: Events,
        weights: EventWeights = .standard, workers: Int = ProcessInfoCores.count
    ) throws -> Dataset {
        try checkEventColumns(events)
        var users = users, items = items
        let (fileUsers, userReport) = try UsersCleanser.cleanse(&users)
        let (fileItems, itemReport) = try ItemsCleanser.cleanse(&items)
        let sortedUsers = fileUsers.sorted { IDOrder.less($0.id, $1.id) }
        let sortedItems = fileItems.sorted { IDOrder.less($0.id, $1.id) }
        let userIndex = IDIndex(sortedUsers.map(\.id))
        let itemIndex = IDIndex(sortedItems.map(\.id))
        let (events, eventReport) = try EventsCleanser.cleanse(
            events, weights: weights, userIndex: userIndex, itemIndex: itemIndex, workers: workers)
        return Dataset(
            users: sortedUsers, items: sortedItems, events: events, eventTypes: weights.types,
            report: CleansingReport(users: userReport, items: itemReport, events: eventReport),
            userIndex: userIndex, itemIndex: itemIndex)
    }

    /// A missing events column is fatal before any row is read.
    private static func checkEventColumns(_ events: some RowSource) throws {
        for column in ["user_id", "item_id", "event_type", "watch_seconds", "timestamp"] {
            _ = try events.required(column)
        }
    }

    private static func readFile(_ path: String, mapping: Bool) throws -> FileContents {
        do {
            return mapping ? try FileBytes.contents(path) : FileContents(try FileBytes.input(path))
        } catch .missing {
            throw RecEngineError.missingFile(path: path)
        } catch {
            throw RecEngineError.unreadableFile(path: path, reason: error.description)
        }
    }
}
