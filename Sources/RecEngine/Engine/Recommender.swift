/// Item-based collaborative filtering over a built model (SPEC §5).
///
/// `score(u,j) = Σ_{k ∈ H(u), r(u,k) > 0} sim(j,k) · r(u,k)`, accumulated by
/// walking each history item's similarity row; the sum runs over k in
/// ascending ID order so every score is bit-stable.
public struct Recommender: Sendable {
    public let matrix: InteractionMatrix
    public let similarity: ItemSimilarity
    public let popularity: Popularity

    public init(matrix: InteractionMatrix, similarity: ItemSimilarity, popularity: Popularity) {
        self.matrix = matrix
        self.similarity = similarity
        self.popularity = popularity
    }

    /// Reusable per-worker buffers, sized to the catalogue.
    public struct Scratch {
        var score: [Double]
        var inHistory: [Bool]
        var touched: [Int32] = []
        /// The dense rows one user adds (see `accumulateDenseScores`).
        var rows: [(offset: Int, r: Double)] = []
        public init(itemCount: Int) {
            score = [Double](repeating: 0, count: itemCount)
            inHistory = [Bool](repeating: false, count: itemCount)
        }
    }

    /// The top `k` recommendations of user u: cf by score descending then ID
    /// order, filled with popular items not in H(u) when fewer than k score > 0.
    /// - Complexity: O(|H(u)| × items) with dense similarity rows, else
    ///   O(Σ_{k∈H(u)} neighbours(k)); plus O(candidates + k²) for the list
    ///   (O(candidates × log candidates) for k > 64) and O(items) for the fill.
    public func recommend(user u: Int, k: Int, scratch: inout Scratch) -> [Recommendation] {
        // A list never holds more than the catalogue. Clamping k keeps the
        // buffers below small when k is huge, and stops `k + 1` overflowing.
        let k = min(k, matrix.itemCount)
        guard k > 0 else { return [] }
        return markingHistory(of: u, in: &scratch) { scratch in
            var best = TopK(capacity: k)
            if similarity.hasDenseRows {
                if accumulateDenseScores(user: u, scratch: &scratch) {
                    collectEveryCandidate(into: &best, scratch: &scratch)
                }
            } else {
                accumulateSparseScores(user: u, scratch: &scratch)
                collectTouchedCandidates(into: &best, scratch: &scratch)
            }
            return list(user: u, best: best.sorted, k: k, scratch: scratch)
        }
    }

    /// `body` with `scratch.inHistory` marking H(u), cleared again after.
    @inline(__always)
    private func markingHistory<T>(of u: Int, in scratch: inout Scratch, _ body: (inout Scratch) -> T) -> T {
        let history = matrix.row(u)
        for p in history { scratch.inHistory[Int(matrix.rowItem[p])] = true }
        defer { for p in history { scratch.inHistory[Int(matrix.rowItem[p])] = false } }
        return body(&scratch)
    }

    /// The list of user u from its best cf candidates: each with its top
    /// reason, then popular items outside H(u) up to k.
    /// `scratch.inHistory` must mark H(u).
    /// `reasons`, when given, holds each candidate's top contribution.
    private func list(user u: Int, best: [(item: Int32, score: Double)], reasons: [Contribution?]? = nil, k: Int,
                      scratch: Scratch) -> [Recommendation] {
        var list: [Recommendation] = []
        list.reserveCapacity(k)
        for (index, (item, score)) in best.enumerated() {
            let top = reasons.map { $0[index] } ?? topContribution(user: u, item: Int(item), score: score)
            list.append(Recommendation(rank: list.count + 1, item: item, score: score, source: .cf, reason: top))
        }
        if list.count < k {
            let listed = Set(list.map(\.item))
            for item in popularity.ranking where list.count < k {
                if scratch.inHistory[Int(item)] || listed.contains(item) { continue }
                list.append(Recommendation(rank: list.count + 1, item: item, score: nil, source: .popular, reason: nil))
            }
        }
        return list
    }

    /// Convenience without a caller-owned scratch.
    public func recommend(user u: Int, k: Int) -> [Recommendation] {
        var scratch = Scratch(itemCount: matrix.itemCount)
        return recommend(user: u, k: k, scratch: &scratch)
    }

    /// Recommendations for every user, computed on all cores, in user order.
    /// - Complexity: O(users × per-user cost) / cores.
    /// With `similarity.scoresByColumnTiles`, the candidates of every user
    /// come from `ColumnTileScorer` first; the lists are the same bits.
    public func recommendAll(k: Int, workers: Int = ProcessInfoCores.count) -> [[Recommendation]] {
        let k = min(k, matrix.itemCount)
        guard k > 0, similarity.scoresByColumnTiles else {
            return parallelMap(count: matrix.userCount, workers: workers,
                               makeScratch: { Scratch(itemCount: matrix.itemCount) }) { u, scratch in
                recommend(user: u, k: k, scratch: &scratch)
            }
        }
        let best = ColumnTileScorer.best(matrix: matrix, similarity: similarity, k: k, workers: workers)
        return parallelMap(count: matrix.userCount, workers: workers,
                           makeScratch: { Scratch(itemCount: matrix.itemCount) }) { u, scratch in
            markingHistory(of: u, in: &scratch) { scratch in
                list(user: u, best: best[u].entries, reasons: best[u].reasons, k: k, scratch: scratch)
            }
        }
    }

    /// The breakdown of `score(u,j)` for any item j.
    /// - Complexity: O(|H(u)| × log neighbours).
    public func breakdown(user u: Int, item j: Int) -> ScoreBreakdown {
        let inHistory = matrix.row(u).contains { matrix.rowItem[$0] == Int32(j) }
        let score = score(user: u, item: j)
        return ScoreBreakdown(
            user: Int32(u), item: Int32(j), score: score,
            contributions: contributions(user: u, item: j, score: score),
            inHistory: inHistory)
    }

    /// `score(u,j)` alone, in history order: the bits `recommendAll` gives j.
    /// - Complexity: O(|H(u)| × log neighbours).
    public func score(user u: Int, item j: Int) -> Double {
        var score = 0.0
        for p in matrix.row(u) where matrix.rowScore[p] > 0 && matrix.rowItem[p] != Int32(j) {
            score += similarity.value(Int(matrix.rowItem[p]), j) * matrix.rowScore[p]
        }
        return score
    }

    /// User u's list from cf entries chosen elsewhere (a results folder):
    /// each gets its reason from this similarity, and the list is filled
    /// with popular items as `recommend` fills it.
    /// - Parameter collaborative: at most k distinct items outside H(u),
    ///   by score descending, then ID order.
    /// - Complexity: O(k × |H(u)| × log neighbours + items).
    public func list(user u: Int, collaborative: [(item: Int32, score: Double)], k: Int) -> [Recommendation] {
        var scratch = Scratch(itemCount: matrix.itemCount)
        return markingHistory(of: u, in: &scratch) { scratch in
            list(user: u, best: collaborative, k: min(k, matrix.itemCount), scratch: scratch)
        }
    }

    // MARK: Scores of every item for one user
    //
    // Both paths give every score[j] its terms `sim(j,k) · r(u,k)` in history
    // order (ascending k), so they produce the same bits. The dense path also
    // adds `0 · r = +0` for every j that is not a neighbour of k; since every
    // term is ≥ +0 (sim > 0 is stored, r > 0 is required) a score is never
    // -0 or NaN, and `x + (+0) == x` bit for bit. An r of +∞ (finite watch
    // seconds can still overflow) would turn `0 · r` into NaN, so such a
    // history item walks its sparse row instead.

    /// Adds every history item's dense similarity row, scaled by r(u,k), to
    /// `scratch.score`. Returns whether any row was added (else every score is +0).
    ///
    /// Consecutive rows are added four (or two) at a time: each score is
    /// loaded once, receives the rows' terms one after another in history
    /// order, and is stored once — the same additions in the same order as
    /// one row at a time, with less traffic on `score`.
    private func accumulateDenseScores(user u: Int, scratch: inout Scratch) -> Bool {
        let n = matrix.itemCount
        // The rows to add, in history order: a dense row offset, or for an
        // infinite r, -1 - k (walk k's sparse row).
        var rows = scratch.rows
        scratch.rows = []
        defer { scratch.rows = rows }
        rows.removeAll(keepingCapacity: true)
        for p in matrix.row(u) {
            let r = matrix.rowScore[p]
            guard r > 0 else { continue }
            let k = Int(matrix.rowItem[p])
            guard similarity.rowStart[k] < similarity.rowStart[k + 1] else { continue }  // no neighbours: only +0 terms
            rows.append((offset: r.isFinite ? k * n : -1 - k, r: r))
        }
        guard !rows.isEmpty else { return false }
        similarity.denseRows.withUnsafeBufferPointer { dense in
        scratch.score.withUnsafeMutableBufferPointer { scores in
            let score = scores.baseAddress!, base = dense.baseAddress!
            var i = 0
            while i < rows.count {
                if rows[i].offset < 0 {
                    let k = -1 - rows[i].offset, r = rows[i].r
                    for q in similarity.row(k) { score[Int(similarity.neighbour[q])] += similarity.similarity[q] * r }
                    i += 1
                } else if i + 4 <= rows.count, rows[i + 1].offset >= 0, rows[i + 2].offset >= 0, rows[i + 3].offset >= 0 {
                    let a = base + rows[i].offset, ra = rows[i].r
                    let b = base + rows[i + 1].offset, rb = rows[i + 1].r
                    let c = base + rows[i + 2].offset, rc = rows[i + 2].r
                    let d = base + rows[i + 3].offset, rd = rows[i + 3].r
                    for j in 0..<n {
                        var s = score[j]
                        s += a[j] * ra
                        s += b[j] * rb
                        s += c[j] * rc
                        s += d[j] * rd
                        score[j] = s
                    }
                    i += 4
                } else if i + 2 <= rows.count, rows[i + 1].offset >= 0 {
                    let a = base + rows[i].offset, ra = rows[i].r
                    let b = base + rows[i + 1].offset, rb = rows[i + 1].r
                    for j in 0..<n {
                        var s = score[j]
                        s += a[j] * ra
                        s += b[j] * rb
                        score[j] = s
                    }
                    i += 2
                } else {
                    let a = base + rows[i].offset, ra = rows[i].r
                    for j in 0..<n { score[j] += a[j] * ra }
                    i += 1
                }
            }
        }
        }
        return true
    }

    /// Offers every item with a positive score outside H(u) to `best`, and
    /// zeroes the scores for the next user.
    private func collectEveryCandidate(into best: inout TopK, scratch: inout Scratch) {
        scratch.inHistory.withUnsafeBufferPointer { inHistory in
        scratch.score.withUnsafeMutableBufferPointer { score in
            for j in 0..<score.count {
                let s = score[j]
                score[j] = 0
                // Most scores cannot enter a full list: test that before H(u).
                if s > 0, best.admits(item: Int32(j), score: s), !inHistory[j] { best.insert(item: Int32(j), score: s) }
            }
        }
        }
    }

    /// Walks each history item's sparse row, noting in `scratch.touched`
    /// every item whose score was +0 before a term was added.
    private func accumulateSparseScores(user u: Int, scratch: inout Scratch) {
        let history = matrix.row(u)
        var touched = scratch.touched
        scratch.touched = []
        defer { scratch.touched = touched }
        matrix.rowItem.withUnsafeBufferPointer { rowItem in
        matrix.rowScore.withUnsafeBufferPointer { rowScore in
        similarity.rowStart.withUnsafeBufferPointer { rowStart in
        similarity.neighbour.withUnsafeBufferPointer { neighbour in
        similarity.similarity.withUnsafeBufferPointer { values in
        scratch.score.withUnsafeMutableBufferPointer { score in
            for p in history {
                let r = rowScore[p]
                guard r > 0 else { continue }
                let k = Int(rowItem[p])
                for q in rowStart[k]..<rowStart[k + 1] {
                    let j = Int(neighbour[q])
                    if score[j] == 0 { touched.append(Int32(j)) }
                    score[j] += values[q] * r
                }
            }
        }
        }
        }
        }
        }
        }
    }

    /// Offers the touched items with a positive score outside H(u) to
    /// `best`, and zeroes their scores for the next user.
    private func collectTouchedCandidates(into best: inout TopK, scratch: inout Scratch) {
        scratch.touched.withUnsafeBufferPointer { touched in
        scratch.inHistory.withUnsafeBufferPointer { inHistory in
        scratch.score.withUnsafeMutableBufferPointer { score in
            for j in touched {
                let s = score[Int(j)]
                score[Int(j)] = 0
                if !inHistory[Int(j)], s > 0 { best.insert(item: j, score: s) }
            }
        }
        }
        }
        scratch.touched.removeAll(keepingCapacity: true)
    }

    /// The first row of `contributions(user:item:score:)` without building
    /// and sorting the rest: the same order (c desc, r desc, ID order) is a
    /// total order here (c and r are > 0, so never NaN; k is unique in H(u)),
    /// so its least element is the sorted list's first.
    private func topContribution(user u: Int, item j: Int, score: Double) -> Contribution? {
        Self.topContribution(matrix: matrix, user: u, item: j, score: score) { similarity.value(Int($0), j) }
    }

    /// `topContribution` with `sim(k)` giving row k's stored value for the
    /// item (+0 when none), e.g. from a `ColumnTileScorer` tile.
    @inline(__always)
    static func topContribution(matrix: InteractionMatrix, user u: Int, item j: Int, score: Double,
                                sim: (Int32) -> Double) -> Contribution? {
        var top: (item: Int32, r: Double, sim: Double, c: Double)?
        for p in matrix.row(u) {
            let r = matrix.rowScore[p]
            guard r > 0 else { continue }
            let k = matrix.rowItem[p]
            guard k != Int32(j) else { continue }
            let sim = sim(k)
            let c = sim * r
            guard c > 0 else { continue }
            if let t = top {
                let before = c != t.c ? c > t.c : (r != t.r ? r > t.r : k < t.item)
                if !before { continue }
            }
            top = (k, r, sim, c)
        }
        return top.map { Contribution(item: $0.item, interaction: $0.r, similarity: $0.sim, contribution: $0.c, share: $0.c / score) }
    }

    /// Contributions `c_k > 0` sorted as SPEC §5 orders the breakdown.
    private func contributions(user u: Int, item j: Int, score: Double) -> [Contribution] {
        var rows: [Contribution] = []
        for p in matrix.row(u) {
            let r = matrix.rowScore[p]
            guard r > 0 else { continue }
            let k = matrix.rowItem[p]
            guard k != Int32(j) else { continue }  // an item never explains itself
            // Row k, as the score accumulates it: the same bits as value(j, k)
            // for SPEC's symmetric similarity, and right for a top-N variant.
            let sim = similarity.value(Int(k), j)
            let c = sim * r
            guard c > 0 else { continue }
            rows.append(Contribution(item: k, interaction: r, similarity: sim, contribution: c, share: c / score))
        }
        rows.sort { a, b in
            if a.contribution != b.contribution { return a.contribution > b.contribution }
            if a.interaction != b.interaction { return a.interaction > b.interaction }
            return a.item < b.item
        }
        return rows
    }
}

/// Keeps the best `capacity` (score descending, then index ascending).
///
/// Small capacities keep a sorted list and reject, with one comparison
/// against its last entry, anything that would not enter it; large ones
/// collect everything and sort once. Both give the first `capacity` entries
/// of the total order `before` (items are distinct), whatever the order of
/// the insertions.
struct TopK {
    let capacity: Int
    private var entries: [(item: Int32, score: Double)] = []
    /// Whether the sorted list is full; then `floor` is its last entry.
    private var full = false
    private var floor: (item: Int32, score: Double) = (0, 0)
    /// Sort once at the end instead of inserting in order.
    private let collects: Bool

    static let insertionLimit = 64

    init(capacity: Int) {
        self.capacity = capacity
        collects = capacity > Self.insertionLimit
        if !collects { entries.reserveCapacity(capacity + 1) }
    }

    @inline(__always) static func before(_ a: (item: Int32, score: Double), _ b: (item: Int32, score: Double)) -> Bool {
        a.score != b.score ? a.score > b.score : a.item < b.item
    }

    /// No entry with a lower score is admitted now.
    var lowestAdmissibleScore: Double { full ? floor.score : -.infinity }

    /// Whether an entry would be kept now (`insert` ignores the others).
    @inline(__always) func admits(item: Int32, score: Double) -> Bool {
        !full || Self.before((item: item, score: score), floor)
    }

    @inline(__always) mutating func insert(item: Int32, score: Double) {
        guard admits(item: item, score: score) else { return }
        if collects { entries.append((item: item, score: score)) } else { insertInOrder((item: item, score: score)) }
    }

    private mutating func insertInOrder(_ entry: (item: Int32, score: Double)) {
        guard capacity > 0 else { return }
        var position = entries.count
        while position > 0, Self.before(entry, entries[position - 1]) { position -= 1 }
        entries.insert(entry, at: position)
        if entries.count > capacity { entries.removeLast() }
        if entries.count == capacity {
            full = true
            floor = entries[capacity - 1]
        }
    }

    var sorted: [(item: Int32, score: Double)] {
        guard collects else { return entries }
        return Array(entries.sorted(by: Self.before).prefix(capacity))
    }
}
