import Testing
@testable import RecEngine

@Suite("Engine variants")
struct EngineVariantTests {
    static let catalog = TestCatalog.random(seed: 21, users: 50, items: 35, events: 1200, duplicateColumns: 3)

    @Test("neutral settings give SPEC's similarity bit for bit", arguments: [
        SimilarityOptions(), SimilarityOptions(shrinkage: 0, neighbours: 1_000), SimilarityOptions(neighbours: Int.max),
    ])
    func neutralSimilarity(options: SimilarityOptions) throws {
        let model = try Self.catalog.model()
        let variant = ItemSimilarity(matrix: model.matrix, options: options, workers: 2)
        #expect(variant.rowStart == model.similarity.rowStart)
        #expect(variant.neighbour == model.similarity.neighbour)
        #expect(variant.similarity.map(\.bitPattern) == model.similarity.similarity.map(\.bitPattern))
    }

    @Test("neutral variants list exactly what the default engine lists")
    func neutralLists() throws {
        let dataset = try Self.catalog.load()
        let evaluator = try Evaluator(dataset: dataset, options: EvaluationOptions(k: 7), workers: 1)
        let spec = evaluator.engine(.spec)
        let neutral = evaluator.engine(EngineVariant(similarity: SimilarityOptions(neighbours: dataset.items.count)))
        #expect(!EngineVariant(similarity: SimilarityOptions(neighbours: dataset.items.count)).isSpec)
        for u in 0..<dataset.users.count {
            #expect(neutral.recommend(user: u, k: 7) == spec.recommend(user: u, k: 7))
        }
        #expect(evaluator.matrix.normalised(.none).rowScore == evaluator.matrix.rowScore)
    }

    @Test("r ÷ user max changes nothing where every user's largest r is 1")
    func maxOnUnitData() throws {
        var c = TestCatalog()
        c.users = ["u1", "u2", "u3"]
        c.items = ["a", "b", "c", "d"].map { .init(id: $0) }
        for (user, item, seconds) in [("u1", "a", 1.0), ("u1", "b", 0.5), ("u2", "b", 1), ("u2", "c", 0.25),
                                      ("u3", "a", 1), ("u3", "d", 1)] { c.event(user, item, "play", seconds) }
        let model = try c.model()
        let rescaled = model.matrix.normalised(.max)
        #expect(rescaled.rowScore == model.matrix.rowScore && rescaled.columnScore == model.matrix.columnScore)
    }

    /// HandMade u1: r = (3, 1) on i1, i2 → ‖·‖ = √10; u2: (1, 0, 2) → max 2.
    @Test("per-user normalisation by hand, rows and columns alike")
    func normalisationByHand() throws {
        let model = try HandMade.catalog.model()
        let m = model.matrix
        let u1 = model.user("u1")!, u2 = model.user("u2")!
        let l2 = m.normalised(.l2), max = m.normalised(.max)
        #expect(Array(l2.rowScore[l2.row(u1)]) == [3 / 10.0.squareRoot(), 1 / 10.0.squareRoot()])
        #expect(Array(max.rowScore[max.row(u2)]) == [0.5, 0, 1])
        for i in 0..<m.itemCount {
            for p in l2.column(i) {
                let u = Int(l2.columnUser[p])
                let q = l2.row(u).first { l2.rowItem[$0] == Int32(i) }!
                #expect(l2.columnScore[p] == l2.rowScore[q])
            }
        }
        #expect(l2.rowStart == m.rowStart && l2.rowItem == m.rowItem && l2.columnUser == m.columnUser)
    }

    /// TieData: b20 and b9 are both watched by A, B, C and T (n = 4),
    /// sim = 7/8; a1 and b20 only by A (n = 1), sim = 1/4.
    @Test("shrinkage multiplies by n/(n + λ), n = users with both r non-zero")
    func shrinkage() throws {
        let model = try TieData.catalog.model()
        let sim = ItemSimilarity(matrix: model.matrix, options: SimilarityOptions(shrinkage: 4), workers: 1)
        let (a1, b9, b20) = (model.item("a1")!, model.item("b9")!, model.item("b20")!)
        #expect(approx(sim.value(b20, b9), 7.0 / 8 * 4 / 8))
        #expect(approx(sim.value(a1, b20), 1.0 / 4 * 1 / 5))
        #expect(sim.value(b9, b20).bitPattern == sim.value(b20, b9).bitPattern)
    }

    @Test("top-N keeps each item's N most similar neighbours, ties in ID order")
    func topNeighbours() throws {
        let model = try TieData.catalog.model()
        let sim = ItemSimilarity(matrix: model.matrix, options: SimilarityOptions(neighbours: 1), workers: 1)
        let id = { (i: Int32) in model.dataset.items[Int(i)].id }
        // b20's neighbours: a1 1/4, b9 7/8, b10 7/8 → b9. b9's: b10 1, b20 7/8, a1 1/2 → b10.
        #expect(sim.row(model.item("b20")!).map { id(sim.neighbour[$0]) } == ["b9"])
        #expect(sim.row(model.item("b9")!).map { id(sim.neighbour[$0]) } == ["b10"])
        for i in 0..<model.matrix.itemCount { #expect(sim.row(i).count <= 1) }
    }

    @Test("with top-N neighbours, list scores and their breakdowns still agree")
    func prunedBreakdowns() throws {
        let dataset = try Self.catalog.load()
        let evaluator = try Evaluator(dataset: dataset, workers: 1)
        let recommender = evaluator.engine(EngineVariant(similarity: SimilarityOptions(neighbours: 3)))
        var checked = 0
        for u in 0..<dataset.users.count {
            for rec in recommender.recommend(user: u, k: 10) where rec.source == .cf {
                let breakdown = recommender.breakdown(user: u, item: Int(rec.item))
                #expect(breakdown.score.bitPattern == rec.score!.bitPattern)
                #expect(rec.reason == breakdown.contributions.first)
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test("names and IDs say what changed")
    func names() {
        let v = EngineVariant(similarity: SimilarityOptions(shrinkage: 2.5, neighbours: 50), normalisation: .l2)
        #expect(v.id == "engine:shrinkage=2.5,neighbours=50,normalise=l2")
        #expect(v.name == "item-CF, shrinkage λ=2.5, top-50 neighbours, r ÷ user L2")
        #expect(EngineVariant.spec.id == "engine" && EngineVariant.spec.name == "item-CF (SPEC)")
    }

    @Test("settings out of range throw", arguments: [
        EngineVariant(similarity: SimilarityOptions(shrinkage: -1)),
        EngineVariant(similarity: SimilarityOptions(shrinkage: .infinity)),
        EngineVariant(similarity: SimilarityOptions(neighbours: 0)),
    ])
    func invalid(variant: EngineVariant) {
        #expect(throws: RecEngineError.self) { try variant.validate() }
    }
}
