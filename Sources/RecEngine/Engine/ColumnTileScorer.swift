internal import CTileKernel

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
    /// Columns per tile: two 8-lane accumulators (`RECSITE_TILE_WIDTH`).
    static let width = Int(RECSITE_TILE_WIDTH)

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
        let tile = Tile(itemCount: n)
        defer { tile.deallocate() }
        // The users whose lists a tile's scores could enter, and those scores.
        var admitted = [Int32](repeating: 0, count: users.count)
        var admittedScores = [Double](repeating: 0, count: users.count * width)
        matrix.rowStart.withUnsafeBufferPointer { rowStart in
        matrix.rowItem.withUnsafeBufferPointer { rowItem in
        matrix.rowScore.withUnsafeBufferPointer { rowScore in
        floors.withUnsafeMutableBufferPointer { floors in
        admitted.withUnsafeMutableBufferPointer { admitted in
        admittedScores.withUnsafeMutableBufferPointer { admittedScores in
            forEachTile(tile, itemCount: n, similarity: similarity) { tile, j0 in
                let kept = recsite_tile_candidates(
                    tile, rowStart.baseAddress! + users.lowerBound, rowItem.baseAddress!, rowScore.baseAddress!,
                    users.count, floors.baseAddress!, admitted.baseAddress!, admittedScores.baseAddress!)
                for index in 0..<kept {
                    let offset = Int(admitted[index])
                    offer(admittedScores.baseAddress! + index * width, user: users.lowerBound + offset,
                          firstColumn: j0, itemCount: n, matrix: matrix, to: &best[offset])
                    floors[offset] = best[offset].lowestAdmissibleScore
                }
            }
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
        forEachTile(tile, itemCount: n, similarity: similarity) { tile, j0 in
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
    private static func forEachTile(_ tile: Tile, itemCount n: Int, similarity: ItemSimilarity,
                                    _ body: (UnsafePointer<Double>, Int) -> Void) {
        // Where each similarity row's next tile starts: rows hold ascending neighbours.
        var cursor = similarity.isSymmetric ? [] : Array(similarity.rowStart.dropLast())
        var j0 = 0
        while j0 < n {
            if similarity.isSymmetric {
                fillFromRows(tile, columns: j0..<min(j0 + width, n), similarity: similarity)
            } else {
                fill(tile, columns: j0..<min(j0 + width, n), similarity: similarity, cursor: &cursor)
            }
            body(UnsafePointer(tile.cells.baseAddress!), j0)
            j0 += width
        }
    }

    /// `fill` for a symmetric similarity: column j is row j, so the tile is
    /// written from its columns' rows, read front to back. (Walking every
    /// row's cursor instead reads 10 000 places of a 500 MB array per tile
    /// and waited on memory for most of L's recommend step.)
    private static func fillFromRows(_ tile: Tile, columns: Range<Int>, similarity: ItemSimilarity) {
        let j0 = columns.lowerBound, cells = tile.cells
        similarity.rowStart.withUnsafeBufferPointer { rowStart in
        similarity.neighbour.withUnsafeBufferPointer { neighbour in
        similarity.similarity.withUnsafeBufferPointer { values in
            cells.update(repeating: 0)
            for j in columns {
                for q in rowStart[j]..<rowStart[j + 1] {
                    cells[Int(neighbour[q]) * width + j - j0] = values[q]
                }
            }
        }
        }
        }
    }

    /// Row k's cells of `columns` at `tile[k × width + (j - j0)]`, +0 elsewhere.
    private static func fill(_ tile: Tile, columns: Range<Int>, similarity: ItemSimilarity, cursor: inout [Int]) {
        let end = Int32(columns.upperBound), j0 = columns.lowerBound, cells = tile.cells
        similarity.rowStart.withUnsafeBufferPointer { rowStart in
        similarity.neighbour.withUnsafeBufferPointer { neighbour in
        similarity.similarity.withUnsafeBufferPointer { values in
            cells.update(repeating: 0)
            for k in 0..<cursor.count {
                var q = cursor[k]
                let rowEnd = rowStart[k + 1]
                while q < rowEnd, neighbour[q] < end {
                    cells[k * width + Int(neighbour[q]) - j0] = values[q]
                    q += 1
                }
                cursor[k] = q
            }
        }
        }
        }
    }

    /// Offers user u's scores of the tile's columns to `best`: those > 0,
    /// admitted by the list, and outside H(u).
    private static func offer(_ scores: UnsafePointer<Double>, user u: Int, firstColumn j0: Int,
                              itemCount n: Int, matrix: InteractionMatrix, to best: inout TopK) {
        for t in 0..<min(width, n - j0) {
            let s = scores[t]
            let j = Int32(j0 + t)
            if s > 0, best.admits(item: j, score: s), !matrix.history(of: u, contains: j) {
                best.insert(item: j, score: s)
            }
        }
    }
}
