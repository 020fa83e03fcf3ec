import Testing
@testable import RecEngine

/// R built from runs of users on several cores equals R built on one, and
/// both equal a plain reference: per (user, item), the terms sorted
/// ascending and added from 0, the event count and the latest time.
@Suite("R built in runs of users")
struct ParallelMatrixTests {
    /// 1,000 users, 200 items and 90,000 events (enough for several runs),
    /// many pairs with three or more events, some users with none.
    static let dataset: Dataset = {
        var random = SeededRandom(seed: 21, stream: 0)
        let users = (0..<1000).map { "u\($0),N,30,f,r" }, items = (0..<200).map { "i\($0),T,movie,g" }
        var events: [String] = []
        for _ in 0..<90_000 {
            let user = random.below(900), item = random.below(user % 3 == 0 ? 8 : 200)
            let type = ["play", "complete", "like", "save", "pause", "skip"][random.below(6)]
            events.append("u\(user),i\(item),\(type),\(random.below(5000)).\(random.below(10)),"
                          + "2025-0\(1 + random.below(9))-1\(random.below(10))T0\(random.below(10)):00:00Z")
        }
        return try! TestFiles.load(
            users: ([TestFiles.usersHeader] + users).joined(separator: "\n") + "\n",
            items: ([TestFiles.itemsHeader] + items).joined(separator: "\n") + "\n",
            events: ([TestFiles.eventsHeader] + events).joined(separator: "\n") + "\n")
    }()

    @Test func runsOfUsersSplitTheEventsEvenly() {
        // Users with 30, 0, 10, 40, 20 events: 100 in all.
        let starts = [0, 30, 30, 40, 80, 100]
        #expect(InteractionMatrix.userRuns(userEventStart: starts, workers: 1) == [0..<5])
        let big = starts.map { $0 * 1000 }
        #expect(InteractionMatrix.userRuns(userEventStart: big, workers: 2) == [0..<3, 3..<5])
        #expect(InteractionMatrix.userRuns(userEventStart: big, workers: 4) == [0..<1, 1..<3, 3..<4, 4..<5])
        // Fewer than 2¹⁶ events: one run whatever the workers.
        #expect(InteractionMatrix.userRuns(userEventStart: starts, workers: 8) == [0..<5])
    }

    @Test(arguments: [2, 3, 8])
    func anyWorkerCountGivesTheSameMatrix(workers: Int) {
        let one = InteractionMatrix(dataset: Self.dataset, weights: .standard, workers: 1)
        let many = InteractionMatrix(dataset: Self.dataset, weights: .standard, workers: workers)
        #expect(many.rowStart == one.rowStart && many.rowItem == one.rowItem)
        #expect(many.rowScore.map(\.bitPattern) == one.rowScore.map(\.bitPattern))
        #expect(many.rowEvents == one.rowEvents && many.rowLastSeen == one.rowLastSeen)
        #expect(many.columnStart == one.columnStart && many.columnUser == one.columnUser)
        #expect(many.columnScore.map(\.bitPattern) == one.columnScore.map(\.bitPattern))
    }

    @Test func everyEntryEqualsThePlainReference() {
        let dataset = Self.dataset, events = dataset.events
        #expect(events.count > 1 << 16)
        let weights = dataset.eventTypes.map { EventWeights.standard.weight(of: $0)! }
        var terms: [Int: [Double]] = [:], latest: [Int: Int64] = [:]
        for e in 0..<events.count {
            let key = Int(events.user[e]) * 1000 + Int(events.item[e])
            terms[key, default: []].append(events.watchSeconds[e] * weights[Int(events.type[e])])
            latest[key] = max(latest[key] ?? .min, events.seconds[e])
        }
        let matrix = InteractionMatrix(dataset: dataset, weights: .standard, workers: 2)
        #expect(matrix.nonZeroCount == terms.count)
        #expect(terms.values.contains { $0.count >= 3 })
        for u in 0..<matrix.userCount {
            for p in matrix.row(u) {
                let key = u * 1000 + Int(matrix.rowItem[p]), expected = terms[key]!.sorted().reduce(0, +)
                #expect(matrix.rowScore[p].bitPattern == expected.bitPattern)
                #expect(Int(matrix.rowEvents[p]) == terms[key]!.count && matrix.rowLastSeen[p] == latest[key])
            }
        }
    }
}
