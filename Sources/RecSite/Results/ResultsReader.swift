import RecEngine

/// Reads a results folder for one build (`recsite build --results DIR`):
/// R, histories and popularity are the build's own, from the data it
/// cleansed; every user's list and the similarities the pages show come from
/// the folder. Every number a page shows from the folder is checked against
/// recsite's own arithmetic before it is used (docs/rules.md, "Results from
/// elsewhere"); anything else is refused with the file, line and problem.
public enum ResultsReader {
    /// - Parameters:
    ///   - directory: the results folder.
    ///   - dataset: the build's cleansed data.
    ///   - config: the build's k and weights.
    /// - Throws: `RecSiteError.invalidResults` naming the file (and line).
    /// - Complexity: O(events log events + p log p + users × k × |H(u)| × log neighbours) for p pairs read.
    public static func read(directory: String, dataset: Dataset, config: EngineConfig,
                            workers: Int = ProcessInfoCores.count) throws -> PrecomputedResults {
        let matrix = InteractionMatrix(dataset: dataset, weights: config.weights)
        let key = ResultsKey.of(dataset: dataset, matrix: matrix, k: config.k)
        let expected = ResultsManifest(key: key, config: config, users: dataset.users.count, items: dataset.items.count)
        try ResultsManifest.read(directory: directory)
            .check(against: expected, path: OutputFile.join(directory, ResultsFolder.manifest))

        var pairs = PairCollector()
        let lists = try ListsFile(directory: directory, dataset: dataset, matrix: matrix, k: config.k,
                                  pairs: &pairs, workers: workers)
        let neighbours = try NeighboursFile(directory: directory, dataset: dataset, pairs: &pairs, workers: workers)
        let similarity = ItemSimilarity(matrix: matrix, knownPairs: try pairs.distinctPairs(items: dataset.items))
        let model = RecommenderModel(dataset: dataset, config: config, matrix: matrix, similarity: similarity)
        try neighbours.check(model: model)
        return PrecomputedResults(model: model, recommendations: try lists.recommendations(model: model, workers: workers))
    }
}
