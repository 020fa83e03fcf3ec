import RecEngine

/// Loads settings and data and builds the model: the first step of every command.
public enum ModelLoader {
    /// - Parameters:
    ///   - dataDirectory: the folder with the three CSV files.
    ///   - configPath: `--config`, or `nil` for `recsite.yml` when present.
    ///   - weightOverrides: `--weight TYPE=WEIGHT` values.
    ///   - k: `-k`, overriding the settings file.
    ///   - timings: receives the engine's steps (`read` … `similarity`).
    /// - Throws: `RecEngineError` or `RecSiteError`, each a one-line message.
    public static func load(dataDirectory: String, configPath: String? = nil,
                            weightOverrides: [String] = [], k: Int? = nil,
                            timings: PhaseTimings? = nil) throws -> RecommenderModel {
        try load(store: CSVFolder(directory: dataDirectory), configPath: configPath, weightOverrides: weightOverrides,
                 k: k, timings: timings)
    }

    /// As `load(dataDirectory:…)`, from any store (a folder, a database);
    /// `keepsDenseSimilarity` as in `RecommenderModel.init`.
    public static func load(store: any DataStore, configPath: String? = nil,
                            weightOverrides: [String] = [], k: Int? = nil,
                            timings: PhaseTimings? = nil, keepsDenseSimilarity: Bool = true) throws -> RecommenderModel {
        let config = try RecsiteConfig.load(path: configPath, weightOverrides: weightOverrides, k: k)
        let dataset = try store.load(weights: config.weights, timings: timings)
        return RecommenderModel(dataset: dataset, config: config, timings: timings,
                                keepsDenseSimilarity: keepsDenseSimilarity)
    }
}
