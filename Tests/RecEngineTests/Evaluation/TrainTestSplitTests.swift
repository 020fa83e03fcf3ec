import Testing
@testable import RecEngine

@Suite("Train/test split")
struct TrainTestSplitTests {
    static let catalog = TestCatalog.random(seed: 11, users: 40, items: 30, events: 900)

    @Test("train keeps round(ratio × n) items, halves to even", arguments: [
        (1, 1), (2, 2), (3, 2), (4, 3), (5, 4), (6, 4), (10, 8), (22, 16), (26, 20), (0, 0),
    ])
    func rounding(n: Int, expected: Int) {
        #expect(TrainTestSplit.trainCount(of: n, ratio: 0.75) == expected)
    }

    @Test("each history splits into disjoint train and test items that make it up, in the ratio",
          arguments: TrainTestSplit.Method.allCases)
    func disjointAndComplete(method: TrainTestSplit.Method) throws {
        let dataset = try Self.catalog.load()
        let split = TrainTestSplit(dataset: dataset, method: method, ratio: 0.75, seed: 42)
        let full = InteractionMatrix(dataset: dataset, weights: .standard)
        let train = InteractionMatrix(dataset: split.train, weights: .standard)
        for u in 0..<full.userCount {
            let all = Array(full.rowItem[full.row(u)])
            let trainItems = Array(train.rowItem[train.row(u)])
            let test = split.test[u]
            #expect(Set(trainItems).isDisjoint(with: test), "user \(u)")
            #expect((trainItems + test).sorted() == all, "user \(u)")
            #expect(trainItems.count == TrainTestSplit.trainCount(of: all.count, ratio: 0.75), "user \(u)")
            #expect(test == test.sorted())
        }
    }

    @Test("all events of a user-item pair go to the same side")
    func pairsStayTogether() throws {
        let dataset = try Self.catalog.load()
        let split = TrainTestSplit(dataset: dataset, method: .stratified, ratio: 0.6, seed: 3)
        let full = InteractionMatrix(dataset: dataset, weights: .standard)
        let train = InteractionMatrix(dataset: split.train, weights: .standard)
        #expect(full.rowEvents.contains { $0 > 1 }, "the data must have pairs with several events")
        for u in 0..<full.userCount {
            for p in train.row(u) {
                let q = full.row(u).first { full.rowItem[$0] == train.rowItem[p] }!
                #expect(train.rowEvents[p] == full.rowEvents[q])
            }
        }
        #expect(split.train.events.count + split.testEvents == dataset.events.count)
    }

    @Test("the same seed gives the same split, another seed another")
    func reproducible() throws {
        let dataset = try Self.catalog.load()
        let a = TrainTestSplit(dataset: dataset, method: .stratified, ratio: 0.75, seed: 42)
        let b = TrainTestSplit(dataset: dataset, method: .stratified, ratio: 0.75, seed: 42)
        let c = TrainTestSplit(dataset: dataset, method: .stratified, ratio: 0.75, seed: 43)
        #expect(a.test == b.test)
        #expect(a.train.events.item == b.train.events.item)
        #expect(a.test != c.test)
    }

    @Test("a user's split depends on the seed and the user's ID only, not on other users")
    func independentOfOtherUsers() throws {
        let dataset = try Self.catalog.load()
        let dropped: Int32 = 3
        let fewer = dataset.keepingEvents { dataset.events.user[$0] != dropped }
        let a = TrainTestSplit(dataset: dataset, method: .stratified, ratio: 0.75, seed: 42)
        let b = TrainTestSplit(dataset: fewer, method: .stratified, ratio: 0.75, seed: 42)
        for u in a.test.indices where u != Int(dropped) { #expect(a.test[u] == b.test[u]) }
        #expect(b.test[Int(dropped)].isEmpty)
    }

    /// Last events: t1 at 1, t2 at 5, t3 at 3 and again at 9, t4 at 5.
    /// By last time, ties in ID order: t1, t2, t4, t3; half train.
    @Test("temporal: the items last watched latest are held out; ties in ID order")
    func temporal() throws {
        var c = TestCatalog()
        c.users = ["u1"]
        c.items = ["t4", "t3", "t2", "t1"].map { .init(id: $0) }
        c.event("u1", "t1", "play", 10, at: "2025-01-01T00:00:01Z")
        c.event("u1", "t3", "play", 10, at: "2025-01-01T00:00:03Z")
        c.event("u1", "t2", "play", 10, at: "2025-01-01T00:00:05Z")
        c.event("u1", "t4", "play", 10, at: "2025-01-01T00:00:05Z")
        c.event("u1", "t3", "play", 10, at: "2025-01-01T00:00:09Z")
        let dataset = try c.load()
        let split = TrainTestSplit(dataset: dataset, method: .temporal, ratio: 0.5, seed: 1)
        let ids = split.test[0].map { dataset.items[Int($0)].id }
        #expect(ids == ["t3", "t4"])
        #expect(split.testEvents == 3)
    }
}
