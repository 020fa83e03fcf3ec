/// The settings of one engine run.
public struct EngineConfig: Sendable, Equatable {
    public var weights: EventWeights
    /// Recommendations per user.
    public var k: Int

    public init(weights: EventWeights = .standard, k: Int = 10) {
        self.weights = weights
        self.k = k
    }
}
