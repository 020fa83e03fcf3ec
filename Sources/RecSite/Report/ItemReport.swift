import RecEngine

/// Everything the site shows about one item, computed once
/// (`ReportBuilder.item(_:)`).
public struct ItemReport: Sendable {
    /// Rows of the most-similar and top-viewer lists.
    public static let similarCount = 10
    public static let viewerCount = 10

    /// The item's index in the data set (ID order).
    public let index: Int
    /// ID, title, content type, genre.
    public let item: Item
    /// Σ_u r(u,i), its rank among all items, and distinct viewers (SPEC §6).
    public let popularity: Double
    public let rank: Int
    public let viewers: Int
    /// The most similar items: similarity descending, then ID order (sim > 0 only).
    public let mostSimilar: [ItemNeighbour]
    /// The viewers with the highest r(u,i), then user ID order.
    public let topViewers: [ItemViewer]
    /// Users whose top-k list holds the item, of them by cf, and how many at each rank.
    public let recommendedTo: Int
    public let recommendedByCF: Int
    public let rankCounts: [RecommendationExposure.RankCount]
    /// Every user whose list holds the item: rank ascending, then user ID order.
    public let recipients: [Recipient]
}
