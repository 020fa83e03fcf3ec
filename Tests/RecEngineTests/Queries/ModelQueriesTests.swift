import Testing
@testable import RecEngine

/// The questions the pages ask of the model (most similar items, top
/// viewers, counts, a history in stored order), checked on the hand-made
/// data by hand and on random data against the reference engine.
@Suite("Model queries")
struct ModelQueriesTests {
    @Test("most similar items of the hand-made data, worked out by hand")
    func mostSimilarByHand() throws {
        let model = try HandMade.catalog.model()
        let i = { (id: String) in model.item(id)! }
        func list(_ id: String, _ limit: Int = 10) -> [String] {
            model.mostSimilar(to: i(id), limit: limit).map { model.dataset.items[$0.item].id }
        }
        // sim(i2,i4) = 2/√5 ≈ 0.894 > sim(i1,i2) = 3/(5√2) ≈ 0.424 > sim(i2,i3) = 0.4
        #expect(list("i2") == ["i4", "i1", "i3"])
        #expect(list("i2", 2) == ["i4", "i1"])
        #expect(list("i1") == ["i2", "i3"])
        #expect(list("i4") == ["i2", "i3"])
        #expect(list("i5").isEmpty)
        #expect(list("i2", 0).isEmpty)
        let values = model.mostSimilar(to: i("i3"), limit: 10)
        #expect(values.map { model.dataset.items[$0.item].id } == ["i4", "i2", "i1"])
        #expect(zip(values.map(\.similarity), [HandMade.sim34, HandMade.sim23, HandMade.sim13]).allSatisfy { approx($0, $1) })
    }

    @Test("equal similarities are listed in ID order (b9 before b10)")
    func mostSimilarTies() throws {
        let model = try TieData.catalog.model()
        let ids = { (id: String) in
            model.mostSimilar(to: model.item(id)!, limit: 10).map { "\(model.dataset.items[$0.item].id) \($0.similarity)" }
        }
        #expect(ids("a1") == ["b9 0.5", "b10 0.5", "b20 0.25"])
        #expect(ids("b20") == ["b9 0.875", "b10 0.875", "a1 0.25"])
    }

    @Test("top viewers of the hand-made data: r, events and latest event, by hand")
    func topViewersByHand() throws {
        let model = try HandMade.catalog.model()
        func rows(_ id: String, _ limit: Int = 10) -> [String] {
            model.topViewers(of: model.item(id)!, limit: limit).map {
                "\(model.dataset.users[$0.user].id) \($0.score) \($0.events) \(Timestamp.format(seconds: $0.lastWatched))"
            }
        }
        // Event n of HandMade is at 2025-01-(n+1)T00:00:n.
        #expect(rows("i1") == ["u1 3.0 2 2025-01-02T00:00:01Z", "u2 1.0 1 2025-01-04T00:00:03Z"])
        #expect(rows("i2") == ["u3 2.0 1 2025-01-07T00:00:06Z", "u1 1.0 1 2025-01-03T00:00:02Z",
                               "u2 0.0 1 2025-01-05T00:00:04Z"])
        #expect(rows("i2", 1) == ["u3 2.0 1 2025-01-07T00:00:06Z"])
        #expect(rows("i4") == ["u3 4.0 2 2025-01-10T00:00:09Z"])
        #expect(rows("i5").isEmpty)
        #expect(rows("i3", 0).isEmpty)
    }

    @Test("equal r: viewers in user ID order")
    func topViewersTies() throws {
        let model = try TieData.catalog.model()
        // b9: A, B, C and T all have r = 2; D never watched it.
        #expect(model.topViewers(of: model.item("b9")!, limit: 10).map { model.dataset.users[$0.user].id } == ["A", "B", "C", "T"])
        // b20: B 6, T 4, then A, C, D at 2 in ID order.
        #expect(model.topViewers(of: model.item("b20")!, limit: 10).map { model.dataset.users[$0.user].id } == ["B", "T", "A", "C", "D"])
    }

    @Test("counts and stored-order history of the hand-made data")
    func countsByHand() throws {
        let model = try HandMade.catalog.model()
        #expect(["u1", "u2", "u3", "u4", "u5"].map { model.historyCount(user: model.user($0)!) } == [2, 3, 3, 0, 1])
        #expect(["i1", "i2", "i3", "i4", "i5"].map { model.viewerCount(of: model.item($0)!) } == [2, 3, 3, 1, 0])
        var seen: [String] = []
        model.forEachHistoryEntry(user: model.user("u2")!) { seen.append("\(model.dataset.items[Int($0.item)].id) \($0.score) \($0.events)") }
        #expect(seen == ["i1 1.0 1", "i2 0.0 1", "i3 2.0 1"])
    }

    @Test("random data: every query against the reference engine", arguments: [UInt64(3), 17])
    func againstReference(seed: UInt64) throws {
        let catalog = TestCatalog.random(seed: seed, users: 40, items: 30, events: 400, duplicateColumns: 3)
        let model = try catalog.model(workers: 2)
        let reference = catalog.reference()
        let users = model.dataset.users.map(\.id), items = model.dataset.items.map(\.id)
        for (u, user) in users.enumerated() {
            let history = reference.history(user)
            #expect(model.historyCount(user: u) == history.count)
            var visited: [(String, Double)] = []
            model.forEachHistoryEntry(user: u) { visited.append((items[Int($0.item)], $0.score)) }
            #expect(visited.map(\.0) == items.filter { history[$0] != nil }, "\(user): stored order is ID order")
            #expect(visited.allSatisfy { history[$0.0] == $0.1 })
        }
        for (i, item) in items.enumerated() {
            let viewers = users.filter { reference.history($0)[item] != nil }
            #expect(model.viewerCount(of: i) == viewers.count)
            // r sums in event order in both, so the values and their order are exact.
            let expectedViewers = viewers.map { (user: $0, r: reference.history($0)[item]!) }
                .sorted { $0.r != $1.r ? $0.r > $1.r : users.firstIndex(of: $0.user)! < users.firstIndex(of: $1.user)! }
            let top = model.topViewers(of: i, limit: 5)
            #expect(top.map { users[$0.user] } == expectedViewers.prefix(5).map(\.user), "\(item)")
            #expect(top.map(\.score) == expectedViewers.prefix(5).map(\.r), "\(item)")
            let positive = items.filter { $0 != item && reference.similarity(item, $0) > 0 }
            let similar = model.mostSimilar(to: i, limit: 8)
            #expect(similar.count == min(8, positive.count), "\(item)")
            #expect(similar.allSatisfy { approx($0.similarity, reference.similarity(item, items[$0.item])) })
            #expect(zip(similar, similar.dropFirst()).allSatisfy {
                $0.similarity > $1.similarity || ($0.similarity == $1.similarity && $0.item < $1.item)
            })
        }
    }
}
