/// The protocol of one offline evaluation.
public struct EvaluationOptions: Sendable, Equatable {
    public var split: TrainTestSplit.Method
    /// Share of each user's items kept for training, in (0, 1).
    public var ratio: Double
    /// Seeds the stratified split and the random baseline.
    public var seed: UInt64
    /// Length of every list and the metrics' cut-off.
    public var k: Int

    /// The defaults are the protocol of Microsoft Recommenders' MovieLens
    /// benchmark: per-user stratified 75/25, seed 42, top 10.
    public init(split: TrainTestSplit.Method = .stratified, ratio: Double = 0.75, seed: UInt64 = 42, k: Int = 10) {
        self.split = split
        self.ratio = ratio
        self.seed = seed
        self.k = k
    }

    /// - Throws: `RecEngineError.invalidOption` for a ratio outside (0, 1) or k < 1.
    public func validate() throws {
        guard ratio > 0, ratio < 1 else {
            throw RecEngineError.invalidOption(name: "ratio", reason: "the train share must be between 0 and 1 (exclusive), not \(ratio)")
        }
        guard k >= 1 else { throw RecEngineError.invalidOption(name: "k", reason: "k must be at least 1, not \(k)") }
    }
}
