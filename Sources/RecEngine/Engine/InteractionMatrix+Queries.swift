/// The questions other modules ask of R, answered without handing out the
/// storage arrays.
extension InteractionMatrix {
    /// |H(u)|: how many items user u has at least one kept event on.
    /// - Parameter u: a user index.
    /// - Returns: the number of stored entries in u's row.
    /// - Complexity: O(1).
    public func historyCount(user u: Int) -> Int { rowStart[u + 1] - rowStart[u] }

    /// How many users have item i in their history (SPEC §6's `viewers(i)`).
    /// - Parameter i: an item index.
    /// - Returns: the number of stored entries in i's column.
    /// - Complexity: O(1).
    public func viewerCount(of i: Int) -> Int { columnStart[i + 1] - columnStart[i] }

    /// Calls `body` with each entry of H(u) in stored order: item index
    /// ascending (= ID order), so sums over it match the engine's own bits.
    /// - Parameters:
    ///   - u: a user index.
    ///   - body: receives each history entry.
    /// - Complexity: O(|H(u)|).
    public func forEachHistoryEntry(user u: Int, _ body: (HistoryEntry) throws -> Void) rethrows {
        for p in row(u) { try body(historyEntry(at: p)) }
    }

    /// The `limit` viewers of item i with the highest `r(u,i)`, then user ID
    /// order (users are indexed in ID order).
    /// - Parameters:
    ///   - i: an item index.
    ///   - limit: the most viewers to return.
    /// - Returns: each viewer with `r(u,i)`, its events and latest event time.
    /// - Complexity: O(v log v + limit × log |H(u)|) for v viewers of i.
    public func topViewers(of i: Int, limit: Int) -> [ItemViewer] {
        let top = column(i).sorted { a, b in
            let (ra, rb) = (columnScore[a], columnScore[b])
            return ra != rb ? ra > rb : columnUser[a] < columnUser[b]
        }.prefix(max(0, limit))
        return top.map { p in
            let u = Int(columnUser[p])
            let q = position(of: Int32(i), inRowOf: u)
            return ItemViewer(user: u, score: columnScore[p], events: Int(rowEvents[q]), lastWatched: rowLastSeen[q])
        }
    }

    /// The history entry at position p of the row arrays.
    @inline(__always) func historyEntry(at p: Int) -> HistoryEntry {
        HistoryEntry(item: rowItem[p], score: rowScore[p], events: Int(rowEvents[p]), lastWatched: rowLastSeen[p])
    }

    /// Whether `item` is in H(u).
    /// - Complexity: O(log |H(u)|).
    func history(of u: Int, contains item: Int32) -> Bool {
        let p = position(of: item, inRowOf: u)
        return p < rowStart[u + 1] && rowItem[p] == item
    }

    /// A row's items ascend, so the entry of (u, i) is found by bisection:
    /// the position of `item`, or of the first larger item, or the row's end.
    private func position(of item: Int32, inRowOf u: Int) -> Int {
        rowItem.firstIndex(notBelow: item, in: row(u))
    }
}
