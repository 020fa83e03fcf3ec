import Testing
@testable import RecEngine

@Suite("Evaluator")
struct EvaluatorTests {
    static let catalog = TestCatalog.random(seed: 5, users: 60, items: 40, events: 1500)

    @Test("no test event reaches the model: it lists what a model fitted on train-only files lists")
    func noLeak() throws {
        let dataset = try Self.catalog.load()
        let evaluator = try Evaluator(dataset: dataset, options: EvaluationOptions(k: 5), workers: 1)
        let split = evaluator.split
        // Held-out pairs by ID, and a catalogue whose files hold only the other events.
        var heldOut = Set<[UInt8]>()
        for (u, items) in split.test.enumerated() {
            for i in items { heldOut.insert(Array((dataset.users[u].id + "\u{0}" + dataset.items[Int(i)].id).utf8)) }
        }
        var trainOnly = Self.catalog
        trainOnly.events = Self.catalog.events.filter { !heldOut.contains(Array(($0.user + "\u{0}" + $0.item).utf8)) }
        let model = try trainOnly.model(k: 5)
        #expect(model.dataset.events.count == split.train.events.count)
        #expect(model.dataset.events.count + split.testEvents == dataset.events.count)

        for u in 0..<dataset.users.count {
            let history = evaluator.matrix.rowItem[evaluator.matrix.row(u)]
            #expect(!split.test[u].contains { history.contains($0) }, "a held-out item is in the training history of user \(u)")
        }
        let lists = try evaluator.recommendations(.engine(.spec)).lists
        for (n, u) in evaluator.evaluatedUsers.enumerated() {
            #expect(lists[n] == model.recommendations(user: u, k: 5).map(\.item), "user \(dataset.users[u].id)")
        }
        #expect(evaluator.similarity.neighbour == model.similarity.neighbour)
        #expect(evaluator.similarity.similarity == model.similarity.similarity)
        #expect(evaluator.popularity.ranking == model.popularity.ranking)
    }

    /// u1 watches a, b, c, then z last; the temporal split holds z out, and z
    /// has no other viewer.
    @Test("an item seen only in held-out pairs is unknown to the fitted model")
    func heldOutOnlyItem() throws {
        var c = TestCatalog()
        c.users = ["u1", "u2"]
        c.items = ["a", "b", "c", "z"].map { .init(id: $0) }
        for (n, item) in ["a", "b", "c", "z"].enumerated() { c.event("u1", item, "play", 10, at: "2025-01-0\(n + 1)T00:00:00Z") }
        c.event("u2", "a", "play", 5, at: "2025-01-01T00:00:00Z")
        c.event("u2", "b", "play", 5, at: "2025-01-02T00:00:00Z")
        let dataset = try c.load()
        let evaluator = try Evaluator(dataset: dataset, options: EvaluationOptions(split: .temporal, k: 3), workers: 1)
        let z = Int(dataset.itemIndex["z"]!)
        #expect(evaluator.split.test[0] == [Int32(z)])
        #expect(evaluator.matrix.column(z).isEmpty)
        #expect(evaluator.similarity.row(z).isEmpty)
        #expect(evaluator.popularity.score[z] == 0)
        #expect(evaluator.popularity.ranking.last == Int32(z))
        // u2's two items both train (round(1.5) = 2). u1 has seen a, b, c in
        // training, so z is all that is left to list: a hit.
        #expect(evaluator.evaluatedUsers == [0])
        let row = try evaluator.evaluate(.engine(.spec))
        #expect(row.ranking.recall == 1 && row.ranking.precision == 1.0 / 3)
        #expect(row.popularFill == 1)
    }

    @Test("users without held-out items are left out of the means")
    func usersWithoutTestItems() throws {
        var c = Self.catalog
        c.users.append("solo1")
        c.event("solo1", c.items[0].id, "play", 30)   // one item: it trains, nothing is held out
        let dataset = try c.load()
        let evaluator = try Evaluator(dataset: dataset, options: EvaluationOptions(k: 4), workers: 1)
        let solo = Int(dataset.userIndex["solo1"]!), cold = Int(dataset.userIndex["cold1"]!)
        #expect(!evaluator.evaluatedUsers.contains(solo) && !evaluator.evaluatedUsers.contains(cold))
        let (lists, _) = try evaluator.recommendations(.mostPopular)
        let perUser = zip(evaluator.evaluatedUsers, lists).map {
            RankingMetrics(recommended: $1, relevant: evaluator.split.test[$0], k: 4)
        }
        let result = try evaluator.run([.mostPopular])
        #expect(result.rows[0].ranking == RankingMetrics.mean(perUser))
        #expect(result.counts.evaluatedUsers == perUser.count)
        #expect(result.counts.users == dataset.users.count)
    }

    /// Popularity: a1 = b9 = b10 = 2 with one viewer each, b20 = 4.
    @Test("most popular: training popularity order, ties in ID order, the training history left out")
    func mostPopular() throws {
        var c = TestCatalog()
        c.users = ["A", "B", "C"]
        c.items = ["b10", "a1", "b9", "b20"].map { .init(id: $0) }
        c.event("A", "b20", "play", 4)
        c.event("B", "a1", "play", 2)
        c.event("B", "b9", "play", 2)
        c.event("C", "b10", "play", 2)
        let model = try c.model()
        let ids = { (list: [Int32]) in list.map { model.dataset.items[Int($0)].id } }
        let a = Baselines.mostPopular(user: 0, k: 3, matrix: model.matrix, popularity: model.popularity)
        let b = Baselines.mostPopular(user: 1, k: 3, matrix: model.matrix, popularity: model.popularity)
        #expect(ids(a) == ["a1", "b9", "b10"])
        #expect(ids(b) == ["b20", "b10"])
    }

    @Test("random: k distinct unseen items, the same for the same seed")
    func random() throws {
        let model = try Self.catalog.model()
        let matrix = model.matrix
        for u in 0..<matrix.userCount {
            let id = model.dataset.users[u].id
            let list = Baselines.random(user: u, userID: id, k: 8, matrix: matrix, seed: 42)
            let history = Set(matrix.rowItem[matrix.row(u)])
            #expect(list.count == min(8, matrix.itemCount - history.count))
            #expect(Set(list).count == list.count && history.isDisjoint(with: list))
            #expect(list == Baselines.random(user: u, userID: id, k: 8, matrix: matrix, seed: 42))
        }
        let lists = { (seed: UInt64) in (0..<matrix.userCount).map {
            Baselines.random(user: $0, userID: model.dataset.users[$0].id, k: 8, matrix: matrix, seed: seed)
        } }
        #expect(lists(1) != lists(2))
    }

    @Test("a run is the same on one core and on several")
    func deterministic() throws {
        let dataset = try Self.catalog.load()
        let algorithms = Evaluator.algorithms(variants: true)
        let one = try Evaluator(dataset: dataset, workers: 1).run(algorithms)
        let many = try Evaluator(dataset: dataset, workers: 4).run(algorithms)
        #expect(one == many)
        #expect(one.rows.map(\.id) == ["engine", "engine:shrinkage=10", "engine:shrinkage=100", "engine:neighbours=20",
                                       "engine:neighbours=100", "engine:normalise=max", "engine:normalise=l2",
                                       "most-popular", "random"])
        #expect(one.rows.map(\.kind) == ["engine"] + Array(repeating: "variant", count: 6) + ["baseline", "baseline"])
    }

    @Test("options out of range throw", arguments: [
        EvaluationOptions(ratio: 1), EvaluationOptions(ratio: 0), EvaluationOptions(ratio: .nan), EvaluationOptions(k: 0),
    ])
    func invalidOptions(options: EvaluationOptions) throws {
        let dataset = try HandMade.catalog.load()
        #expect(throws: RecEngineError.self) { try Evaluator(dataset: dataset, options: options) }
    }
}
