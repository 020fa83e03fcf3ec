import Testing
@testable import RecEngine

/// The recommender's three ways of accumulating scores — dense similarity
/// rows (branch-free over every item), sparse rows (only stored pairs) and
/// column tiles (every user over a cached block of columns) — must give the
/// same lists bit for bit, and all must agree with the reference.
@Suite("Recommender dense and sparse paths")
struct RecommenderPathTests {
    /// A recommender over `matrix` whose similarity (built from `similarityOf`,
    /// by default the same matrix) keeps the given layout.
    static func recommender(_ model: RecommenderModel, _ layout: ItemSimilarity.Layout, options: SimilarityOptions = .spec,
                            similarityOf: InteractionMatrix? = nil) -> Recommender {
        let similarity = ItemSimilarity(matrix: similarityOf ?? model.matrix, options: options, workers: 1, layout: layout)
        return Recommender(matrix: model.matrix, similarity: similarity, popularity: model.popularity)
    }

    /// Every field of every entry, doubles as bit patterns (so NaN, -0 and
    /// the last bit all count).
    static func bits(_ lists: [[Recommendation]]) -> [[[UInt64]]] {
        lists.map { list in
            list.map { rec in
                var fields: [UInt64] = [UInt64(rec.rank), UInt64(UInt32(bitPattern: rec.item)), rec.source == .cf ? 1 : 2]
                fields.append(rec.score.map(\.bitPattern) ?? 7)
                if let reason = rec.reason {
                    fields += [UInt64(UInt32(bitPattern: reason.item)), reason.interaction.bitPattern,
                               reason.similarity.bitPattern, reason.contribution.bitPattern, reason.share.bitPattern]
                }
                return fields
            }
        }
    }

    /// The random catalogue plus a user whose every event has zero seconds
    /// (H(u) not empty, no r > 0); `random` already adds a user with no events.
    static func catalog(seed: UInt64, users: Int, items: Int, events: Int, duplicates: Int) -> TestCatalog {
        var catalog = TestCatalog.random(seed: seed, users: users, items: items, events: events, duplicateColumns: duplicates)
        catalog.users.append("zeroonly1")
        for item in catalog.items.prefix(3) { catalog.event("zeroonly1", item.id, "play", 0) }
        return catalog
    }

    @Test("dense = sparse bit for bit, and both = reference", arguments: [
        (UInt64(51), 6, 5, 15, 1, 3), (52, 30, 25, 200, 3, 5), (53, 60, 40, 600, 4, 10),
        (54, 150, 90, 2500, 6, 20), (55, 40, 12, 500, 3, 50), (56, 80, 150, 400, 10, 10),
        (57, 120, 100, 3000, 8, 80),
    ])
    func againstReference(seed: UInt64, users: Int, items: Int, events: Int, duplicates: Int, k: Int) throws {
        let catalog = Self.catalog(seed: seed, users: users, items: items, events: events, duplicates: duplicates)
        let model = try catalog.model(k: k)
        let dense = Self.recommender(model, .dense), sparse = Self.recommender(model, .sparse)
        #expect(dense.similarity.hasDenseRows && !sparse.similarity.hasDenseRows)
        let denseLists = dense.recommendAll(k: k, workers: 2)
        let sparseLists = sparse.recommendAll(k: k, workers: 1)
        #expect(Self.bits(denseLists) == Self.bits(sparseLists))
        #expect(Self.bits(dense.recommendAll(k: k, workers: 1)) == Self.bits(denseLists))
        #expect(Self.bits(sparse.recommendAll(k: k, workers: 2)) == Self.bits(sparseLists))
        let tiles = Self.recommender(model, .columnTiles)
        #expect(tiles.similarity.scoresByColumnTiles && !tiles.similarity.hasDenseRows)
        #expect(Self.bits(tiles.recommendAll(k: k, workers: 1)) == Self.bits(sparseLists))
        #expect(Self.bits(tiles.recommendAll(k: k, workers: 2)) == Self.bits(sparseLists))
        // The data exercise what they should: cf lists, popular fill, the
        // cold user and the zero-only user (popular only).
        #expect(denseLists.contains { $0.contains { $0.source == .cf } })
        #expect(denseLists.contains { $0.contains { $0.source == .popular } })
        for id in ["cold1", "zeroonly1"] {
            let list = denseLists[model.user(id)!]
            #expect(list.count == min(k, model.matrix.itemCount - model.matrix.row(model.user(id)!).count))
            #expect(list.allSatisfy { $0.source == .popular })
        }
        let comparison = EngineComparison(model: model, reference: catalog.reference())
        for lists in [denseLists, sparseLists] {
            let problems = comparison.recommendationProblems(k: k, lists: lists)
            #expect(problems.isEmpty, "\(problems.prefix(10))")
        }
    }

    @Test("dense = sparse bit for bit on larger data, k below and above TopK's insertion limit",
          arguments: [(UInt64(61), 600, 300, 20_000, 12), (62, 400, 700, 9000, 20), (63, 300, 60, 12_000, 6)])
    func largerData(seed: UInt64, users: Int, items: Int, events: Int, duplicates: Int) throws {
        let catalog = Self.catalog(seed: seed, users: users, items: items, events: events, duplicates: duplicates)
        let model = try catalog.model()
        let dense = Self.recommender(model, .dense), sparse = Self.recommender(model, .sparse)
        let tiles = Self.recommender(model, .columnTiles)
        for k in [1, 10, TopK.insertionLimit + 1, Int.max] {
            let lists = dense.recommendAll(k: k, workers: 2)
            #expect(Self.bits(lists) == Self.bits(sparse.recommendAll(k: k, workers: 2)), "k = \(k)")
            #expect(Self.bits(lists) == Self.bits(tiles.recommendAll(k: k, workers: 2)), "k = \(k)")
            #expect(Self.bits(lists) == Self.bits(model.recommender.recommendAll(k: k, workers: 1)), "k = \(k)")
        }
        // Exact ties between distinct candidates occur (duplicated columns).
        let lists = dense.recommendAll(k: 10, workers: 1)
        #expect(lists.contains { list in
            zip(list, list.dropFirst()).contains { $0.source == .cf && $1.source == .cf && $0.score == $1.score }
        })
        // Spot-check breakdowns and sim values, which read the dense rows too.
        let n = model.matrix.itemCount
        for i in stride(from: 0, to: n, by: 7) {
            for j in stride(from: 0, to: n, by: 5) {
                #expect(dense.similarity.value(i, j).bitPattern == sparse.similarity.value(i, j).bitPattern)
            }
        }
        for u in stride(from: 0, to: model.matrix.userCount, by: 37) {
            for j in stride(from: 0, to: n, by: 11) {
                #expect(dense.breakdown(user: u, item: j) == sparse.breakdown(user: u, item: j))
            }
        }
    }

    @Test("dense = sparse bit for bit for the evaluation variants (top-N rows are not symmetric)", arguments: [
        SimilarityOptions(neighbours: 1), SimilarityOptions(neighbours: 5), SimilarityOptions(shrinkage: 3),
        SimilarityOptions(shrinkage: 2, neighbours: 8),
    ])
    func variants(options: SimilarityOptions) throws {
        let model = try Self.catalog(seed: 91, users: 200, items: 80, events: 4000, duplicates: 4).model()
        let dense = Self.recommender(model, .dense, options: options)
        let sparse = Self.recommender(model, .sparse, options: options)
        let tiles = Self.recommender(model, .columnTiles, options: options)
        if let n = options.neighbours {
            // Row i holds i's own nearest items: some pair is stored one way only.
            let m = model.matrix.itemCount
            #expect((0..<m).contains { i in (0..<m).contains { j in
                (sparse.similarity.value(i, j) > 0) != (sparse.similarity.value(j, i) > 0) } })
            #expect(sparse.similarity.pairCount <= n * m)
        }
        for k in [3, 10, 100] {
            let lists = dense.recommendAll(k: k, workers: 2)
            #expect(Self.bits(lists) == Self.bits(sparse.recommendAll(k: k, workers: 1)), "k = \(k)")
            #expect(Self.bits(lists) == Self.bits(tiles.recommendAll(k: k, workers: 2)), "k = \(k)")
            #expect(lists.contains { $0.contains { $0.source == .cf } })
        }
    }

    @Test("the automatic layout: dense rows and column tiles for a well-filled catalogue, sparse otherwise")
    func automaticLayout() throws {
        #expect(ItemSimilarity.prefersDense(itemCount: 2000, fill: 0.94))
        #expect(ItemSimilarity.prefersDense(itemCount: 2000, fill: 0.34))
        #expect(!ItemSimilarity.prefersDense(itemCount: 2000, fill: 0.30))
        #expect(!ItemSimilarity.prefersDense(itemCount: 5000, fill: 0.19))
        #expect(!ItemSimilarity.prefersDense(itemCount: 6000, fill: 1))  // 36 M cells > 32 Mi
        #expect(ItemSimilarity.prefersDense(itemCount: 5792, fill: 1))
        #expect(!ItemSimilarity.prefersDense(itemCount: 0, fill: 1))
        #expect(!ItemSimilarity.prefersDense(itemCount: Int.max, fill: 1))

        // Few items, many events: every pair is similar.
        let full = try TestCatalog.random(seed: 81, users: 60, items: 12, events: 1500).model()
        #expect(full.similarity.hasDenseRows)
        // Many items, few events each: most cells are empty.
        let sparse = try TestCatalog.random(seed: 82, users: 400, items: 600, events: 500).model()
        #expect(!sparse.similarity.hasDenseRows)
        let fill = ItemSimilarity.walkedFill(matrix: sparse.matrix, rowStart: sparse.similarity.rowStart)
        #expect(fill > 0 && fill < 1.0 / 3)
        #expect(ItemSimilarity.walkedFill(matrix: full.matrix, rowStart: full.similarity.rowStart) > 0.5)
        // Every user is scored by column tiles wherever the rows are well
        // filled, dense copy or not; the sparse walk elsewhere.
        #expect(full.similarity.scoresByColumnTiles && !sparse.similarity.scoresByColumnTiles)
        #expect(ItemSimilarity.prefersColumnTiles(fill: 0.79))
        #expect(!ItemSimilarity.prefersColumnTiles(fill: 0.30))
    }

    @Test("TopK keeps the first `capacity` of (score desc, item asc), whatever the insertion order",
          arguments: [1, 3, 10, TopK.insertionLimit, TopK.insertionLimit + 1, 500])
    func topK(capacity: Int) {
        var rng = TestRandom(seed: UInt64(capacity))
        for _ in 0..<20 {
            let count = rng.int(0...300)
            // Few distinct scores, so ties on score are common.
            var entries = (0..<count).map { (item: Int32($0), score: Double(rng.int(1...20)) / 4) }
            entries.shuffle(using: &rng)
            var best = TopK(capacity: capacity)
            for entry in entries { best.insert(item: entry.item, score: entry.score) }
            let expected = entries.sorted { $0.score != $1.score ? $0.score > $1.score : $0.item < $1.item }.prefix(capacity)
            #expect(best.sorted.map(\.item) == expected.map(\.item))
            #expect(best.sorted.map(\.score) == expected.map(\.score))
        }
    }
}
