import ArgumentParser
import RecEngine
import RecPostgres
import RecSite

/// Flags every engine command shares.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Folder holding users.csv, items.csv and events.csv, or a postgresql://user@host/db URL (tables users, items, events; see docs/scale.md).",
        valueName: "dir|url"))
    var data = "data"

    @Option(name: .long, help: ArgumentHelp(
        "Settings file (YAML with 'k' and 'weights'); default: recsite.yml when present.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("weight"), help: ArgumentHelp(
        "Set the weight of a known event type, e.g. --weight complete=4 (repeatable; overrides the settings file; "
            + "a new type must be declared there).",
        valueName: "type=weight"))
    var weights: [String] = []

    /// Loads the data and builds the model with these options.
    func loadModel(k: Int? = nil, timings: PhaseTimings? = nil, keepsDenseSimilarity: Bool = true) throws -> RecommenderModel {
        try ModelLoader.load(store: store(), configPath: config, weightOverrides: weights, k: k, timings: timings,
                             keepsDenseSimilarity: keepsDenseSimilarity)
    }

    /// Where `--data` points: a folder of CSV files or a PostgreSQL database.
    func store() throws -> any DataStore { try DataStores.open(data) }
}

/// `-k`, shared by the commands that list recommendations.
struct RecommendationCount: ParsableArguments {
    /// `.unconditional` so `-k -1` reaches `validate` (else: "Missing value").
    @Option(name: .short, parsing: .unconditional, help: "Recommendations per user (default: 10, or 'k' in the settings file).")
    var k: Int?

    func validate() throws {
        if let k, k < 1 { throw ValidationError("-k must be at least 1.") }
    }
}
