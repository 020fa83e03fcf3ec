/// A per-user split of the histories H(u) into train and test items.
///
/// The unit is the (user, item) pair: all events of a pair go to the same
/// side, so a held-out item is one the model has never seen the user touch.
/// Each user keeps `round(ratio × |H(u)|)` items for training (rounding half
/// to even, like Python's `round`, which Microsoft Recommenders' splitters
/// use); the rest are held out.
/// - stratified: the user's items, in ID order, are shuffled with a
///   generator seeded by the seed and the user's ID (xoshiro256**), and the
///   first ones train;
/// - temporal: the items are ordered by the user's last event on them (ties
///   in ID order) and the latest ones are held out.
public struct TrainTestSplit: Sendable {
    public enum Method: String, Sendable, CaseIterable {
        case stratified, temporal
    }

    /// The data set with train events only; users, items and their indices
    /// are those of the full data set.
    public let train: Dataset
    /// Each user's held-out items, in ascending index order.
    public let test: [[Int32]]
    /// Events of held-out pairs (the full data set has train + test events).
    public let testEvents: Int

    /// - Parameters:
    ///   - dataset: the full, cleansed data set.
    ///   - method: how each user's items are chosen.
    ///   - ratio: the share of each user's items kept for training, in (0, 1).
    ///   - seed: the stratified shuffle's seed (unused by the temporal split).
    /// - Complexity: O(events × log |H(u)| + Σ_u |H(u)| log |H(u)|).
    public init(dataset: Dataset, method: Method, ratio: Double, seed: UInt64) {
        // Only H(u) and last-seen times are used; they do not depend on weights.
        let full = InteractionMatrix(dataset: dataset, weights: .standard)
        var test: [[Int32]] = []
        test.reserveCapacity(full.userCount)
        for u in 0..<full.userCount {
            var order = Array(full.row(u))
            let trainCount = Self.trainCount(of: order.count, ratio: ratio)
            switch method {
            case .stratified:
                var random = SeededRandom(seed: seed, stream: stableHash(dataset.users[u].id))
                random.shuffle(&order)
            case .temporal:
                order.sort { full.rowLastSeen[$0] != full.rowLastSeen[$1] ? full.rowLastSeen[$0] < full.rowLastSeen[$1] : $0 < $1 }
            }
            test.append(order[trainCount...].map { full.rowItem[$0] }.sorted())
        }
        let events = dataset.events
        let isTest = (0..<events.count).map { e in sortedContains(test[Int(events.user[e])][...], events.item[e]) }
        self.test = test
        testEvents = isTest.reduce(0) { $0 + ($1 ? 1 : 0) }
        train = dataset.keepingEvents { !isTest[$0] }
    }

    /// How many of a user's `n` items train: `round(ratio × n)`, halves to even.
    public static func trainCount(of n: Int, ratio: Double) -> Int {
        min(n, max(0, Int((ratio * Double(n)).rounded(.toNearestOrEven))))
    }
}
