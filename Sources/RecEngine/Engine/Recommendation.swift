/// Where a recommendation came from.
public enum RecommendationSource: String, Sendable {
    /// Collaborative filtering: a positive score.
    case cf
    /// Popular fill for a list with fewer than k positive scores.
    case popular
}

/// One history item's part in a score: `c_k = sim(j,k) · r(u,k)`.
public struct Contribution: Sendable, Equatable {
    /// The history item k.
    public let item: Int32
    /// `r(u,k)`.
    public let interaction: Double
    /// `sim(j,k)`.
    public let similarity: Double
    /// `c_k`.
    public let contribution: Double
    /// `c_k / score`, a fraction.
    public let share: Double
}

/// One entry of a user's recommendation list.
public struct Recommendation: Sendable, Equatable {
    /// The source enum under the name the type's users expect.
    public typealias Source = RecommendationSource

    /// 1-based position in the list.
    public let rank: Int
    public let item: Int32
    /// The score; `nil` for popular fill.
    public let score: Double?
    public let source: RecommendationSource
    /// The top contributor of a `cf` recommendation; `nil` for popular fill.
    public let reason: Contribution?
}

/// The full breakdown of `score(u,j)` (SPEC §5).
public struct ScoreBreakdown: Sendable, Equatable {
    public let user: Int32
    public let item: Int32
    /// `score(u,j)`, summed over history items in ascending ID order.
    public let score: Double
    /// Every k with `c_k > 0`: by `c_k` descending, then `r(u,k)` descending, then ID order.
    public let contributions: [Contribution]
    /// Whether j is already in H(u) (then it is never recommended).
    public let inHistory: Bool
}
