import Foundation
import RecEngine
import Testing
@testable import RecSite

/// The site-wide tallies behind the compare, item and user pages, against
/// counts done the slow, obvious way.
@Suite struct AnalysisTests {
    @Test(arguments: [
        ([Int](), 0.0), ([0, 0, 0], 0.0), ([5, 5, 5, 5], 0.0), ([0, 0, 0, 4], 0.75), ([1, 2, 3], 2.0 / 9.0),
    ])
    func giniIndex(counts: [Int], expected: Double) {
        #expect(abs(RecommendationExposure.gini(counts) - expected) < 1e-12)
        #expect(abs(RecommendationExposure.gini(counts) - Self.pairwiseGini(counts)) < 1e-12)
    }

    @Test func exposureCountsEveryListSlot() throws {
        let site = try PageFixture.site()
        let exposure = RecommendationExposure(itemCount: site.model.dataset.items.count, recommendations: site.recommendations)
        let all = site.recommendations.flatMap { $0 }
        #expect(exposure.slots == all.count)
        #expect(exposure.cfSlots == all.filter { $0.source == .cf }.count)
        #expect(exposure.usersWithFill == site.recommendations.filter { $0.contains { $0.source == .popular } }.count)
        for i in site.model.dataset.items.indices {
            let mine = all.filter { $0.item == Int32(i) }
            #expect(exposure.users[i] == mine.count)
            #expect(exposure.cfUsers[i] == mine.filter { $0.source == .cf }.count)
        }
        #expect(exposure.distinctItems == Set(all.map(\.item)).count)
        let most = exposure.mostRecommended(limit: 3)
        #expect(most.count == 3)
        #expect(zip(most, most.dropFirst()).allSatisfy { exposure.users[$0] > exposure.users[$1] || (exposure.users[$0] == exposure.users[$1] && $0 < $1) })
        #expect(abs(exposure.gini - Self.pairwiseGini(exposure.users)) < 1e-12)
    }

    @Test func activitySpansEachUsersKeptEvents() throws {
        let dataset = try PageFixture.site().model.dataset
        let activity = UserActivity(dataset: dataset)
        for u in dataset.users.indices {
            let times = (0..<dataset.events.count).filter { Int(dataset.events.user[$0]) == u }.map { dataset.events.seconds[$0] }
            #expect(activity.first[u] == times.min())
            #expect(activity.last[u] == times.max())
        }
    }

    @Test func tasteComparisonByGenre() throws {
        let site = try PageFixture.site()
        let model = site.model, items = model.dataset.items
        let reports = ReportBuilder(model: model, recommendations: site.recommendations).users(model.dataset.users.indices, workers: 2)
        let taste = TasteComparison(reports: reports, items: items, key: \.genre)
        let profiles = model.dataset.users.indices.map { model.profile(user: $0) }
        let scored = profiles.filter { $0.totalScore > 0 }
        #expect(taste.usersWithScore == scored.count)
        #expect(taste.historyItems == model.matrix.nonZeroCount)
        #expect(abs(taste.rows.map(\.globalShare).reduce(0, +) - 1) < 1e-12)
        #expect(abs(taste.rows.map(\.meanUserShare).reduce(0, +) - 1) < 1e-12)
        for row in taste.rows {
            let shares = scored.map { profile in
                profile.genrePreferences(items: items).first { $0.name == row.name }.map { $0.score / profile.totalScore } ?? 0
            }
            #expect(abs(row.meanUserShare - shares.reduce(0, +) / Double(scored.count)) < 1e-12, "\(row.name)")
            #expect(row.users == profiles.filter { $0.history.contains { items[Int($0.item)].genre == row.name } }.count)
            #expect(row.recommended == site.recommendations.joined().filter { items[Int($0.item)].genre == row.name }.count)
        }
        #expect(zip(taste.rows, taste.rows.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func moviesOnlyCoverageCountsHiddenItems() throws {
        let model = try PageFixture.site().model
        let reports = ReportBuilder(model: model, recommendations: try PageFixture.site().recommendations)
            .users(model.dataset.users.indices, workers: 2)
        let coverage = MoviesOnlyCoverage(reports: reports, items: model.dataset.items)
        let profiles = model.dataset.users.indices.map { model.profile(user: $0) }.filter { !$0.history.isEmpty }
        let hidden = profiles.map { $0.history.count - $0.moviesOnly(items: model.dataset.items).count }
        #expect(coverage.usersWithHistory == profiles.count)
        #expect(coverage.hiddenItems == hidden.reduce(0, +))
        #expect(coverage.usersWithHiddenItems == hidden.filter { $0 > 0 }.count)
        #expect(coverage.usersWithoutMovies == profiles.filter { $0.moviesOnly(items: model.dataset.items).isEmpty }.count)
        #expect(coverage.usersWithoutMovies == 1)  // u4 watches only series and anime
    }

    static func pairwiseGini(_ counts: [Int]) -> Double {
        let n = Double(counts.count), total = Double(counts.reduce(0, +))
        guard n > 0, total > 0 else { return 0 }
        var sum = 0.0
        for a in counts { for b in counts { sum += Double(abs(a - b)) } }
        return sum / (2 * n * n * (total / n))
    }
}
