import Testing
@testable import RecEngine

/// The C similarity kernel (`recsite_cooccurrence`, `recsite_similarity_row`)
/// on each of its paths, against cosines summed here in user order: rows
/// that track the items they touch (sorted, or scanned when many) and rows
/// that scan every item above them; with and without shrinkage.
@Suite("Co-occurrence kernel")
struct CooccurrenceKernelTests {
    /// Row i's (k, sim) for k ≠ i with sim > 0, summed the plain way: each
    /// dot over users in ascending order, skipping zero products (which
    /// change no bits of a sum begun at +0), shrunk by n / (n + λ) with n
    /// the users whose product is non-zero.
    static func referenceRows(_ matrix: InteractionMatrix, shrinkage: Double) -> [[(Int32, UInt64)]] {
        let n = matrix.itemCount
        var dense = [[Double]](repeating: [Double](repeating: 0, count: n), count: matrix.userCount)
        for u in 0..<matrix.userCount {
            for p in matrix.row(u) { dense[u][Int(matrix.rowItem[p])] = matrix.rowScore[p] }
        }
        let norms = (0..<n).map { i in
            var sum = 0.0
            for u in 0..<matrix.userCount where matrix.row(u).contains(where: { matrix.rowItem[$0] == i }) {
                sum += dense[u][i] * dense[u][i]
            }
            return sum.squareRoot()
        }
        return (0..<n).map { i in
            guard norms[i] > 0 else { return [] }
            return (0..<n).compactMap { k -> (Int32, UInt64)? in
                guard k != i else { return nil }
                var dot = 0.0, common = 0.0
                for u in 0..<matrix.userCount {
                    let product = dense[u][i] * dense[u][k]
                    if product != 0 { dot += product; common += 1 }
                }
                var sim = dot / (norms[i] * norms[k])
                if shrinkage > 0 { sim *= common / (common + shrinkage) }
                return sim > 0 ? (Int32(k), sim.bitPattern) : nil
            }
        }
    }

    static func rows(_ similarity: ItemSimilarity) -> [[(Int32, UInt64)]] {
        (0..<similarity.norms.count).map { i in
            similarity.row(i).map { (similarity.neighbour[$0], similarity.similarity[$0].bitPattern) }
        }
    }

    /// The first row where `rows` and `expected` differ, or nil.
    static func firstDifference(_ rows: [[(Int32, UInt64)]], _ expected: [[(Int32, UInt64)]]) -> String? {
        guard rows.count == expected.count else { return "\(rows.count) rows, expected \(expected.count)" }
        for (i, (row, wanted)) in zip(rows, expected).enumerated()
        where row.map(\.0) != wanted.map(\.0) || row.map(\.1) != wanted.map(\.1) {
            return "row \(i): \(row.prefix(4))…, expected \(wanted.prefix(4))…"
        }
        return nil
    }

    @Test("tracked and scanned rows hold the reference's bits", arguments: [
        // (seed, users, items, events): sparse rows, so that tracked rows both
        // sort their few touched items and scan when they touch many.
        (UInt64(11), 40, 300, 400), (12, 200, 60, 3_000), (13, 25, 500, 200),
    ])
    func pathsAgainstReference(seed: UInt64, users: Int, items: Int, events: Int) throws {
        let catalog = TestCatalog.random(seed: seed, users: users, items: items, events: events, duplicateColumns: 3)
        let matrix = InteractionMatrix(dataset: try catalog.load(), weights: .standard)
        for shrinkage in [0, 2.5] {
            let expected = Self.referenceRows(matrix, shrinkage: shrinkage)
            #expect(expected.contains { !$0.isEmpty })
            for tracks in [true, false] {
                for workers in [1, 2] {
                    let similarity = ItemSimilarity(matrix: matrix, options: SimilarityOptions(shrinkage: shrinkage),
                                                    workers: workers, layout: .sparse, tracksTouched: tracks)
                    let difference = Self.firstDifference(Self.rows(similarity), expected)
                    #expect(difference == nil, "shrinkage \(shrinkage), tracking \(tracks), \(workers) workers")
                }
            }
        }
    }

    @Test("rows track their touched items only where scanning every item would cost more")
    func trackingChoice() throws {
        // 400 items: 160 000 cells against at most 20² products.
        let sparse = try TestCatalog.random(seed: 4, users: 10, items: 400, events: 20).load()
        #expect(ItemSimilarity.tracksTouched(matrix: InteractionMatrix(dataset: sparse, weights: .standard)))
        // 20 items: 400 cells against about 200 users × 15² products.
        let dense = try TestCatalog.random(seed: 5, users: 200, items: 20, events: 3_000).load()
        #expect(!ItemSimilarity.tracksTouched(matrix: InteractionMatrix(dataset: dense, weights: .standard)))
    }

    @Test("without the dense copy: the same pairs, lookups and lists for every user")
    func withoutDenseCopy() throws {
        let dataset = try TestCatalog.random(seed: 21, users: 150, items: 40, events: 3_000).load()
        let matrix = InteractionMatrix(dataset: dataset, weights: .standard)
        let kept = ItemSimilarity(matrix: matrix), skipped = ItemSimilarity(matrix: matrix, keepsDenseCopy: false)
        #expect(kept.hasDenseRows && !skipped.hasDenseRows)
        #expect(kept.scoresByColumnTiles && skipped.scoresByColumnTiles)
        #expect(Self.firstDifference(Self.rows(skipped), Self.rows(kept)) == nil)
        for i in 0..<matrix.itemCount {
            for j in 0..<matrix.itemCount where kept.value(i, j).bitPattern != skipped.value(i, j).bitPattern {
                Issue.record("sim(\(i),\(j)): \(skipped.value(i, j)), expected \(kept.value(i, j))")
            }
        }
        let popularity = Popularity(matrix: matrix)
        let lists = { (similarity: ItemSimilarity) in
            Recommender(matrix: matrix, similarity: similarity, popularity: popularity).recommendAll(k: 7)
        }
        #expect(lists(skipped) == lists(kept))
        #expect(lists(kept).contains { $0.contains { $0.source == .cf } })
    }
}
