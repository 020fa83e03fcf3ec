/// How varied a build's explanations are: distinct template shapes and
/// sentences, users whose every recommendation has the same sentence, and
/// how many come from the cache (`recsite explanations`).
public struct ExplanationStatistics: Sendable, Equatable {
    public var recommendations = 0
    public var fromModel = 0
    public var shapes: Set<String> = []
    public var sentences: Set<String> = []
    /// Users with at least two recommendations, and those of them whose
    /// recommendations all have one sentence.
    public var usersWithList = 0
    public var usersWithOneSentence = 0

    public init() {}

    public mutating func add(_ report: UserReport) {
        let explanations = report.recommendations.compactMap(\.explanation)
        recommendations += explanations.count
        for explanation in explanations {
            if explanation.model != nil { fromModel += 1 } else { shapes.insert(explanation.shape) }
            sentences.insert(explanation.text)
        }
        if explanations.count >= 2 {
            usersWithList += 1
            if Set(explanations.map(\.text)).count == 1 { usersWithOneSentence += 1 }
        }
    }

    public var text: String {
        "\(recommendations) recommendations: \(sentences.count) distinct sentences, \(shapes.count) template shapes, "
            + "\(fromModel) from the cache; \(usersWithOneSentence) of \(usersWithList) users get the same sentence on every recommendation"
    }
}
