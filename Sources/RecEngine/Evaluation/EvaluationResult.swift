/// The outcome of one offline evaluation: the protocol, the sizes of the
/// split, and one row of metrics per evaluated algorithm, in the order asked.
public struct EvaluationResult: Sendable, Equatable {
    /// Sizes of the data and of its split.
    public struct Counts: Sendable, Equatable {
        public var users: Int
        public var items: Int
        public var events: Int
        public var trainEvents: Int
        public var testEvents: Int
        /// (user, item) pairs, i.e. history entries, on each side.
        public var trainPairs: Int
        public var testPairs: Int
        /// Users with at least one held-out item: the users the means are over.
        public var evaluatedUsers: Int

        public init(users: Int, items: Int, events: Int, trainEvents: Int, testEvents: Int,
                    trainPairs: Int, testPairs: Int, evaluatedUsers: Int) {
            self.users = users
            self.items = items
            self.events = events
            self.trainEvents = trainEvents
            self.testEvents = testEvents
            self.trainPairs = trainPairs
            self.testPairs = testPairs
            self.evaluatedUsers = evaluatedUsers
        }
    }

    /// One algorithm's results.
    public struct Row: Sendable, Equatable {
        /// `EvaluatedAlgorithm.id`.
        public var id: String
        public var name: String
        /// `engine`, `variant` or `baseline`.
        public var kind: String
        /// Means over the evaluated users.
        public var ranking: RankingMetrics
        public var beyondAccuracy: BeyondAccuracyMetrics
        /// Share of list entries that are SPEC §5's popular fill (0 for baselines).
        public var popularFill: Double

        public init(id: String, name: String, kind: String, ranking: RankingMetrics,
                    beyondAccuracy: BeyondAccuracyMetrics, popularFill: Double) {
            self.id = id
            self.name = name
            self.kind = kind
            self.ranking = ranking
            self.beyondAccuracy = beyondAccuracy
            self.popularFill = popularFill
        }
    }

    public var options: EvaluationOptions
    /// The event weights r was computed with.
    public var weights: EventWeights
    public var counts: Counts
    public var rows: [Row]

    public init(options: EvaluationOptions, weights: EventWeights, counts: Counts, rows: [Row]) {
        self.options = options
        self.weights = weights
        self.counts = counts
        self.rows = rows
    }
}
