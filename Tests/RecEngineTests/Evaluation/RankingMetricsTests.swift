import Foundation
import Testing
@testable import RecEngine

/// Hand-computed values. Discounts: 1/log₂(2) = 1, 1/log₂(3) ≈ 0.6309,
/// 1/log₂(4) = 0.5, 1/log₂(5) ≈ 0.4307.
@Suite("Ranking metrics")
struct RankingMetricsTests {
    static let d2 = 1 / log2(3.0), d4 = 1 / log2(5.0)

    @Test("hits at positions 2 and 4 of 5, three held-out items")
    func twoHits() {
        let m = RankingMetrics(recommended: [1, 2, 3, 4, 5], relevant: [2, 4, 9], k: 5)
        #expect(m.precision == 2.0 / 5)
        #expect(m.recall == 2.0 / 3)
        // DCG = 1/log₂3 + 1/log₂5; ideal over min(5, 3) = 3 positions: 1 + 1/log₂3 + 1/2.
        #expect(approx(m.ndcg, (Self.d2 + Self.d4) / (1 + Self.d2 + 0.5)))
        // AP: precision 1/2 at the first hit, 2/4 at the second; |T| = 3 < k, so both MAPs divide by 3.
        #expect(approx(m.map, (0.5 + 0.5) / 3))
        #expect(m.map == m.mapOverTest)
        #expect(m.hitRate == 1)
    }

    @Test("a list shorter than k: precision still divides by k, nDCG's ideal by min(k, |T|)")
    func shortList() {
        let m = RankingMetrics(recommended: [7, 3], relevant: [3], k: 10)
        #expect(m.precision == 0.1)
        #expect(m.recall == 1)
        #expect(approx(m.ndcg, Self.d2))
        #expect(m.map == 0.5)
        #expect(m.mapOverTest == 0.5)
    }

    @Test("more held-out items than k: MAP reaches 1, MAP over |T| does not")
    func moreRelevantThanK() {
        let m = RankingMetrics(recommended: [1, 2], relevant: [1, 2, 3, 4], k: 2)
        #expect(m.precision == 1)
        #expect(m.recall == 0.5)
        #expect(m.ndcg == 1)
        #expect(m.map == 1)
        #expect(m.mapOverTest == 0.5)
    }

    @Test("no hit: all zero but defined")
    func noHit() {
        let m = RankingMetrics(recommended: [1, 2, 3], relevant: [4], k: 3)
        #expect(m == RankingMetrics())
    }

    @Test("a user with no held-out items gives zeros (the evaluator leaves such users out)")
    func noTestItems() {
        #expect(RankingMetrics(recommended: [1, 2], relevant: [], k: 2) == RankingMetrics())
    }

    @Test("entries after the k-th and repeats count for nothing")
    func cutOffAndRepeats() {
        let m = RankingMetrics(recommended: [5, 5, 6], relevant: [5, 6], k: 2)
        #expect(m.precision == 0.5)
        #expect(m.recall == 0.5)
        #expect(approx(m.ndcg, 1 / (1 + Self.d2)))
        #expect(m.map == 0.5)
    }

    @Test("tied items: the metrics follow the list's order, so order decides")
    func tiesFollowListOrder() {
        // Two items the engine scores equally come in ID order (SPEC §5); the
        // same two in the other order score differently.
        let first = RankingMetrics(recommended: [1, 2], relevant: [1], k: 2)
        let second = RankingMetrics(recommended: [2, 1], relevant: [1], k: 2)
        #expect(first.ndcg == 1 && first.map == 1)
        #expect(approx(second.ndcg, Self.d2) && second.map == 0.5)
        #expect(first.precision == second.precision && first.recall == second.recall)
    }

    @Test("the mean is over the users given")
    func mean() {
        let a = RankingMetrics(recommended: [1, 2], relevant: [1, 2, 3, 4], k: 2)
        let b = RankingMetrics(recommended: [1, 2, 3], relevant: [4], k: 2)
        let m = RankingMetrics.mean([a, b])
        #expect(m.precision == 0.5 && m.recall == 0.25 && m.ndcg == 0.5 && m.map == 0.5 && m.mapOverTest == 0.25)
        #expect(m.hitRate == 0.5)
        #expect(RankingMetrics.mean([]) == RankingMetrics())
    }
}
