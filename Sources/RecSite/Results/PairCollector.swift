import RecEngine

/// Every similarity a results folder states, with where it says so, so
/// that two lines giving one pair different values are caught.
struct PairCollector {
    /// One statement, kept small and free of references (M states 3 million).
    struct Stated {
        /// first << 32 | second, first < second: sorts by pair.
        let pair: UInt64
        let similarity: Double
        let line: Int32
        let file: UInt8
    }

    private var stated: [Stated] = []
    private var files: [String] = []

    /// Notes `sim(a, b)` as line `line` of `file` states it (a ≠ b).
    mutating func add(_ a: Int32, _ b: Int32, similarity: Double, file: String, line: Int) {
        if files.last != file { files.append(file) }
        let pair = UInt64(UInt32(min(a, b))) << 32 | UInt64(UInt32(max(a, b)))
        stated.append(Stated(pair: pair, similarity: similarity, line: Int32(clamping: line), file: UInt8(files.count - 1)))
    }

    /// Each pair once.
    /// - Throws: `RecSiteError.invalidResults` when two lines disagree on a pair's bits.
    /// - Complexity: O(p log p).
    func distinctPairs(items: [Item]) throws -> [ItemSimilarity.KnownPair] {
        let sorted = stated.sorted { $0.pair < $1.pair }
        var distinct: [ItemSimilarity.KnownPair] = []
        distinct.reserveCapacity(sorted.count / 2)
        var previous: Stated?
        for entry in sorted {
            let (first, second) = (Int32(entry.pair >> 32), Int32(truncatingIfNeeded: entry.pair))
            if let previous, previous.pair == entry.pair {
                guard previous.similarity.bitPattern == entry.similarity.bitPattern else {
                    throw RecSiteError.invalidResults(
                        path: origin(entry), reason: "sim(\(items[Int(first)].id), \(items[Int(second)].id)) is "
                            + "\(NumberFormat.exact(entry.similarity)), but \(origin(previous)) gives "
                            + NumberFormat.exact(previous.similarity))
                }
                continue
            }
            distinct.append(ItemSimilarity.KnownPair(first: first, second: second, similarity: entry.similarity))
            previous = entry
        }
        return distinct
    }

    private func origin(_ entry: Stated) -> String { "\(files[Int(entry.file)]):\(entry.line)" }
}
