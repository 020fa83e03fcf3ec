#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Top-k accuracy of one user's list against the user's held-out items, or
/// the mean over users. Relevance is binary: every held-out item is
/// relevant, every other item is not.
///
/// For a list L (its first k entries) and held-out items T, with hits at
/// 1-based positions p₁ < p₂ < …:
/// - precision = |L ∩ T| / k (k even when the list is shorter, as Spark and
///   Microsoft Recommenders count);
/// - recall = |L ∩ T| / |T|;
/// - nDCG = Σ 1/log₂(pᵢ + 1) / Σ_{p=1}^{min(k,|T|)} 1/log₂(p + 1);
/// - AP = Σ (i / pᵢ) / min(k, |T|) — `map`, the usual MAP@k (Spark's
///   `meanAveragePrecisionAt`, Microsoft Recommenders' `map_at_k`), which reaches 1;
/// - AP over |T| = Σ (i / pᵢ) / |T| — `mapOverTest`, Microsoft Recommenders'
///   `map`, the MAP of their published benchmark tables;
/// - hit rate = 1 when the list has any held-out item.
public struct RankingMetrics: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var ndcg: Double
    public var map: Double
    public var mapOverTest: Double
    public var hitRate: Double

    public init(precision: Double = 0, recall: Double = 0, ndcg: Double = 0,
                map: Double = 0, mapOverTest: Double = 0, hitRate: Double = 0) {
        self.precision = precision
        self.recall = recall
        self.ndcg = ndcg
        self.map = map
        self.mapOverTest = mapOverTest
        self.hitRate = hitRate
    }

    /// One user's metrics.
    /// - Parameters:
    ///   - recommended: the list, best first; entries after the k-th and
    ///     repeats of an earlier entry count for nothing.
    ///   - relevant: the held-out items, ascending. Empty gives all zeros
    ///     (such users are left out of the means).
    ///   - k: the cut-off, ≥ 1.
    /// - Complexity: O(k × (k + log |T|) + min(k, |T|)).
    public init(recommended: [Int32], relevant: [Int32], k: Int) {
        self.init()
        guard !relevant.isEmpty, k > 0 else { return }
        let list = recommended.prefix(k)
        var hits = 0, dcg = 0.0, precisionSum = 0.0
        for (offset, item) in list.enumerated()
        where sortedContains(relevant[...], item) && !list.prefix(offset).contains(item) {
            hits += 1
            dcg += Self.discount(offset + 1)
            precisionSum += Double(hits) / Double(offset + 1)
        }
        let ideal = min(k, relevant.count)
        var idcg = 0.0
        for position in 1...ideal { idcg += Self.discount(position) }
        precision = Double(hits) / Double(k)
        recall = Double(hits) / Double(relevant.count)
        ndcg = dcg / idcg
        map = precisionSum / Double(ideal)
        mapOverTest = precisionSum / Double(relevant.count)
        hitRate = hits > 0 ? 1 : 0
    }

    /// The mean of each metric, summed in the given order; zeros for none.
    public static func mean(_ users: [RankingMetrics]) -> RankingMetrics {
        guard !users.isEmpty else { return RankingMetrics() }
        var sum = RankingMetrics()
        for m in users {
            sum.precision += m.precision
            sum.recall += m.recall
            sum.ndcg += m.ndcg
            sum.map += m.map
            sum.mapOverTest += m.mapOverTest
            sum.hitRate += m.hitRate
        }
        let n = Double(users.count)
        return RankingMetrics(precision: sum.precision / n, recall: sum.recall / n, ndcg: sum.ndcg / n,
                              map: sum.map / n, mapOverTest: sum.mapOverTest / n, hitRate: sum.hitRate / n)
    }

    /// The gain of a hit at a 1-based position: 1 / log₂(position + 1).
    static func discount(_ position: Int) -> Double { 1 / log2(Double(position + 1)) }
}
