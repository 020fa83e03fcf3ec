/// Offline evaluation: split each user's history, fit on the training part
/// only, list k unseen items per user, and score the lists against the
/// held-out items.
///
/// The model sees nothing of the test side: the training `Dataset` holds
/// only training events, and R, similarity and popularity are built from it
/// alone. The catalogue stays whole, so an item watched only in test can
/// still be listed (by popular fill or the random baseline).
public struct Evaluator: Sendable {
    public let options: EvaluationOptions
    public let weights: EventWeights
    public let split: TrainTestSplit
    /// R of the training events.
    public let matrix: InteractionMatrix
    /// SPEC §4 on the training R: the default engine's, and the ruler of
    /// intra-list diversity for every algorithm.
    public let similarity: ItemSimilarity
    /// SPEC §6 on the training R.
    public let popularity: Popularity
    /// Users with at least one held-out item, ascending: the users the means are over.
    public let evaluatedUsers: [Int]
    private let fullEvents: Int
    private let workers: Int

    /// Splits the data and fits the SPEC engine on the training side.
    /// - Throws: `RecEngineError.invalidOption` for options out of range.
    /// - Complexity: O(events log events + Σ_u |H_train(u)|²).
    public init(dataset: Dataset, weights: EventWeights = .standard, options: EvaluationOptions = EvaluationOptions(),
                workers: Int = ProcessInfoCores.count) throws {
        try options.validate()
        self.options = options
        self.weights = weights
        self.workers = workers
        let split = TrainTestSplit(dataset: dataset, method: options.split, ratio: options.ratio, seed: options.seed)
        self.split = split
        matrix = InteractionMatrix(dataset: split.train, weights: weights, workers: workers)
        similarity = ItemSimilarity(matrix: matrix, workers: workers)
        popularity = Popularity(matrix: matrix)
        evaluatedUsers = split.test.indices.filter { !split.test[$0].isEmpty }
        fullEvents = dataset.events.count
    }

    /// Evaluates each algorithm in turn.
    /// - Throws: `RecEngineError.invalidOption` for an engine variant out of range.
    public func run(_ algorithms: [EvaluatedAlgorithm]) throws -> EvaluationResult {
        let rows = try algorithms.map(evaluate)
        let counts = EvaluationResult.Counts(
            users: matrix.userCount, items: matrix.itemCount, events: fullEvents,
            trainEvents: split.train.events.count, testEvents: split.testEvents,
            trainPairs: matrix.nonZeroCount, testPairs: split.test.reduce(0) { $0 + $1.count },
            evaluatedUsers: evaluatedUsers.count)
        return EvaluationResult(options: options, weights: weights, counts: counts, rows: rows)
    }

    /// One algorithm's row: the means over the evaluated users.
    public func evaluate(_ algorithm: EvaluatedAlgorithm) throws -> EvaluationResult.Row {
        let (lists, filled) = try recommendations(algorithm)
        let perUser = zip(evaluatedUsers, lists).map { u, list in
            RankingMetrics(recommended: list, relevant: split.test[u], k: options.k)
        }
        let entries = lists.reduce(0) { $0 + $1.count }
        return EvaluationResult.Row(
            id: algorithm.id, name: algorithm.name, kind: algorithm.kind,
            ranking: RankingMetrics.mean(perUser),
            beyondAccuracy: BeyondAccuracyMetrics(lists: lists, popularity: popularity, similarity: similarity,
                                                  userCount: matrix.userCount),
            popularFill: entries > 0 ? Double(filled) / Double(entries) : 0)
    }

    /// The top-k list of every evaluated user (in `evaluatedUsers` order) and
    /// how many entries are popular fill.
    /// - Throws: `RecEngineError.invalidOption` for an engine variant out of range.
    public func recommendations(_ algorithm: EvaluatedAlgorithm) throws -> (lists: [[Int32]], filled: Int) {
        let k = options.k, users = evaluatedUsers
        switch algorithm {
        case .engine(let variant):
            try variant.validate()
            let recommender = engine(variant)
            let lists = parallelMap(count: users.count, workers: workers,
                                    makeScratch: { Recommender.Scratch(itemCount: recommender.matrix.itemCount) }) { n, scratch in
                recommender.recommend(user: users[n], k: k, scratch: &scratch)
            }
            let filled = lists.reduce(0) { $0 + $1.filter { $0.source == .popular }.count }
            return (lists.map { $0.map(\.item) }, filled)
        case .mostPopular:
            return (users.map { Baselines.mostPopular(user: $0, k: k, matrix: matrix, popularity: popularity) }, 0)
        case .random:
            let ids = split.train.users.map(\.id)
            return (users.map { Baselines.random(user: $0, userID: ids[$0], k: k, matrix: matrix, seed: options.seed) }, 0)
        }
    }

    /// The engine fitted on the training data in one setting. Popular fill
    /// always uses SPEC §6 popularity of the training R.
    public func engine(_ variant: EngineVariant) -> Recommender {
        if variant.isSpec { return Recommender(matrix: matrix, similarity: similarity, popularity: popularity) }
        let rescaled = matrix.normalised(variant.normalisation)
        let variantSimilarity = ItemSimilarity(matrix: rescaled, options: variant.similarity, workers: workers)
        return Recommender(matrix: rescaled, similarity: variantSimilarity, popularity: popularity)
    }

    /// The engine in `engine`'s setting and the two baselines; with
    /// `variants`, `EngineVariant.comparisons` after the engine.
    public static func algorithms(engine: EngineVariant = .spec, variants: Bool) -> [EvaluatedAlgorithm] {
        var list: [EvaluatedAlgorithm] = [.engine(engine)]
        if variants { list += EngineVariant.comparisons.filter { $0 != engine }.map { .engine($0) } }
        return list + [.mostPopular, .random]
    }
}
