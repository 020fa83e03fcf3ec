internal import CTileKernel

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
///
/// When the stored pairs fill enough of the rows the recommender walks (see
/// `prefersDense`) and items × items is small enough, a dense row-major copy of the same values is kept
/// too (`denseRows`), so the recommender can accumulate scores with a
/// branch-free, vectorised loop over whole rows. It is built from the sparse
/// rows after they are final and holds the same bits, with +0 elsewhere.
public struct ItemSimilarity: Sendable {
    /// Euclidean norm of each item's column.
    let norms: [Double]
    let rowStart: [Int]
    let neighbour: [Int32]
    let similarity: [Double]
    /// `sim(i,j)` at `i × itemCount + j` for i ≠ j (+0 where no pair is
    /// stored, and on the diagonal); empty when only the sparse rows are kept.
    let denseRows: [Double]
    /// Whether `Recommender.recommendAll` scores by `ColumnTileScorer`: rows
    /// mostly full where walked. The dense copy, when kept, then serves only
    /// one user at a time (`recommend(user:)`, `recsite serve`) and lookups:
    /// scoring every user, a tile in cache beats rows read from memory
    /// (M, 2 000 items: 0.36 s against 0.53 s, same bytes).
    let scoresByColumnTiles: Bool
    /// Whether row i's entry for j is row j's entry for i, bit for bit
    /// (every option but keeping the top N neighbours), so a column of the
    /// matrix can be read as a row.
    let isSymmetric: Bool

    /// Which storage to keep besides the sparse rows.
    enum Layout: Sendable {
        /// Dense rows when `prefersDense` says so.
        case automatic
        /// As `automatic`, but never the dense copy.
        case automaticWithoutDenseCopy
        /// Sparse rows only.
        case sparse
        /// Always the dense copy too (tests and measurements).
        case dense
        /// Sparse rows only, every user scored by column tiles (tests and measurements).
        case columnTiles
    }

    /// The largest dense copy kept automatically: 32 Mi cells = 256 MB.
    static let maxDenseCells = 32 << 20

    /// Dense rows pay off when the rows the recommender walks are mostly
    /// full. `fill` weighs each non-empty row by how often it is walked (the
    /// users with r(u,k) > 0): Σ uses·neighbours / Σ uses·items. Measured
    /// with 2 workers, the dense loop costs about 0.25 ns a cell when the
    /// matrix fits in the last-level cache and 1.5 ns from memory, the sparse
    /// walk 1.8 and 7 ns a pair, so they break even at a fill of about 1/7
    /// and 1/4; 1/3 keeps a margin.
    /// (The 2 000-item set M has a fill of 0.94: 83 % of the cells hold a
    /// pair, and the popular rows are the fullest.)
    static func prefersDense(itemCount: Int, fill: Double) -> Bool {
        guard itemCount > 0 else { return false }
        let (cells, overflow) = itemCount.multipliedReportingOverflow(by: itemCount)
        guard !overflow, cells <= maxDenseCells else { return false }
        return fill >= minimumDenseFill
    }

    /// The fill from which +0 cells cost less than the sparse walk's lookups.
    static let minimumDenseFill = 1.0 / 3

    /// Column tiles pay off for the same fill as dense rows: they add the
    /// same +0 cells, from a block that stays in cache, whatever the items. (The 10 000-item set L has a fill of 0.79: 42 % of the cells
    /// hold a pair.)
    static func prefersColumnTiles(fill: Double) -> Bool { fill >= minimumDenseFill }

    /// `prefersDense`'s fill for these rows and R.
    static func walkedFill(matrix: InteractionMatrix, rowStart: [Int]) -> Double {
        let n = matrix.itemCount
        var walked = 0.0, scanned = 0.0
        for k in 0..<n where rowStart[k] < rowStart[k + 1] {
            var uses = 0
            for p in matrix.column(k) where matrix.columnScore[p] > 0 { uses += 1 }
            walked += Double(uses) * Double(rowStart[k + 1] - rowStart[k])
            scanned += Double(uses) * Double(n)
        }
        return scanned > 0 ? walked / scanned : 0
    }

    /// Whether `denseRows` is kept.
    var hasDenseRows: Bool { !denseRows.isEmpty }

    /// - Parameters:
    ///   - matrix: R.
    ///   - options: `.spec` (the default) for SPEC §4; a variant otherwise.
    ///   - workers: how many items are computed at once.
    /// - Complexity: O(Σ_u |H(u)|²) time, plus O(neighbours × log neighbours)
    ///   per item with `options.neighbours`; O(items + similar pairs) memory,
    ///   plus items² doubles (at most 256 MB) when the dense copy is kept.
    ///   - keepsDenseCopy: false never keeps the dense copy, for a model
    ///     that only scores every user at once (`recommend --all`), which
    ///     reads column tiles or the sparse rows (M: 32 MB and 15–20 ms less).
    public init(matrix: InteractionMatrix, options: SimilarityOptions = .spec, workers: Int = ProcessInfoCores.count,
                keepsDenseCopy: Bool = true) {
        self.init(matrix: matrix, options: options, workers: workers,
                  layout: keepsDenseCopy ? .automatic : .automaticWithoutDenseCopy)
    }

    /// As the public initialiser, choosing whether to keep the dense copy
    /// and, for tests, whether rows track the items they touch (nil: as
    /// `tracksTouched(matrix:)` says).
    init(matrix: InteractionMatrix, options: SimilarityOptions = .spec, workers: Int = ProcessInfoCores.count,
         layout: Layout, tracksTouched: Bool? = nil) {
        let itemCount = matrix.itemCount
        let norms = Self.columnNorms(matrix: matrix)
        // Each pair once, in the row of its lower index: sim(i,k) and
        // sim(k,i) are the same bits (module comment), so the rows' lower
        // halves are the upper halves read down the columns.
        // Shrinkage counts common viewers per touched item, so it always tracks them.
        let tracksTouched = options.shrinkage > 0 || (tracksTouched ?? Self.tracksTouched(matrix: matrix))
        let upper: [(neighbours: [Int32], values: [Double])] = CooccurrenceMatrix.with(matrix) { layout in
            parallelMap(count: itemCount, workers: workers, makeScratch: {
                DotScratch(itemCount: itemCount, countsCommon: options.shrinkage > 0, tracksTouched: tracksTouched)
            }) { i, scratch in
                Self.similarities(of: i, matrix: layout, itemCount: itemCount, norms: norms, options: options,
                                  scratch: scratch)
            }
        }
        var (rowStart, neighbour, similarity) = Self.mirrored(upper, workers: workers)
        if let limit = options.neighbours {
            (rowStart, neighbour, similarity) = Self.keepingNearest(limit, rowStart: rowStart, neighbour: neighbour,
                                                                    similarity: similarity, workers: workers)
        }
        self.norms = norms
        self.rowStart = rowStart
        self.neighbour = neighbour
        self.similarity = similarity
        isSymmetric = options.neighbours == nil
        let dense: Bool
        switch layout {
        case .automatic, .automaticWithoutDenseCopy:
            let fill = Self.walkedFill(matrix: matrix, rowStart: rowStart)
            dense = layout == .automatic && Self.prefersDense(itemCount: itemCount, fill: fill)
            scoresByColumnTiles = Self.prefersColumnTiles(fill: fill)
        case .sparse: (dense, scoresByColumnTiles) = (false, false)
        case .dense: (dense, scoresByColumnTiles) = (itemCount > 0, false)
        case .columnTiles: (dense, scoresByColumnTiles) = (false, true)
        }
        denseRows = dense ? Self.denseCopy(itemCount: itemCount, rowStart: rowStart, neighbour: neighbour, similarity: similarity) : []
    }

    /// ‖R[:,i]‖ for every item, each sum in user order.
    static func columnNorms(matrix: InteractionMatrix) -> [Double] {
        (0..<matrix.itemCount).map { i in
            var sum = 0.0
            for p in matrix.column(i) { sum += matrix.columnScore[p] * matrix.columnScore[p] }
            return sum.squareRoot()
        }
    }

    /// The sparse rows scattered into a row-major items × items array.
    private static func denseCopy(itemCount n: Int, rowStart: [Int], neighbour: [Int32], similarity: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: n * n) { cells, initialized in
            cells.initialize(repeating: 0)
            for i in 0..<n {
                let base = i * n
                for q in rowStart[i]..<rowStart[i + 1] { cells[base + Int(neighbour[q])] = similarity[q] }
            }
            initialized = n * n
        }
    }

    /// The positions of item i's neighbours in `neighbour` and `similarity`.
    @inline(__always) func row(_ i: Int) -> Range<Int> { rowStart[i]..<rowStart[i + 1] }

    /// `sim(i,j)`, 0 when they share no viewer or either norm is 0.
    /// - Complexity: O(1) with dense rows, else O(log neighbours of i).
    public func value(_ i: Int, _ j: Int) -> Double {
        if i == j { return norms[i] > 0 ? 1 : 0 }
        if !denseRows.isEmpty { return denseRows[i * norms.count + j] }
        let q = neighbour.firstIndex(notBelow: Int32(j), in: row(i))
        return q < rowStart[i + 1] && neighbour[q] == Int32(j) ? similarity[q] : 0
    }

    /// Number of stored (ordered) similar pairs.
    public var pairCount: Int { neighbour.count }

    /// One worker's buffers for `similarities(of:)`, each as long as the items.
    final class DotScratch {
        let dot: UnsafeMutableBufferPointer<Double>
        /// Users with both r non-zero, per touched item; only for shrinkage.
        let common: UnsafeMutableBufferPointer<Int32>?
        /// Which items are in `touched`; only when touched items are tracked.
        let marked: UnsafeMutableBufferPointer<UInt8>?
        let touched: UnsafeMutableBufferPointer<Int32>
        let neighbours: UnsafeMutableBufferPointer<Int32>
        let values: UnsafeMutableBufferPointer<Double>

        init(itemCount: Int, countsCommon: Bool, tracksTouched: Bool) {
            func zeroed<T: FixedWidthInteger>(_: T.Type) -> UnsafeMutableBufferPointer<T> {
                let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: itemCount)
                buffer.initialize(repeating: 0)
                return buffer
            }
            dot = .allocate(capacity: itemCount)
            dot.initialize(repeating: 0)
            common = countsCommon ? zeroed(Int32.self) : nil
            marked = tracksTouched ? zeroed(UInt8.self) : nil
            touched = .allocate(capacity: itemCount)
            neighbours = .allocate(capacity: itemCount)
            values = .allocate(capacity: itemCount)
        }

        deinit {
            for buffer in [UnsafeMutableRawBufferPointer(dot), UnsafeMutableRawBufferPointer(touched),
                           UnsafeMutableRawBufferPointer(neighbours), UnsafeMutableRawBufferPointer(values)] {
                buffer.deallocate()
            }
            common?.deallocate()
            marked?.deallocate()
        }
    }

    /// Whether the items each row touches need tracking (without
    /// shrinkage): not when scanning every item above a row costs less than
    /// its products anyway (the items² / 2 cells of all rows against
    /// Σ_u |H(u)|² / 2 products).
    static func tracksTouched(matrix: InteractionMatrix) -> Bool {
        var products = 0.0
        for u in 0..<matrix.userCount {
            let h = Double(matrix.rowStart[u + 1] - matrix.rowStart[u])
            products += h * h
        }
        let cells = Double(matrix.itemCount) * Double(matrix.itemCount)
        return cells > 4 * products
    }

    /// Row i's similar items k > i, ascending, with their similarities.
    private static func similarities(
        of i: Int, matrix: CooccurrenceMatrix, itemCount: Int, norms: [Double], options: SimilarityOptions,
        scratch: DotScratch
    ) -> ([Int32], [Double]) {
        guard norms[i] > 0 else { return ([], []) }
        let common = scratch.common?.baseAddress, marked = scratch.marked?.baseAddress
        let touchedCount = withUnsafePointer(to: matrix.layout) { layout in
            recsite_cooccurrence(layout, i, scratch.dot.baseAddress!, common, marked, scratch.touched.baseAddress!)
        }
        // Ascending order: by sorting the touched items, or, when they are
        // many or untracked, by scanning every item above i for a non-zero
        // dot (an item touched but summing to 0 gives sim 0 either way,
        // which is not kept).
        let scans = marked == nil || (touchedCount * 16 > itemCount - i && common == nil)
        if !scans {
            var touched = UnsafeMutableBufferPointer(rebasing: scratch.touched[..<touchedCount])
            touched.sort()
        }
        let count = norms.withUnsafeBufferPointer { norms in
            recsite_similarity_row(i, itemCount, norms.baseAddress!, options.shrinkage, scratch.dot.baseAddress!,
                                   common, marked, scans ? nil : UnsafePointer(scratch.touched.baseAddress!),
                                   touchedCount, scratch.neighbours.baseAddress!, scratch.values.baseAddress!)
        }
        return (Array(scratch.neighbours[..<count]), Array(scratch.values[..<count]))
    }

    /// The `limit` most similar entries of a row (similarity descending, then
    /// index ascending), returned in ascending index order.
    static func nearest(_ limit: Int, of row: ([Int32], [Double])) -> ([Int32], [Double]) {
        let best = row.0.indices.sorted { a, b in
            row.1[a] != row.1[b] ? row.1[a] > row.1[b] : row.0[a] < row.0[b]
        }.prefix(limit).sorted()
        return (best.map { row.0[$0] }, best.map { row.1[$0] })
    }
}
