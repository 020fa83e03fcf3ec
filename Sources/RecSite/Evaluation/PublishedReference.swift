import RecEngine

/// Published figures to set beside an evaluation run on the same protocol.
public struct PublishedReference: Sendable {
    public let algorithm: String
    public let source: String
    /// The protocol the figures were measured under, in words.
    public let protocolText: String
    /// Why the figures are not a like-for-like comparison.
    public let caveat: String
    public let precision: Double
    public let recall: Double
    public let ndcg: Double
    /// MAP as the source normalises it: over all held-out items (`RankingMetrics.mapOverTest`).
    public let mapOverTest: Double

    /// SAR in Microsoft Recommenders' benchmark on MovieLens 100k.
    public static let sarMovieLens100k = PublishedReference(
        algorithm: "SAR",
        source: "Microsoft Recommenders, MovieLens 100k benchmark",
        protocolText: "per-user stratified 75/25 split with seed 42, seen items removed, every held-out item relevant, top 10",
        caveat: "SAR there uses the explicit ratings as weights, so the comparison is of protocol, not of identical inputs",
        precision: 0.3308, recall: 0.1764, ndcg: 0.3825, mapOverTest: 0.1106)

    /// Whether a run used the protocol the figures were published for (the
    /// seed draws a different shuffle in any other implementation, so it is not compared).
    public func applies(to options: EvaluationOptions) -> Bool {
        options.split == .stratified && options.ratio == 0.75 && options.k == 10
    }
}
