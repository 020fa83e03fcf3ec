import RecEngine

/// Every similarity a results folder states, with where it says so, so
/// that two lines giving one pair different values are caught.
struct PairCollector {
    struct Stated {
        let pair: (first: Int32, second: Int32)
        let similarity: Double
        /// The file's path (one shared string per file) and the line.
        let file: String
        let line: Int
        var origin: String { "\(file):\(line)" }
    }

    private var stated: [Stated] = []

    /// Notes `sim(a, b)` as line `line` of `file` states it (a ≠ b).
    mutating func add(_ a: Int32, _ b: Int32, similarity: Double, file: String, line: Int) {
        stated.append(Stated(pair: (min(a, b), max(a, b)), similarity: similarity, file: file, line: line))
    }

    /// Each pair once.
    /// - Throws: `RecSiteError.invalidResults` when two lines disagree on a pair's bits.
    /// - Complexity: O(p log p).
    func distinctPairs(items: [Item]) throws -> [ItemSimilarity.KnownPair] {
        let sorted = stated.sorted { $0.pair.first != $1.pair.first ? $0.pair.first < $1.pair.first : $0.pair.second < $1.pair.second }
        var distinct: [ItemSimilarity.KnownPair] = []
        distinct.reserveCapacity(sorted.count)
        var previous: Stated?
        for entry in sorted {
            if let previous, previous.pair == entry.pair {
                guard previous.similarity.bitPattern == entry.similarity.bitPattern else {
                    let (a, b) = (items[Int(entry.pair.first)].id, items[Int(entry.pair.second)].id)
                    throw RecSiteError.invalidResults(
                        path: entry.origin, reason: "sim(\(a), \(b)) is \(NumberFormat.exact(entry.similarity)), "
                            + "but \(previous.origin) gives \(NumberFormat.exact(previous.similarity))")
                }
                continue
            }
            distinct.append(ItemSimilarity.KnownPair(first: entry.pair.first, second: entry.pair.second,
                                                     similarity: entry.similarity))
            previous = entry
        }
        return distinct
    }
}
