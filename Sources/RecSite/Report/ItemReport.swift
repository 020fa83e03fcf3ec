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
    /// Every user whose list holds the item: rank ascending, then user ID order.
    public let recipients: [Recipient]
    /// Each recipient's score for the item (`nil` for popular fill), in `recipients`' order.
    public let recipientScores: [Double?]

    /// One rank of the item's histogram: `users` lists hold the item at `rank`.
    public struct RankCount: Sendable, Equatable {
        public let rank: Int
        public let users: Int
    }

    /// Users whose list holds the item.
    public var recommendedTo: Int { recipients.count }

    /// Of those, lists where it came from collaborative filtering.
    public var recommendedByCF: Int { recipients.reduce(0) { $0 + ($1.source == .cf ? 1 : 0) } }

    /// How many users hold the item at each rank, ranks ascending (only ranks with users).
    /// - Complexity: O(recipients), which come in rank order.
    public var rankCounts: [RankCount] {
        var counts: [RankCount] = []
        for recipient in recipients {
            if let last = counts.last, last.rank == recipient.rank {
                counts[counts.count - 1] = RankCount(rank: last.rank, users: last.users + 1)
            } else {
                counts.append(RankCount(rank: recipient.rank, users: 1))
            }
        }
        return counts
    }
}
