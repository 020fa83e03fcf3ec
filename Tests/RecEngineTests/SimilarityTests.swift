import Testing
@testable import RecEngine

@Suite("Item similarity")
struct SimilarityTests {
    @Test("the hand-made matrix: r(u,i), norms and every cosine, worked out by hand")
    func handMade() throws {
        let model = try HandMade.catalog.model()
        let i = { (id: String) in model.item(id)! }
        #expect(model.dataset.items.map(\.id) == ["i1", "i2", "i3", "i4", "i5"])
        #expect(model.dataset.users.map(\.id) == ["u1", "u2", "u3", "u4", "u5"])
        // Rows of R: (item, r) in item order.
        let rows = (0..<5).map { u in model.matrix.row(u).map { (model.dataset.items[Int(model.matrix.rowItem[$0])].id, model.matrix.rowScore[$0]) } }
        #expect(rows[0].map(\.0) == ["i1", "i2"]); #expect(rows[0].map(\.1) == [3, 1])
        #expect(rows[1].map(\.0) == ["i1", "i2", "i3"]); #expect(rows[1].map(\.1) == [1, 0, 2])
        #expect(rows[2].map(\.0) == ["i2", "i3", "i4"]); #expect(rows[2].map(\.1) == [2, 1, 4])
        #expect(rows[3].isEmpty)
        #expect(rows[4].map(\.0) == ["i3"]); #expect(rows[4].map(\.1) == [0])

        let norms = model.similarity.norms
        #expect(approx(norms[i("i1")], 10.0.squareRoot()))
        #expect(approx(norms[i("i2")], HandMade.sqrt5))
        #expect(approx(norms[i("i3")], HandMade.sqrt5))
        #expect(norms[i("i4")] == 4)
        #expect(norms[i("i5")] == 0)

        let expected: [(String, String, Double)] = [
            ("i1", "i2", HandMade.sim12), ("i1", "i3", HandMade.sim13), ("i1", "i4", 0), ("i1", "i5", 0),
            ("i2", "i3", HandMade.sim23), ("i2", "i4", HandMade.sim24), ("i2", "i5", 0),
            ("i3", "i4", HandMade.sim34), ("i3", "i5", 0), ("i4", "i5", 0),
        ]
        for (a, b, value) in expected {
            #expect(approx(model.similarity.value(i(a), i(b)), value), "sim(\(a),\(b))")
            #expect(model.similarity.value(i(a), i(b)).bitPattern == model.similarity.value(i(b), i(a)).bitPattern)
        }
        // Stored neighbours: only positive similarities, never the item itself.
        #expect(model.similarity.row(i("i1")).map { model.similarity.neighbour[$0] } == [1, 2])
        #expect(model.similarity.row(i("i4")).map { model.similarity.neighbour[$0] } == [1, 2])
        #expect(model.similarity.row(i("i5")).isEmpty)
        #expect(model.similarity.pairCount == 10)
        // An item is fully similar to itself when it has a norm.
        #expect(model.similarity.value(i("i1"), i("i1")) == 1)
        #expect(model.similarity.value(i("i5"), i("i5")) == 0)
    }

    @Test("an item watched only for zero seconds has norm 0 and no neighbours")
    func zeroNormItem() throws {
        var catalog = HandMade.catalog
        catalog.items.append(.init(id: "i6"))
        catalog.event("u1", "i6", "complete", 0)
        catalog.event("u3", "i6", "play", 0)
        let model = try catalog.model()
        let i6 = model.item("i6")!
        #expect(model.similarity.norms[i6] == 0)
        #expect(model.similarity.row(i6).isEmpty)
        for j in 0..<model.dataset.items.count where j != i6 {
            #expect(model.similarity.value(i6, j) == 0)
            #expect(model.similarity.value(j, i6) == 0)
        }
    }

    @Test("identical columns are fully similar and tie exactly with every third item")
    func identicalColumns() throws {
        let model = try TieData.catalog.model()
        let id = { (s: String) in model.item(s)! }
        #expect(model.dataset.items.map(\.id) == ["a1", "b9", "b10", "b20"])
        #expect(approx(model.similarity.value(id("b9"), id("b10")), 1))
        #expect(model.similarity.value(id("a1"), id("b9")) == model.similarity.value(id("a1"), id("b10")))
        #expect(model.similarity.value(id("b20"), id("b9")) == 7.0 / 8)
        #expect(model.similarity.value(id("a1"), id("b20")) == 1.0 / 4)
        #expect(model.similarity.value(id("a1"), id("b9")) == 1.0 / 2)
    }

    @Test("random data sets: every pair equals the dense textbook cosine", arguments: [
        (UInt64(1), 6, 5, 15, 1), (2, 20, 15, 90, 2), (3, 60, 40, 600, 4), (4, 120, 80, 2500, 6),
    ])
    func randomAgainstReference(seed: UInt64, users: Int, items: Int, events: Int, duplicates: Int) throws {
        let catalog = TestCatalog.random(seed: seed, users: users, items: items, events: events, duplicateColumns: duplicates)
        let comparison = EngineComparison(model: try catalog.model(), reference: catalog.reference())
        let matrix = comparison.matrixProblems()
        #expect(matrix.isEmpty, "\(matrix.prefix(10))")
        let similarity = comparison.similarityProblems()
        #expect(similarity.isEmpty, "\(similarity.prefix(10))")
    }

    @Test("1 and 2 workers build the same similarity, bit for bit", arguments: [5, 6] as [UInt64])
    func workers(seed: UInt64) throws {
        let catalog = TestCatalog.random(seed: seed, users: 150, items: 200, events: 3000, duplicateColumns: 5)
        let dataset = try catalog.load()
        let matrix = InteractionMatrix(dataset: dataset, weights: .standard)
        let one = ItemSimilarity(matrix: matrix, workers: 1)
        let two = ItemSimilarity(matrix: matrix, workers: 2)
        #expect(one.rowStart == two.rowStart)
        #expect(one.neighbour == two.neighbour)
        #expect(one.similarity.map(\.bitPattern) == two.similarity.map(\.bitPattern))
        #expect(one.norms.map(\.bitPattern) == two.norms.map(\.bitPattern))
        #expect(one.pairCount > 1000)  // the data is big enough to be split into chunks
    }
}
