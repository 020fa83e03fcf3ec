#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a set of top-k lists shows besides accuracy, over the lists of the
/// evaluated users. Popularity and similarity are the training data's, so
/// every algorithm is measured with the same rulers:
/// - coverage: the share of the catalogue's items that are in any list;
/// - Gini: the Gini index of how often each catalogue item is listed
///   (0 every item equally often, towards 1 a few items everywhere);
/// - novelty as rank: the mean SPEC §6 popularity rank of listed items
///   (1 = most popular), per list, then over lists;
/// - novelty as self-information: the mean of −log₂ p(i) in bits, with
///   p(i) = (viewers(i) + 1) / (users + 1), add-one smoothed so an item no
///   one watched in training is finite;
/// - intra-list diversity: the mean of 1 − sim(i,j) (SPEC §4 cosine on the
///   training data) over the pairs of a list, then over lists of ≥ 2 items.
public struct BeyondAccuracyMetrics: Sendable, Equatable {
    public var coverage: Double
    public var gini: Double
    public var meanPopularityRank: Double
    public var selfInformation: Double
    public var intraListDiversity: Double

    public init(coverage: Double = 0, gini: Double = 0, meanPopularityRank: Double = 0,
                selfInformation: Double = 0, intraListDiversity: Double = 0) {
        self.coverage = coverage
        self.gini = gini
        self.meanPopularityRank = meanPopularityRank
        self.selfInformation = selfInformation
        self.intraListDiversity = intraListDiversity
    }

    /// - Parameters:
    ///   - lists: one list per evaluated user, in a fixed order.
    ///   - popularity: training popularity (ranks and viewers).
    ///   - similarity: the training similarity, for diversity.
    ///   - userCount: users in the data set (for p(i)).
    /// - Complexity: O(Σ|L|² × log neighbours + items × log items).
    public init(lists: [[Int32]], popularity: Popularity, similarity: ItemSimilarity, userCount: Int) {
        self.init()
        let itemCount = popularity.rank.count
        var exposure = [Int](repeating: 0, count: itemCount)
        var rankSum = 0.0, informationSum = 0.0, nonEmpty = 0
        var diversitySum = 0.0, diverseLists = 0
        for list in lists where !list.isEmpty {
            var listRank = 0.0, listInformation = 0.0
            for item in list {
                exposure[Int(item)] += 1
                listRank += Double(popularity.rank[Int(item)])
                let p = Double(popularity.viewers[Int(item)] + 1) / Double(userCount + 1)
                listInformation -= log2(p)
            }
            rankSum += listRank / Double(list.count)
            informationSum += listInformation / Double(list.count)
            nonEmpty += 1
            if list.count >= 2 {
                var pairSum = 0.0
                for a in 0..<list.count {
                    for b in (a + 1)..<list.count { pairSum += 1 - similarity.value(Int(list[a]), Int(list[b])) }
                }
                diversitySum += pairSum / Double(list.count * (list.count - 1) / 2)
                diverseLists += 1
            }
        }
        guard itemCount > 0, nonEmpty > 0 else { return }
        coverage = Double(exposure.filter { $0 > 0 }.count) / Double(itemCount)
        gini = Self.gini(exposure)
        meanPopularityRank = rankSum / Double(nonEmpty)
        selfInformation = informationSum / Double(nonEmpty)
        intraListDiversity = diverseLists > 0 ? diversitySum / Double(diverseLists) : 0
    }

    /// Σ_i (2i − n − 1) x_(i) / (n Σ x) over the counts sorted ascending (i from 1).
    static func gini(_ counts: [Int]) -> Double {
        let sorted = counts.sorted()
        let n = sorted.count
        let total = sorted.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        var weighted = 0.0
        for (index, x) in sorted.enumerated() { weighted += Double(2 * (index + 1) - n - 1) * Double(x) }
        return weighted / (Double(n) * Double(total))
    }
}
