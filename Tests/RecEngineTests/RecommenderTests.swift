import Testing
@testable import RecEngine

/// A recommendation list as (item ID, score, source) for readable expectations.
struct Pick: CustomStringConvertible {
    let item: String
    let score: Double?
    let source: RecommendationSource

    static func cf(_ item: String, _ score: Double) -> Pick { Pick(item: item, score: score, source: .cf) }
    static func popular(_ item: String) -> Pick { Pick(item: item, score: nil, source: .popular) }

    var description: String { "\(item) \(source.rawValue) \(score.map { "\($0)" } ?? "-")" }

    /// Same item and source, and scores within SPEC §5's tolerance.
    func matches(_ other: Pick) -> Bool {
        guard item == other.item, source == other.source else { return false }
        switch (score, other.score) {
        case (nil, nil): return true
        case let (a?, b?): return approx(a, b)
        default: return false
        }
    }
}

func picks(_ model: RecommenderModel, _ user: String, k: Int) -> [Pick] {
    model.recommendations(user: model.user(user)!, k: k).map {
        Pick(item: model.dataset.items[Int($0.item)].id, score: $0.score, source: $0.source)
    }
}

func expectPicks(_ actual: [Pick], _ expected: [Pick], sourceLocation: SourceLocation = #_sourceLocation) {
    let same = actual.count == expected.count && zip(actual, expected).allSatisfy { $0.matches($1) }
    #expect(same, "got \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

/// A breakdown row as (item, r, sim, c, share), compared within tolerance.
func expectRows(_ model: RecommenderModel, user: String, item: String,
                _ expected: [(String, Double, Double, Double, Double)], sourceLocation: SourceLocation = #_sourceLocation) {
    let rows = model.breakdown(user: model.user(user)!, item: model.item(item)!).contributions
    let actual = rows.map { (model.dataset.items[Int($0.item)].id, $0.interaction, $0.similarity, $0.contribution, $0.share) }
    let same = actual.count == expected.count && zip(actual, expected).allSatisfy { a, e in
        a.0 == e.0 && approx(a.1, e.1) && approx(a.2, e.2) && approx(a.3, e.3) && approx(a.4, e.4)
    }
    #expect(same, "breakdown(\(user),\(item)) = \(actual), expected \(expected)", sourceLocation: sourceLocation)
}

@Suite("Recommender")
struct RecommenderTests {
    // Scores by hand (see HandMade):
    //   score(u1,i3) = sim(i3,i1)·3 + sim(i3,i2)·1 = 6/(5√2) + 2/5 ≈ 1.2485
    //   score(u1,i4) = sim(i4,i1)·3 + sim(i4,i2)·1 = 0 + 2/√5        ≈ 0.8944
    //   score(u2,i4) = sim(i4,i1)·1 + sim(i4,i3)·2 = 0 + 2/√5   (i2 has r = 0: no term)
    //   score(u3,i1) = sim(i1,i2)·2 + sim(i1,i3)·1 = 6/(5√2) + 2/(5√2) = 8/(5√2) ≈ 1.1314
    // Popularity: i1 = 4 (2 viewers), i4 = 4 (1), i2 = 3 (3), i3 = 3 (3), i5 = 0 → i1, i4, i2, i3, i5.
    static let u1i3 = 6 / (5 * HandMade.sqrt2) + 2.0 / 5

    @Test("hand-made lists for every user, k = 10")
    func handMadeLists() throws {
        let model = try HandMade.catalog.model()
        expectPicks(picks(model, "u1", k: 10), [.cf("i3", Self.u1i3), .cf("i4", 2 / HandMade.sqrt5), .popular("i5")])
        expectPicks(picks(model, "u2", k: 10), [.cf("i4", 2 / HandMade.sqrt5), .popular("i5")])
        expectPicks(picks(model, "u3", k: 10), [.cf("i1", 8 / (5 * HandMade.sqrt2)), .popular("i5")])
        expectPicks(picks(model, "u4", k: 10), ["i1", "i4", "i2", "i3", "i5"].map(Pick.popular))
        expectPicks(picks(model, "u5", k: 10), ["i1", "i4", "i2", "i5"].map(Pick.popular))
    }

    @Test("k cuts lists: cf first, then popular fill", arguments: [
        (1, ["u1": ["i3"], "u2": ["i4"], "u3": ["i1"], "u4": ["i1"], "u5": ["i1"]]),
        (2, ["u1": ["i3", "i4"], "u2": ["i4", "i5"], "u3": ["i1", "i5"], "u4": ["i1", "i4"], "u5": ["i1", "i4"]]),
        (3, ["u1": ["i3", "i4", "i5"], "u2": ["i4", "i5"], "u3": ["i1", "i5"], "u4": ["i1", "i4", "i2"], "u5": ["i1", "i4", "i2"]]),
    ])
    func cutByK(k: Int, expected: [String: [String]]) throws {
        let model = try HandMade.catalog.model()
        for (user, items) in expected {
            #expect(picks(model, user, k: k).map(\.item) == items, "\(user)")
        }
    }

    @Test("k = 0 (or less) gives empty lists", arguments: [0, -1])
    func kZero(k: Int) throws {
        let model = try HandMade.catalog.model()
        for u in 0..<5 { #expect(model.recommendations(user: u, k: k).isEmpty) }
        #expect(model.recommender.recommendAll(k: k, workers: 1).allSatisfy { $0.isEmpty })
    }

    @Test("k larger than the catalogue lists every item not in the history", arguments: [6, 1000, 10_000_000, Int.max])
    func kLarge(k: Int) throws {
        let model = try HandMade.catalog.model()
        #expect(picks(model, "u1", k: k).map(\.item) == ["i3", "i4", "i5"])
        #expect(picks(model, "u4", k: k).map(\.item) == ["i1", "i4", "i2", "i3", "i5"])
        #expect(model.recommender.recommendAll(k: k, workers: 2).map(\.count) == [3, 2, 2, 5, 4])
    }

    @Test("breakdowns by hand: rows, contributions, shares, reason")
    func handMadeBreakdowns() throws {
        let model = try HandMade.catalog.model()
        let c1 = 6 / (5 * HandMade.sqrt2), c2 = 2.0 / 5
        expectRows(model, user: "u1", item: "i3", [
            ("i1", 3, HandMade.sim13, c1, c1 / (c1 + c2)),
            ("i2", 1, HandMade.sim23, c2, c2 / (c1 + c2)),
        ])
        expectRows(model, user: "u1", item: "i4", [("i2", 1, HandMade.sim24, 2 / HandMade.sqrt5, 1)])
        expectRows(model, user: "u2", item: "i4", [("i3", 2, HandMade.sim34, 2 / HandMade.sqrt5, 1)])
        expectRows(model, user: "u3", item: "i1", [
            ("i2", 2, HandMade.sim12, 6 / (5 * HandMade.sqrt2), 0.75),
            ("i3", 1, HandMade.sim13, 2 / (5 * HandMade.sqrt2), 0.25),
        ])
        expectRows(model, user: "u4", item: "i1", [])
        expectRows(model, user: "u5", item: "i1", [])

        let list = model.recommendations(user: model.user("u1")!, k: 10)
        let reason = try #require(list[0].reason)
        #expect(reason.item == Int32(model.item("i1")!))
        #expect(approx(reason.share, c1 / (c1 + c2)))
        #expect(abs(reason.share - 0.6796) < 5e-5)  // 0.8485 / 1.2485
        #expect(list[0].rank == 1 && list[1].rank == 2 && list[2].rank == 3)
        #expect(list[2].reason == nil && list[2].score == nil)
        let breakdown = model.breakdown(user: model.user("u1")!, item: model.item("i3")!)
        #expect(!breakdown.inHistory)
        #expect(breakdown.score == list[0].score)
    }

    @Test("an item in H(u) with r = 0 is never recommended and contributes nothing")
    func zeroInteraction() throws {
        let model = try HandMade.catalog.model()
        let u2 = model.user("u2")!, i2 = model.item("i2")!
        // score(u2,i2) would be 3/(5√2)·1 + 2/5·2 > 0, but i2 is in H(u2).
        let breakdown = model.breakdown(user: u2, item: i2)
        #expect(breakdown.inHistory)
        for k in [1, 2, 10] { #expect(!model.recommendations(user: u2, k: k).contains { $0.item == Int32(i2) }) }
        // i2 is similar to i4 (2/√5), yet u2's breakdown of i4 has no i2 row.
        #expect(!breakdown.contributions.isEmpty)
        let i4 = model.breakdown(user: u2, item: model.item("i4")!)
        #expect(i4.contributions.map(\.item) == [Int32(model.item("i3")!)])
        // u5 has only a zero-second event: popular fill only, without its history item.
        let u5 = model.recommendations(user: model.user("u5")!, k: 10)
        #expect(u5.allSatisfy { $0.source == .popular })
        #expect(!u5.contains { $0.item == Int32(model.item("i3")!) })
    }

    @Test("exact ties: scores tie → ID order; contributions tie → r, then ID order")
    func exactTies() throws {
        let model = try TieData.catalog.model()
        // D: H = {b20 (r 2)}; b9 and b10 are the same column: 7/8 · 2 = 1.75 each; a1: 1/4 · 2 = 0.5.
        expectPicks(picks(model, "D", k: 10), [.cf("b9", 1.75), .cf("b10", 1.75), .cf("a1", 0.5)])
        expectPicks(picks(model, "D", k: 1), [.cf("b9", 1.75)])
        // T: score(a1) = 1 + 1 + 1; B: 6/4 + 1 + 1; C: 2/4 + 1 + 1.
        expectPicks(picks(model, "T", k: 10), [.cf("a1", 3)])
        expectPicks(picks(model, "B", k: 10), [.cf("a1", 3.5)])
        expectPicks(picks(model, "C", k: 10), [.cf("a1", 2.5)])
        expectPicks(picks(model, "A", k: 10), [])  // A watched everything
        let third = 1.0 / 3
        expectRows(model, user: "T", item: "a1", [
            ("b20", 4, 0.25, 1, third), ("b9", 2, 0.5, 1, third), ("b10", 2, 0.5, 1, third),
        ])
        let rows = model.breakdown(user: model.user("T")!, item: model.item("a1")!).contributions
        #expect(rows.map(\.contribution) == [1, 1, 1])  // the tie is exact
    }

    @Test("engine = reference on random data sets with forced ties", arguments: [
        (UInt64(21), 5, 4, 12, 1, 3), (22, 12, 10, 40, 2, 10), (23, 30, 25, 200, 3, 5),
        (24, 60, 40, 600, 4, 10), (25, 150, 90, 2500, 6, 20), (26, 40, 12, 500, 3, 50),
        (27, 80, 150, 400, 10, 10),
    ])
    func randomAgainstReference(seed: UInt64, users: Int, items: Int, events: Int, duplicates: Int, k: Int) throws {
        let catalog = TestCatalog.random(seed: seed, users: users, items: items, events: events, duplicateColumns: duplicates)
        let comparison = EngineComparison(model: try catalog.model(k: k), reference: catalog.reference())
        let matrix = comparison.matrixProblems()
        #expect(matrix.isEmpty, "\(matrix.prefix(10))")
        let recommendations = comparison.recommendationProblems(k: k)
        #expect(recommendations.isEmpty, "\(recommendations.prefix(10))")
        let popularity = comparison.popularityProblems()
        #expect(popularity.isEmpty, "\(popularity.prefix(10))")
    }

    @Test("the reference's own lists agree with the engine's where there are no near-ties", arguments: [31, 32] as [UInt64])
    func referenceListsMatch(seed: UInt64) throws {
        let catalog = TestCatalog.random(seed: seed, users: 25, items: 20, events: 150, duplicateColumns: 2)
        let model = try catalog.model()
        let reference = catalog.reference()
        var checked = 0
        for user in reference.users {
            let expected = reference.recommend(user: user, k: 10)
            let scores = expected.compactMap(\.score)
            // Skip lists with scores within tolerance of each other (they may swap).
            let nearTie = zip(scores, scores.dropFirst()).contains { $0 != $1 && approx($0, $1) }
            guard !nearTie else { continue }
            checked += 1
            expectPicks(picks(model, user, k: 10), expected.map { Pick(item: $0.item, score: $0.score, source: $0.score == nil ? .popular : .cf) })
        }
        #expect(checked > 20)
    }

    @Test("recommendAll with 1 and 2 workers gives identical lists, equal to one-by-one calls", arguments: [41, 42] as [UInt64])
    func determinism(seed: UInt64) throws {
        let catalog = TestCatalog.random(seed: seed, users: 200, items: 120, events: 3000, duplicateColumns: 4)
        let one = try catalog.model(workers: 1), two = try catalog.model(workers: 2)
        let serial = one.recommender.recommendAll(k: 10, workers: 1)
        let parallel = two.recommender.recommendAll(k: 10, workers: 2)
        #expect(serial == parallel)
        #expect(serial.map { $0.map { $0.score?.bitPattern } } == parallel.map { $0.map { $0.score?.bitPattern } })
        let byUser = (0..<one.dataset.users.count).map { one.recommendations(user: $0, k: 10) }
        #expect(serial == byUser)
        #expect(serial.contains { $0.contains { $0.source == .cf } })
        #expect(serial.contains { $0.contains { $0.source == .popular } })
        // And the parallel lists pass the reference check too.
        let problems = EngineComparison(model: two, reference: catalog.reference()).recommendationProblems(k: 10, lists: parallel)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    @Test("the model's default k comes from its configuration")
    func configuredK() throws {
        let model = RecommenderModel(dataset: try HandMade.catalog.load(), config: EngineConfig(k: 2), workers: 1)
        #expect(model.recommendations(user: model.user("u4")!).count == 2)
        #expect(model.user("nobody") == nil && model.item("nothing") == nil)
    }
}
