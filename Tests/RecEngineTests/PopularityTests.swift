import Testing
@testable import RecEngine

@Suite("Popularity")
struct PopularityTests {
    @Test("hand-made: Σ r, viewers (r = 0 viewers included), ranking and ranks")
    func handMade() throws {
        let model = try HandMade.catalog.model()
        // i1 = 3 + 1, i2 = 1 + 0 + 2, i3 = 2 + 1 + 0, i4 = 4, i5 unwatched.
        #expect(model.popularity.score == [4, 3, 3, 4, 0])
        #expect(model.popularity.viewers == [2, 3, 3, 1, 0])
        // i1 and i4 tie on 4: more viewers first; i2 and i3 tie on 3 and 3 viewers: ID order.
        #expect(model.popularity.ranking.map { model.dataset.items[Int($0)].id } == ["i1", "i4", "i2", "i3", "i5"])
        #expect(model.popularity.rank == [1, 3, 4, 2, 5])
    }

    @Test("per-content-type lists filter the ranking")
    func byContentType() throws {
        let model = try HandMade.catalog.model()
        let ids = { (type: String) in
            model.popularity.ranking { model.dataset.items[$0].contentType == type }.map { model.dataset.items[Int($0)].id }
        }
        #expect(ids("movie") == ["i1", "i3", "i5"])
        #expect(ids("series") == ["i2"])
        #expect(ids("documentary") == ["i4"])
        #expect(ids("podcast") == [])
    }

    @Test("full ties go by ID order, not string order; zero-score viewers rank before unwatched items")
    func ties() throws {
        var catalog = TestCatalog()
        catalog.users = ["u1", "u2"]
        catalog.items = [.init(id: "i10"), .init(id: "i9"), .init(id: "a1"), .init(id: "z1"), .init(id: "b1")]
        catalog.event("u1", "i10", "play", 5)
        catalog.event("u2", "i9", "play", 5)
        catalog.event("u1", "z1", "play", 0)
        catalog.event("u2", "z1", "skip", 0)
        catalog.event("u1", "b1", "pause", 0)
        let model = try catalog.model()
        #expect(model.popularity.ranking.map { model.dataset.items[Int($0)].id } == ["i9", "i10", "z1", "b1", "a1"])
        #expect(model.popularity.viewers[model.item("z1")!] == 2)
    }

    @Test("random data sets: values and ranking agree with the reference", arguments: [
        (UInt64(51), 10, 8, 30, 2), (52, 50, 30, 300, 4), (53, 200, 60, 3000, 8),
    ])
    func randomAgainstReference(seed: UInt64, users: Int, items: Int, events: Int, duplicates: Int) throws {
        let catalog = TestCatalog.random(seed: seed, users: users, items: items, events: events, duplicateColumns: duplicates)
        let problems = EngineComparison(model: try catalog.model(), reference: catalog.reference()).popularityProblems()
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }
}
