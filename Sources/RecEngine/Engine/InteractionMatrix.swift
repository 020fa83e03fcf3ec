/// The users × items matrix R of `r(u,i)` (SPEC §3), stored sparse twice:
/// by user (CSR, the histories) and by item (CSC, the columns).
///
/// Every (u, i) with at least one kept event is stored, even where r = 0,
/// so a row is exactly the user's history H(u). Within a row, items are in
/// ascending index (= ID) order; within a column, users likewise.
///
/// The arrays are internal: other modules ask questions of the model
/// (`RecommenderModel.topViewers(of:limit:)`, `historyCount(user:)`, …), so
/// the layout can change without touching the pages.
public struct InteractionMatrix: Sendable {
    public let userCount: Int
    public let itemCount: Int
    /// Row u spans `rowStart[u]..<rowStart[u+1]` of the row arrays.
    let rowStart: [Int]
    let rowItem: [Int32]
    let rowScore: [Double]
    /// Kept events of the user on the item.
    let rowEvents: [Int32]
    /// Latest event time (UTC seconds) of the user on the item.
    let rowLastSeen: [Int64]
    /// Column i spans `columnStart[i]..<columnStart[i+1]` of the column arrays.
    let columnStart: [Int]
    let columnUser: [Int32]
    let columnScore: [Double]

    /// Builds R from the kept events.
    /// - Complexity: O(events + users + items).
    public init(dataset: Dataset, weights: EventWeights) {
        let events = dataset.events
        userCount = dataset.users.count
        itemCount = dataset.items.count
        let typeWeights = dataset.eventTypes.map { weights.weight(of: $0) ?? 0 }

        // Events ordered by user, then item, then file position, with two
        // stable counting passes (by item, then by user): no comparisons.
        // r sums a user's events on an item in file order.
        var itemStart = [Int](repeating: 0, count: itemCount + 1)
        for i in events.item { itemStart[Int(i) + 1] += 1 }
        for i in 0..<itemCount { itemStart[i + 1] += itemStart[i] }
        var byItem = [Int32](repeating: 0, count: events.count)
        for e in 0..<events.count {
            let i = Int(events.item[e])
            byItem[itemStart[i]] = Int32(e)
            itemStart[i] += 1
        }
        var bucketStart = [Int](repeating: 0, count: userCount + 1)
        for u in events.user { bucketStart[Int(u) + 1] += 1 }
        for u in 0..<userCount { bucketStart[u + 1] += bucketStart[u] }
        var fill = bucketStart
        var ordered = [Int32](repeating: 0, count: events.count)
        for e in byItem {
            let u = Int(events.user[Int(e)])
            ordered[fill[u]] = e
            fill[u] += 1
        }

        var rowStart = [Int](repeating: 0, count: userCount + 1)
        var rowItem: [Int32] = [], rowScore: [Double] = []
        var rowEvents: [Int32] = [], rowLastSeen: [Int64] = []
        rowItem.reserveCapacity(events.count)
        for u in 0..<userCount {
            var index = bucketStart[u]
            let end = bucketStart[u + 1]
            while index < end {
                let item = events.item[Int(ordered[index])]
                var r = 0.0, count: Int32 = 0, last = Int64.min
                while index < end, events.item[Int(ordered[index])] == item {
                    let e = Int(ordered[index])
                    r += events.watchSeconds[e] * typeWeights[Int(events.type[e])]
                    count += 1
                    last = max(last, events.seconds[e])
                    index += 1
                }
                rowItem.append(item); rowScore.append(r)
                rowEvents.append(count); rowLastSeen.append(last)
            }
            rowStart[u + 1] = rowItem.count
        }

        // Transpose into columns; users come out ascending.
        var columnStart = [Int](repeating: 0, count: itemCount + 1)
        for i in rowItem { columnStart[Int(i) + 1] += 1 }
        for i in 0..<itemCount { columnStart[i + 1] += columnStart[i] }
        var next = columnStart
        var columnUser = [Int32](repeating: 0, count: rowItem.count)
        var columnScore = [Double](repeating: 0, count: rowItem.count)
        for u in 0..<userCount {
            for p in rowStart[u]..<rowStart[u + 1] {
                let i = Int(rowItem[p])
                columnUser[next[i]] = Int32(u)
                columnScore[next[i]] = rowScore[p]
                next[i] += 1
            }
        }
        self.rowStart = rowStart
        self.rowItem = rowItem
        self.rowScore = rowScore
        self.rowEvents = rowEvents
        self.rowLastSeen = rowLastSeen
        self.columnStart = columnStart
        self.columnUser = columnUser
        self.columnScore = columnScore
    }

    /// The positions of user u's history in the row arrays.
    @inline(__always) func row(_ u: Int) -> Range<Int> { rowStart[u]..<rowStart[u + 1] }

    /// The positions of item i's viewers in the column arrays.
    @inline(__always) func column(_ i: Int) -> Range<Int> { columnStart[i]..<columnStart[i + 1] }

    /// Stored entries (user, item) pairs.
    public var nonZeroCount: Int { rowItem.count }
}
