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

    /// Builds R from the kept events, runs of users on `workers` cores.
    /// - Complexity: O(events × runs + users + items).
    public init(dataset: Dataset, weights: EventWeights, workers: Int = ProcessInfoCores.count) {
        let events = dataset.events
        userCount = dataset.users.count
        itemCount = dataset.items.count
        let typeWeights = dataset.eventTypes.map { weights.weight(of: $0) ?? 0 }
        var userEventStart = [Int](repeating: 0, count: userCount + 1)
        for u in events.user { userEventStart[Int(u) + 1] += 1 }
        for u in 0..<userCount { userEventStart[u + 1] += userEventStart[u] }
        let runs = Self.userRuns(userEventStart: userEventStart, workers: workers)
        let rows = Self.joined(parallelMap(count: runs.count, workers: workers, makeScratch: {}) { [itemCount] run, _ in
            Self.rows(of: runs[run], events: events, userEventStart: userEventStart, itemCount: itemCount,
                      typeWeights: typeWeights)
        })
        let (rowStart, rowItem, rowScore) = (rows.rowStart, rows.item, rows.score)

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
        self.rowEvents = rows.events
        self.rowLastSeen = rows.lastSeen
        self.columnStart = columnStart
        self.columnUser = columnUser
        self.columnScore = columnScore
    }

    /// `r(u,i)` from its terms `watch_seconds × weight`: added from 0 in
    /// ascending order of value, so the bits depend on the terms alone, not
    /// on the order of the rows they came from (docs/rules.md, "Row order").
    ///
    /// Terms with equal values have equal bits, apart from ±0, which leave a
    /// sum started at +0 as it is; so every ascending order gives the same
    /// sum. One or two terms need no sorting: `0 + a + b` is `b + a`.
    /// - Parameter terms: the terms, in any order; left sorted.
    /// - Complexity: O(n log n) for n terms; an insertion sort for the few
    ///   events a user mostly has on one item.
    public static func canonicalSum(_ terms: inout [Double]) -> Double {
        terms.withUnsafeMutableBufferPointer { terms in
            if terms.count > 16 {
                terms.sort()
            } else if terms.count > 2 {
                for i in 1..<terms.count {
                    let value = terms[i]
                    var j = i
                    while j > 0, terms[j - 1] > value {
                        terms[j] = terms[j - 1]
                        j -= 1
                    }
                    terms[j] = value
                }
            }
            var sum = 0.0
            for term in terms { sum += term }
            return sum
        }
    }

    /// The positions of user u's history in the row arrays.
    @inline(__always) func row(_ u: Int) -> Range<Int> { rowStart[u]..<rowStart[u + 1] }

    /// The positions of item i's viewers in the column arrays.
    @inline(__always) func column(_ i: Int) -> Range<Int> { columnStart[i]..<columnStart[i + 1] }

    /// Stored entries (user, item) pairs.
    public var nonZeroCount: Int { rowItem.count }
}
