/// Every user's best cf candidates, scored a tile of `width` item columns at
/// a time, for a similarity too large to keep dense but mostly full where
/// the histories walk it (10 000 items: 42 % of the pairs, 79 % of the
/// cells walked).
///
/// For each tile of columns j0..<j0+width, the tile's cells of every
/// similarity row are scattered into a small dense block (items × width
/// doubles, about 1.3 MB at 10 000 items, so it stays in the core's cache;
/// for a symmetric similarity from the tile's own rows, read in order),
/// then each user's scores for those columns are summed in registers over
/// the history in ID order and offered to the user's `TopK`. The sparse walk
/// instead scatters into a score array per user and reads every row from
/// memory once per user; here a row's cells are read from cache.
///
/// Bits: each score gets its terms `sim(j,k) · r(u,k)` in ascending k, as in
/// the sparse walk, plus `+0 · r = +0` for every j that is not a neighbour of
/// k; every term is ≥ +0, so the sum never is -0 or NaN and `x + (+0) == x`
/// bit for bit. An infinite r would make `0 · r` NaN, so its zero cells add
/// nothing instead.
enum ColumnTileScorer {
    /// Columns per tile: two `SIMD8<Double>` accumulators.
    static let width = 16

    /// One user's best candidates, score descending then ID order, each
    /// with its top contribution (`Recommender.topContribution`).
    struct Candidates {
        var entries: [(item: Int32, score: Double)]
        var reasons: [Contribution?]
    }

    /// The best `k` candidates of every user with score > 0 outside H(u),
    /// in user order; users are split into one contiguous range per worker.
    /// - Complexity: O(tiles × (items + users) + pairs + Σ_u |H(u)| × items)
    ///   time; O(items × width + users × k) memory besides the model.
    static func best(matrix: InteractionMatrix, similarity: ItemSimilarity, k: Int, workers: Int) -> [Candidates] {
        let users = matrix.userCount
        let parts = max(1, min(workers, users))
        let ranges: [[Candidates]] = parallelMap(count: parts, workers: parts, makeScratch: {}) { part, _ in
            best(users: users * part / parts..<users * (part + 1) / parts, matrix: matrix, similarity: similarity, k: k)
        }
        return ranges.flatMap { $0 }
    }

    private static func best(users: Range<Int>, matrix: InteractionMatrix, similarity: ItemSimilarity,
                             k: Int) -> [Candidates] {
        var best = users.map { _ in TopK(capacity: k) }
        // Each list's `lowestAdmissibleScore`, kept beside it: most (user,
        // tile) pairs end at the test against it, without touching the list.
        var floors = [Double](repeating: -.infinity, count: users.count)
        let n = matrix.itemCount
        var tile = [Double](repeating: 0, count: n * width)
        matrix.rowStart.withUnsafeBufferPointer { rowStart in
        matrix.rowItem.withUnsafeBufferPointer { rowItem in
        matrix.rowScore.withUnsafeBufferPointer { rowScore in
        floors.withUnsafeMutableBufferPointer { floors in
            forEachTile(&tile, itemCount: n, similarity: similarity) { tile, j0 in
                for offset in 0..<users.count {
                    let u = users.lowerBound + offset
                    let (low, high) = scores(of: rowStart[u]..<rowStart[u + 1], tile: tile, rowItem: rowItem,
                                             rowScore: rowScore)
                    // Most tiles hold nothing a full list admits: test all lanes at once first.
                    let floor = SIMD8<Double>(repeating: floors[offset])
                    guard any((low .>= floor) .& (low .> 0)) || any((high .>= floor) .& (high .> 0)) else { continue }
                    offer(low, high, user: u, firstColumn: j0, itemCount: n, matrix: matrix, to: &best[offset])
                    floors[offset] = best[offset].lowestAdmissibleScore
                }
            }
        }
        }
        }
        }
        // The reasons, read from the tiles again rather than by a binary
        // search of a sparse row per (history item, candidate).
        var candidates = best.map { Candidates(entries: $0.sorted, reasons: []) }
        var byTile = [[(user: Int32, slot: Int32)]](repeating: [], count: (n + width - 1) / width)
        for (offset, list) in candidates.enumerated() {
            candidates[offset].reasons = [Contribution?](repeating: nil, count: list.entries.count)
            for (slot, entry) in list.entries.enumerated() {
                byTile[Int(entry.item) / width].append((Int32(offset), Int32(slot)))
            }
        }
        forEachTile(&tile, itemCount: n, similarity: similarity) { tile, j0 in
            for (offset, slot) in byTile[j0 / width] {
                let (u, entry) = (users.lowerBound + Int(offset), candidates[Int(offset)].entries[Int(slot)])
                let column = Int(entry.item) - j0
                candidates[Int(offset)].reasons[Int(slot)] = Recommender.topContribution(
                    matrix: matrix, user: u, item: Int(entry.item), score: entry.score) { k in
                    tile[Int(k) * width + column]
                }
            }
        }
        return candidates
    }

    /// Calls `body` with each tile of columns in turn and its first column.
    private static func forEachTile(_ tile: inout [Double], itemCount n: Int, similarity: ItemSimilarity,
                                    _ body: (UnsafePointer<Double>, Int) -> Void) {
        // Where each similarity row's next tile starts: rows hold ascending neighbours.
        var cursor = similarity.isSymmetric ? [] : Array(similarity.rowStart.dropLast())
        var j0 = 0
        while j0 < n {
            if similarity.isSymmetric {
                fillFromRows(&tile, columns: j0..<min(j0 + width, n), similarity: similarity)
            } else {
                fill(&tile, columns: j0..<min(j0 + width, n), similarity: similarity, cursor: &cursor)
            }
            tile.withUnsafeBufferPointer { body($0.baseAddress!, j0) }
            j0 += width
        }
    }

    /// `fill` for a symmetric similarity: column j is row j, so the tile is
    /// written from its columns' rows, read front to back. (Walking every
    /// row's cursor instead reads 10 000 places of a 500 MB array per tile
    /// and waited on memory for most of L's recommend step.)
    private static func fillFromRows(_ tile: inout [Double], columns: Range<Int>, similarity: ItemSimilarity) {
        let j0 = columns.lowerBound
        tile.withUnsafeMutableBufferPointer { tile in
        similarity.rowStart.withUnsafeBufferPointer { rowStart in
        similarity.neighbour.withUnsafeBufferPointer { neighbour in
        similarity.similarity.withUnsafeBufferPointer { values in
            tile.update(repeating: 0)
            for j in columns {
                for q in rowStart[j]..<rowStart[j + 1] {
                    tile[Int(neighbour[q]) * width + j - j0] = values[q]
                }
            }
        }
        }
        }
        }
    }

    /// Row k's cells of `columns` at `tile[k × width + (j - j0)]`, +0 elsewhere.
    private static func fill(_ tile: inout [Double], columns: Range<Int>, similarity: ItemSimilarity,
                             cursor: inout [Int]) {
        let end = Int32(columns.upperBound), j0 = columns.lowerBound
        tile.withUnsafeMutableBufferPointer { tile in
        similarity.rowStart.withUnsafeBufferPointer { rowStart in
        similarity.neighbour.withUnsafeBufferPointer { neighbour in
        similarity.similarity.withUnsafeBufferPointer { values in
            tile.update(repeating: 0)
            for k in 0..<cursor.count {
                var q = cursor[k]
                let rowEnd = rowStart[k + 1]
                while q < rowEnd, neighbour[q] < end {
                    tile[k * width + Int(neighbour[q]) - j0] = values[q]
                    q += 1
                }
                cursor[k] = q
            }
        }
        }
        }
        }
    }

    /// The tile's 16 scores of the history at `positions`, in registers,
    /// each summed over the history in ID order.
    @inline(__always)
    private static func scores(of positions: Range<Int>, tile: UnsafePointer<Double>,
                               rowItem: UnsafeBufferPointer<Int32>, rowScore: UnsafeBufferPointer<Double>)
        -> (SIMD8<Double>, SIMD8<Double>) {
        var low = SIMD8<Double>(), high = SIMD8<Double>()
        for p in positions {
            let r = rowScore[p]
            guard r > 0 else { continue }
            let cells = UnsafeRawPointer(tile + Int(rowItem[p]) * width)
            let a = cells.loadUnaligned(as: SIMD8<Double>.self)
            let b = cells.loadUnaligned(fromByteOffset: 64, as: SIMD8<Double>.self)
            let rs = SIMD8<Double>(repeating: r)
            if r.isFinite {
                low += a * rs
                high += b * rs
            } else {
                low += (a * rs).replacing(with: 0, where: a .== 0)
                high += (b * rs).replacing(with: 0, where: b .== 0)
            }
        }
        return (low, high)
    }

    /// Offers user u's scores of the tile's columns to `best`: those > 0,
    /// admitted by the list, and outside H(u).
    private static func offer(_ low: SIMD8<Double>, _ high: SIMD8<Double>, user u: Int, firstColumn j0: Int,
                              itemCount n: Int, matrix: InteractionMatrix, to best: inout TopK) {
        for t in 0..<min(width, n - j0) {
            let s = t < 8 ? low[t] : high[t - 8]
            let j = Int32(j0 + t)
            if s > 0, best.admits(item: j, score: s), !matrix.history(of: u, contains: j) {
                best.insert(item: j, score: s)
            }
        }
    }
}
