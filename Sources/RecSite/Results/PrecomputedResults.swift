import RecEngine

/// A build's model and every user's list, taken from a results folder.
public struct PrecomputedResults: Sendable {
    public let model: RecommenderModel
    /// In user order, each as `Recommender.recommendAll` gives it.
    public let recommendations: [[Recommendation]]
}
