import Testing
@testable import RecEngine

/// r(u,i) must not depend on the order of the event rows (docs/rules.md,
/// "Summation order" and "Row order"). Summed in file order, terms such as
/// 0.1, 0.2 and 0.3 give 0.6000000000000001 one way and 0.6 the other.
@Suite("Row order")
struct RowOrderTests {
    /// u1's events on i1, one play each (weight 1), in the given order.
    private static func r(watchSeconds: [String]) throws -> Double {
        let lines = watchSeconds.enumerated().map { n, seconds in "u1,i1,play,\(seconds),2025-01-0\(n + 1)T00:00:00Z" }
        let dataset = try TestFiles.loadEvents(lines)
        let matrix = InteractionMatrix(dataset: dataset, weights: .standard)
        var scores: [Double] = []
        matrix.forEachHistoryEntry(user: 0) { scores.append($0.score) }
        #expect(scores.count == 1)
        return scores[0]
    }

    @Test("r(u,i) has the same bits for every order of its events")
    func scoreIgnoresEventOrder() throws {
        // The old bug: file-order sums of the same terms differ in the last bit.
        let (a, b, c): (Double, Double, Double) = (0.1, 0.2, 0.3)
        let ascending: Double = (a + b) + c, descending: Double = (c + b) + a
        #expect(ascending != descending)
        let terms = ["0.1", "0.2", "0.3"]
        let orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
        let scores = try orders.map { order in try Self.r(watchSeconds: order.map { terms[$0] }) }
        #expect(Set(scores.map(\.bitPattern)).count == 1)
        // Ascending order of the terms' values.
        #expect(scores[0].bitPattern == ascending.bitPattern)
    }

    @Test("the canonical sum adds from +0 in ascending order, whatever the order given")
    func canonicalSum() {
        var rng = TestRandom(seed: 7)
        for _ in 0..<200 {
            let count = rng.int(0...9)
            var terms = (0..<count).map { _ in Double(rng.int(0...5400)) * [0.1, 0.5, 2.5, 3.0][rng.int(0...3)] }
            let expected = terms.sorted().reduce(0.0, +)
            terms.shuffle(using: &rng)
            #expect(InteractionMatrix.canonicalSum(&terms).bitPattern == expected.bitPattern)
        }
        var zeros = [-0.0, 0.0, -0.0]
        #expect(InteractionMatrix.canonicalSum(&zeros).bitPattern == (0.0).bitPattern)
    }
}
