import Foundation
import Testing
@testable import RecEngine

@Suite("Beyond-accuracy metrics")
struct BeyondAccuracyTests {
    @Test("Gini of exposure counts, by hand", arguments: [([Int], Double)](arrayLiteral:
        ([0, 0, 1, 3], 10.0 / 16),   // Σ(2i − n − 1)x = 1·1 + 3·3 over n·Σx = 4·4
        ([2, 2, 2], 0),
        ([0, 0, 0, 5], 3.0 / 4),     // one item takes everything: (n − 1)/n
        ([0, 0], 0)
    ))
    func gini(counts: [Int], expected: Double) {
        #expect(approx(BeyondAccuracyMetrics.gini(counts), expected))
    }

    /// HandMade: items i1…i5 (indices 0…4); popularity ranks i1 1, i4 2, i2 3,
    /// i3 4, i5 5; viewers i1 2, i2 3, i3 3, i4 1, i5 0; 5 users.
    @Test("coverage, Gini, novelty and diversity of two lists on the hand-made data")
    func handMade() throws {
        let model = try HandMade.catalog.model()
        let (i1, i2, i3): (Int32, Int32, Int32) = (0, 1, 2)
        let m = BeyondAccuracyMetrics(lists: [[i1, i2], [i3]], popularity: model.popularity,
                                      similarity: model.similarity, userCount: 5)
        #expect(m.coverage == 3.0 / 5)
        #expect(approx(m.gini, 6.0 / 15))                     // counts 0,0,1,1,1
        #expect(m.meanPopularityRank == 3)   // lists: (1 + 3)/2 and 4
        // p(i) = (viewers + 1)/(users + 1): i1 3/6, i2 4/6, i3 4/6.
        let first: Double = (-log2(3.0 / 6) - log2(4.0 / 6)) / 2
        let second: Double = -log2(4.0 / 6)
        #expect(approx(m.selfInformation, (first + second) / 2))
        // Only the first list has a pair.
        #expect(approx(m.intraListDiversity, 1 - HandMade.sim12))
    }

    @Test("no lists give zeros")
    func empty() throws {
        let model = try HandMade.catalog.model()
        let m = BeyondAccuracyMetrics(lists: [[], []], popularity: model.popularity, similarity: model.similarity, userCount: 5)
        #expect(m == BeyondAccuracyMetrics())
    }
}
