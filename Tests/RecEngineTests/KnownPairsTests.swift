import Testing
@testable import RecEngine

/// A model over only the similarities a results folder states
/// (`ItemSimilarity(matrix:knownPairs:)`): the pairs of every breakdown give
/// the full engine's breakdowns, reasons and popular fill, bit for bit.
@Suite("Similarity from known pairs")
struct KnownPairsTests {
    @Test("breakdown pairs alone reproduce every list and breakdown", arguments: [(UInt64(5), 0), (UInt64(9), 3)])
    func breakdownPairsReproduceTheEngine(seed: UInt64, duplicateColumns: Int) throws {
        let catalog = TestCatalog.random(seed: seed, users: 60, items: 30, events: 900, duplicateColumns: duplicateColumns)
        let full = try catalog.model(k: 5)
        let lists = full.recommender.recommendAll(k: 5, workers: 1)
        var stated: [[Int32]: Double] = [:]
        for (u, list) in lists.enumerated() {
            for rec in list where rec.source == .cf {
                for c in full.breakdown(user: u, item: Int(rec.item)).contributions {
                    stated[[min(rec.item, c.item), max(rec.item, c.item)]] = c.similarity
                }
            }
        }
        let pairs = stated.map { ItemSimilarity.KnownPair(first: $0.key[0], second: $0.key[1], similarity: $0.value) }
        #expect(!pairs.isEmpty && pairs.count < full.similarity.pairCount / 2)
        let partial = RecommenderModel(dataset: full.dataset, config: full.config, matrix: full.matrix,
                                       similarity: ItemSimilarity(matrix: full.matrix, knownPairs: pairs.shuffled()))
        #expect(partial.similarity.pairCount == 2 * pairs.count)
        var cfEntries = 0
        for (u, list) in lists.enumerated() {
            let collaborative = list.filter { $0.source == .cf }.map { (item: $0.item, score: $0.score!) }
            cfEntries += collaborative.count
            #expect(partial.recommender.list(user: u, collaborative: collaborative, k: 5) == list, "user \(u)")
            for (j, score) in collaborative {
                #expect(partial.recommender.score(user: u, item: Int(j)).bitPattern == score.bitPattern)
                #expect(partial.breakdown(user: u, item: Int(j)) == full.breakdown(user: u, item: Int(j)))
            }
        }
        #expect(cfEntries > 100)
        for i in 0..<full.matrix.itemCount { #expect(partial.similarity.value(i, i) == full.similarity.value(i, i)) }
    }

    @Test("a pair not stated is 0, and a stated one is read from both rows")
    func unstatedPairsAreZero() throws {
        let full = try HandMade.catalog.model()
        let pair = ItemSimilarity.KnownPair(first: 0, second: 1, similarity: HandMade.sim12)
        let partial = ItemSimilarity(matrix: full.matrix, knownPairs: [pair])
        #expect(partial.value(0, 1) == HandMade.sim12 && partial.value(1, 0) == HandMade.sim12)
        #expect(partial.value(0, 2) == 0 && full.similarity.value(0, 2) > 0)
        #expect(partial.mostSimilar(to: 1, limit: 10).map(\.item) == [0])
    }
}
