/// Variants of SPEC §4's item similarity, for offline comparison. The
/// default, `.spec`, is SPEC §4 exactly: plain cosine, every neighbour kept.
public struct SimilarityOptions: Sendable, Equatable {
    /// λ of the shrinkage `sim(i,j) × n/(n + λ)`, where n is the number of
    /// users with both `r(u,i)` and `r(u,j)` non-zero. 0 turns it off.
    public var shrinkage: Double
    /// Keep only each item's N most similar neighbours (by similarity
    /// descending, then ID order); `nil` keeps all.
    public var neighbours: Int?

    public init(shrinkage: Double = 0, neighbours: Int? = nil) {
        self.shrinkage = shrinkage
        self.neighbours = neighbours
    }

    /// SPEC §4.
    public static let spec = SimilarityOptions()

    /// Whether these options change nothing.
    public var isSpec: Bool { shrinkage == 0 && neighbours == nil }
}
