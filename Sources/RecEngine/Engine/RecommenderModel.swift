/// Everything the pages and commands need, built once from a dataset:
/// R, item similarity, popularity and a recommender over them.
public struct RecommenderModel: Sendable {
    public let dataset: Dataset
    public let config: EngineConfig
    public let matrix: InteractionMatrix
    public let similarity: ItemSimilarity
    public let popularity: Popularity
    public let recommender: Recommender

    /// - Complexity: O(events log events + Σ_u |H(u)|²).
    /// - Parameters:
    ///   - timings: receives `model` (R and popularity) and `similarity`.
    ///   - keepsDenseSimilarity: false for a model that only scores every
    ///     user at once (`ItemSimilarity.init(…keepsDenseCopy:)`); lookups
    ///     then bisect the sparse rows, with the same values.
    public init(dataset: Dataset, config: EngineConfig = EngineConfig(), workers: Int = ProcessInfoCores.count,
                timings: PhaseTimings? = nil, keepsDenseSimilarity: Bool = true) {
        self.dataset = dataset
        self.config = config
        let matrix = timings.measure("model") {
            InteractionMatrix(dataset: dataset, weights: config.weights, workers: workers)
        }
        self.matrix = matrix
        similarity = timings.measure("similarity") {
            ItemSimilarity(matrix: matrix, workers: workers, keepsDenseCopy: keepsDenseSimilarity)
        }
        popularity = timings.measure("model") { Popularity(matrix: matrix) }
        recommender = Recommender(matrix: matrix, similarity: similarity, popularity: popularity)
    }

    /// A model over a similarity computed elsewhere (`ItemSimilarity(matrix:knownPairs:)`,
    /// for `recsite build --results`): nothing here is computed over item pairs.
    /// - Parameters:
    ///   - matrix: R of `dataset` under `config.weights`.
    ///   - similarity: a similarity over `matrix`.
    /// - Complexity: O(stored entries + items × log items) for popularity.
    public init(dataset: Dataset, config: EngineConfig, matrix: InteractionMatrix, similarity: ItemSimilarity) {
        self.dataset = dataset
        self.config = config
        self.matrix = matrix
        self.similarity = similarity
        popularity = Popularity(matrix: matrix)
        recommender = Recommender(matrix: matrix, similarity: similarity, popularity: popularity)
    }

    public func user(_ id: String) -> Int? { dataset.userIndex[id].map(Int.init) }
    public func item(_ id: String) -> Int? { dataset.itemIndex[id].map(Int.init) }

    public func profile(user u: Int) -> UserProfile { UserProfile(user: u, matrix: matrix) }

    public func recommendations(user u: Int, k: Int? = nil) -> [Recommendation] {
        recommender.recommend(user: u, k: k ?? config.k)
    }

    public func breakdown(user u: Int, item j: Int) -> ScoreBreakdown {
        recommender.breakdown(user: u, item: j)
    }
}
