import CTileKernel
import Testing

/// `recsite_tile_candidates` (the C loop behind `ColumnTileScorer`) against a
/// scalar sum written here: the same bits lane by lane, whichever of its
/// AVX-512, AVX2 or baseline builds the machine runs, and the same users kept.
@Suite("Tile kernel")
struct TileKernelTests {
    static let width = Int(RECSITE_TILE_WIDTH)

    /// One run of users: histories in CSR form over a tile of `items` rows.
    struct Case {
        var tile: [Double] = []
        var rowStart: [Int] = [0]
        var rowItem: [Int32] = []
        var rowScore: [Double] = []
        var floors: [Double] = []
        var userCount: Int { floors.count }
    }

    /// Cells: about half +0, some -0, the rest in (0, 1]; interactions: some
    /// ≤ 0, NaN or +∞ among positive ones; histories of 0 to 40 entries, so
    /// users in a pair have unequal lengths; floors: -∞, 0 and values a
    /// score may or may not reach.
    static func randomCase(seed: UInt64, users: Int, items: Int) -> Case {
        var random = TestRandom(seed: seed)
        var run = Case()
        run.tile = (0..<(items * width)).map { _ in
            random.chance(0.5) ? 0 : random.chance(0.1) ? -0.0 : Double.random(in: 0.001...1, using: &random)
        }
        for _ in 0..<users {
            for _ in 0..<random.int(0...40) {
                run.rowItem.append(Int32(random.int(0...(items - 1))))
                run.rowScore.append(random.chance(0.05) ? random.pick([0, -1.5, .nan, .infinity])
                                        : Double.random(in: 0.01...20, using: &random))
            }
            run.rowStart.append(run.rowItem.count)
            run.floors.append(random.pick([-.infinity, 0, 1, 5, 40, .infinity]))
        }
        return run
    }

    /// Lane t of user u: Σ in history order of round(cell · r), r > 0 only,
    /// a zero cell adding +0 when r is infinite.
    static func referenceScores(_ run: Case, user u: Int) -> [Double] {
        (0..<width).map { t in
            var sum = 0.0
            for p in run.rowStart[u]..<run.rowStart[u + 1] where run.rowScore[p] > 0 {
                let cell = run.tile[Int(run.rowItem[p]) * width + t], r = run.rowScore[p]
                sum += r.isInfinite && cell == 0 ? 0 : cell * r
            }
            return sum
        }
    }

    static func kernel(_ run: Case) -> (users: [Int32], scores: [Double]) {
        var admitted = [Int32](repeating: -1, count: run.userCount)
        var scores = [Double](repeating: 0, count: run.userCount * width)
        let kept = recsite_tile_candidates(run.tile, run.rowStart, run.rowItem, run.rowScore, run.userCount,
                                           run.floors, &admitted, &scores)
        return (Array(admitted.prefix(kept)), Array(scores.prefix(kept * width)))
    }

    @Test("the same bits as the scalar sum, and exactly the users a lane admits", arguments: [
        (1 as UInt64, 1, 3), (2, 2, 5), (3, 7, 40), (4, 64, 200), (5, 33, 1),
    ])
    func againstScalarSum(seed: UInt64, users: Int, items: Int) {
        let run = Self.randomCase(seed: seed, users: users, items: items)
        let (kept, scores) = Self.kernel(run)
        var expected: [Int32] = []
        var expectedScores: [Double] = []
        for u in 0..<users {
            let lanes = Self.referenceScores(run, user: u)
            if lanes.contains(where: { $0 >= run.floors[u] && $0 > 0 }) {
                expected.append(Int32(u))
                expectedScores += lanes
            }
        }
        #expect(kept == expected)
        #expect(scores.map(\.bitPattern) == expectedScores.map(\.bitPattern))
    }

    @Test("each product is rounded before it is added: no fused multiply-add")
    func noFusedMultiplyAdd() {
        let x = 1.0 + 0x1p-30
        let product = x * x  // 1 + 2⁻²⁹: the exact product's 2⁻⁶⁰ is rounded away
        let first = -product
        let rounded = first + product  // +0
        let fused = first.addingProduct(x, x)  // 2⁻⁶⁰
        #expect(rounded.bitPattern != fused.bitPattern, "the values must tell the two apart")
        var run = Case()
        run.tile = [Double](repeating: 0, count: 2 * Self.width)
        run.tile[0] = first  // item 0, lane 0
        run.tile[1] = 1  // item 0, lane 1: a positive lane, so the user is kept
        run.tile[Self.width] = x  // item 1, lane 0
        (run.rowItem, run.rowScore, run.rowStart, run.floors) = ([0, 1], [1, x], [0, 2], [-.infinity])
        let (kept, scores) = Self.kernel(run)
        #expect(kept == [0])
        #expect(scores.first?.bitPattern == rounded.bitPattern)
    }
}
