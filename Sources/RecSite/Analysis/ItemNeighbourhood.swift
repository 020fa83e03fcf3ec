import RecEngine

/// Per-item lists for the item pages: the most similar items and the top
/// viewers, read straight from the sparse similarity rows and R's columns.
public enum ItemNeighbourhood {
    public struct Neighbour: Sendable, Equatable {
        public let item: Int
        public let similarity: Double
    }

    public struct Viewer: Sendable, Equatable {
        public let user: Int
        /// `r(u,i)`.
        public let score: Double
        public let events: Int
        /// UTC seconds of the user's latest event on the item.
        public let lastWatched: Int64
    }

    /// The `limit` items most similar to item i: similarity descending, then
    /// ID order (items are indexed in ID order). Only items with sim > 0.
    /// - Complexity: O(n log n) for n neighbours of i.
    public static func mostSimilar(to i: Int, in similarity: ItemSimilarity, limit: Int) -> [Neighbour] {
        similarity.row(i).map { Neighbour(item: Int(similarity.neighbour[$0]), similarity: similarity.similarity[$0]) }
            .sorted { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.item < $1.item }
            .prefix(limit).map { $0 }
    }

    /// The `limit` viewers of item i with the highest `r(u,i)`, then user ID order.
    /// - Complexity: O(v log v + limit × log |H(u)|) for v viewers of i.
    public static func topViewers(of i: Int, in matrix: InteractionMatrix, limit: Int) -> [Viewer] {
        let top = matrix.column(i).sorted { a, b in
            let (ra, rb) = (matrix.columnScore[a], matrix.columnScore[b])
            return ra != rb ? ra > rb : matrix.columnUser[a] < matrix.columnUser[b]
        }.prefix(limit)
        return top.map { p in
            let u = Int(matrix.columnUser[p])
            let q = position(of: Int32(i), inRowOf: u, matrix: matrix)
            return Viewer(user: u, score: matrix.columnScore[p], events: Int(matrix.rowEvents[q]),
                          lastWatched: matrix.rowLastSeen[q])
        }
    }

    /// A row's items ascend, so the entry of (u, i) is found by bisection.
    private static func position(of item: Int32, inRowOf u: Int, matrix: InteractionMatrix) -> Int {
        var lo = matrix.rowStart[u], hi = matrix.rowStart[u + 1]
        while lo < hi {
            let mid = (lo + hi) / 2
            if matrix.rowItem[mid] < item { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
