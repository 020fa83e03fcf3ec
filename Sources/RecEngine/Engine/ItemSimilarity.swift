/// Cosine similarity between item columns of R (SPEC §4), kept sparse: for
/// each item, the other items it shares at least one viewer with and a
/// positive similarity, in ascending index order.
///
/// Built from co-occurrence over users' histories, never as a dense
/// items × items matrix. Each dot product sums over users in ascending order,
/// so `sim(i,j)` and `sim(j,i)` are the same bits.
///
/// `SimilarityOptions` other than `.spec` give the variants compared by
/// `recsite evaluate`. Shrinkage keeps the matrix symmetric; keeping the top
/// N neighbours does not: row i then holds i's own N nearest items.
public struct ItemSimilarity: Sendable {
    /// Euclidean norm of each item's column.
    public let norms: [Double]
    public let rowStart: [Int]
    public let neighbour: [Int32]
    public let similarity: [Double]

    /// - Parameters:
    ///   - matrix: R.
    ///   - options: `.spec` (the default) for SPEC §4; a variant otherwise.
    ///   - workers: how many items are computed at once.
    /// - Complexity: O(Σ_u |H(u)|²) time, plus O(neighbours × log neighbours)
    ///   per item with `options.neighbours`; O(items + similar pairs) memory.
    public init(matrix: InteractionMatrix, options: SimilarityOptions = .spec, workers: Int = ProcessInfoCores.count) {
        let itemCount = matrix.itemCount
        var norms = [Double](repeating: 0, count: itemCount)
        for i in 0..<itemCount {
            var sum = 0.0
            for p in matrix.column(i) { sum += matrix.columnScore[p] * matrix.columnScore[p] }
            norms[i] = sum.squareRoot()
        }
        let rows: [(neighbours: [Int32], values: [Double])] = parallelMap(
            count: itemCount, workers: workers,
            makeScratch: { DotScratch(itemCount: itemCount, countsCommon: options.shrinkage > 0) }
        ) { i, scratch in
            let row = Self.similarities(of: i, matrix: matrix, norms: norms, options: options, scratch: &scratch)
            guard let limit = options.neighbours, row.0.count > limit else { return row }
            return Self.nearest(limit, of: row)
        }
        var rowStart = [Int](repeating: 0, count: itemCount + 1)
        for i in 0..<itemCount { rowStart[i + 1] = rowStart[i] + rows[i].neighbours.count }
        var neighbour: [Int32] = [], similarity: [Double] = []
        neighbour.reserveCapacity(rowStart[itemCount])
        similarity.reserveCapacity(rowStart[itemCount])
        for row in rows {
            neighbour.append(contentsOf: row.neighbours)
            similarity.append(contentsOf: row.values)
        }
        self.norms = norms
        self.rowStart = rowStart
        self.neighbour = neighbour
        self.similarity = similarity
    }

    /// The positions of item i's neighbours in `neighbour` and `similarity`.
    @inline(__always) public func row(_ i: Int) -> Range<Int> { rowStart[i]..<rowStart[i + 1] }

    /// `sim(i,j)`, 0 when they share no viewer or either norm is 0.
    /// - Complexity: O(log neighbours of i).
    public func value(_ i: Int, _ j: Int) -> Double {
        if i == j { return norms[i] > 0 ? 1 : 0 }
        var lo = rowStart[i], hi = rowStart[i + 1]
        let target = Int32(j)
        while lo < hi {
            let mid = (lo + hi) / 2
            if neighbour[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < rowStart[i + 1] && neighbour[lo] == target ? similarity[lo] : 0
    }

    /// Number of stored (ordered) similar pairs.
    public var pairCount: Int { neighbour.count }

    struct DotScratch {
        var dot: [Double]
        var touched: [Int32] = []
        /// Users with both r non-zero, per touched item; only for shrinkage.
        var common: [Int32]
        init(itemCount: Int, countsCommon: Bool = false) {
            dot = [Double](repeating: 0, count: itemCount)
            common = countsCommon ? [Int32](repeating: 0, count: itemCount) : []
        }
    }

    private static func similarities(
        of i: Int, matrix: InteractionMatrix, norms: [Double], options: SimilarityOptions, scratch: inout DotScratch
    ) -> ([Int32], [Double]) {
        guard norms[i] > 0 else { return ([], []) }
        let shrinks = options.shrinkage > 0
        scratch.touched.removeAll(keepingCapacity: true)
        for p in matrix.column(i) {
            let ri = matrix.columnScore[p]
            guard ri != 0 else { continue }
            let u = Int(matrix.columnUser[p])
            for q in matrix.row(u) {
                let k = Int(matrix.rowItem[q])
                let product = ri * matrix.rowScore[q]
                guard k != i, product != 0 else { continue }
                if scratch.dot[k] == 0 { scratch.touched.append(Int32(k)) }
                scratch.dot[k] += product
                if shrinks { scratch.common[k] += 1 }
            }
        }
        scratch.touched.sort()
        var neighbours: [Int32] = [], values: [Double] = []
        neighbours.reserveCapacity(scratch.touched.count)
        values.reserveCapacity(scratch.touched.count)
        for k in scratch.touched {
            let dot = scratch.dot[Int(k)]
            scratch.dot[Int(k)] = 0
            var sim = dot / (norms[i] * norms[Int(k)])
            if shrinks {
                let n = Double(scratch.common[Int(k)])
                scratch.common[Int(k)] = 0
                sim *= n / (n + options.shrinkage)
            }
            if sim > 0 {
                neighbours.append(k)
                values.append(sim)
            }
        }
        return (neighbours, values)
    }

    /// The `limit` most similar entries of a row (similarity descending, then
    /// index ascending), returned in ascending index order.
    private static func nearest(_ limit: Int, of row: ([Int32], [Double])) -> ([Int32], [Double]) {
        let best = row.0.indices.sorted { a, b in
            row.1[a] != row.1[b] ? row.1[a] > row.1[b] : row.0[a] < row.0[b]
        }.prefix(limit).sorted()
        return (best.map { row.0[$0] }, best.map { row.1[$0] })
    }
}
