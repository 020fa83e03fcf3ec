/// One entry of an item's most-similar list: another item and `sim(i,j)`.
public struct ItemNeighbour: Sendable, Equatable {
    /// The other item's index (items are indexed in ID order).
    public let item: Int
    /// `sim(i,j)`, always > 0.
    public let similarity: Double

    public init(item: Int, similarity: Double) {
        self.item = item
        self.similarity = similarity
    }
}
