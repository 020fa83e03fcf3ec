import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Every `UserReport` of the hand-made fixture against values worked out
/// here from the kept events alone (not from the engine's matrix), and the
/// single-user path against the build's.
@Suite struct ReportBuilderTests {
    /// r(u,i), kept events and latest time per (user, item), straight from the events.
    struct Expected {
        var score: [Int: Double] = [:], events: [Int: Int] = [:], last: [Int: Int64] = [:]
        var first: Int64? = nil, latest: Int64? = nil
    }

    static func expected(_ model: RecommenderModel) -> [Expected] {
        let dataset = model.dataset, events = dataset.events
        var result = [Expected](repeating: Expected(), count: dataset.users.count)
        for e in 0..<events.count {
            let u = Int(events.user[e]), i = Int(events.item[e])
            let weight = model.config.weights.weight(of: dataset.eventTypes[Int(events.type[e])]) ?? 0
            result[u].score[i, default: 0] += events.watchSeconds[e] * weight
            result[u].events[i, default: 0] += 1
            result[u].last[i] = max(result[u].last[i] ?? .min, events.seconds[e])
            result[u].first = min(result[u].first ?? .max, events.seconds[e])
            result[u].latest = max(result[u].latest ?? .min, events.seconds[e])
        }
        return result
    }

    @Test func everyReportHoldsWhatItsUsersEventsSay() throws {
        let site = try PageFixture.site()
        let model = site.model, items = model.dataset.items
        let reports = ReportBuilder(model: model, recommendations: site.recommendations)
            .users(model.dataset.users.indices, workers: 2)
        let expected = Self.expected(model)
        #expect(reports.map(\.index) == Array(model.dataset.users.indices))
        for (report, want) in zip(reports, expected) {
            let id = report.user.id
            #expect(Set(report.history.map { Int($0.item) }) == Set(want.score.keys), "\(id)")
            for entry in report.history {
                let i = Int(entry.item)
                #expect(abs(entry.score - want.score[i]!) <= 1e-9 * max(1, want.score[i]!), "\(id) \(items[i].id)")
                #expect(entry.events == want.events[i] && entry.lastWatched == want.last[i], "\(id) \(items[i].id)")
            }
            // History: r descending, then ID order (items are indexed in ID order).
            #expect(zip(report.history, report.history.dropFirst()).allSatisfy {
                $0.score > $1.score || ($0.score == $1.score && $0.item < $1.item)
            }, "\(id)")
            #expect(report.moviesOnly == report.history.filter { items[Int($0.item)].contentType == "movie" }, "\(id)")
            #expect(Array(report.favourites) == Array(report.history.prefix(10)), "\(id)")
            #expect(report.eventCount == want.events.values.reduce(0, +), "\(id)")
            #expect(abs(report.totalScore - want.score.values.reduce(0, +)) < 1e-6, "\(id)")
            #expect(report.firstActivity == want.first && report.lastActivity == want.latest, "\(id)")
            // Genre preferences over all items and over movies only: Σ r per genre.
            for (groups, entries) in [(report.genrePreferences, report.history), (report.movieGenrePreferences, report.moviesOnly)] {
                let sums = Dictionary(grouping: entries, by: { items[Int($0.item)].genre }).mapValues { $0.reduce(0) { $0 + $1.score } }
                #expect(Dictionary(uniqueKeysWithValues: groups.map { ($0.name, $0.score) }).keys == sums.keys, "\(id)")
                for group in groups { #expect(abs(group.score - sums[group.name]!) < 1e-6, "\(id) \(group.name)") }
            }
            // The list is the build's, and each cf item's contributions add up to its score.
            #expect(report.recommendations.map(\.recommendation) == site.recommendations[report.index], "\(id)")
            for entry in report.recommendations {
                let score = entry.recommendation.score
                #expect((entry.breakdown == nil) == (entry.recommendation.source == .popular), "\(id)")
                if let breakdown = entry.breakdown, let score {
                    #expect(breakdown.item == entry.recommendation.item)
                    #expect(abs(breakdown.contributions.reduce(0) { $0 + $1.contribution } - score) <= 1e-9 * max(1, score))
                    #expect(breakdown.contributions.first == entry.recommendation.reason, "\(id)")
                }
            }
        }
    }

    /// The `user` and `movies` commands make their report alone; it is the build's.
    @Test func theSingleUserReportIsTheBuildsReport() throws {
        let site = try PageFixture.site()
        let model = site.model
        let builder = ReportBuilder(model: model, recommendations: site.recommendations)
        for u in model.dataset.users.indices {
            let alone = ReportBuilder.user(u, model: model, k: model.config.k), built = builder.user(u)
            #expect(alone.history == built.history && alone.moviesOnly == built.moviesOnly)
            #expect(alone.genrePreferences == built.genrePreferences && alone.contentBreakdown == built.contentBreakdown)
            #expect(alone.recommendations.map(\.recommendation) == built.recommendations.map(\.recommendation))
            #expect(alone.recommendations.map(\.breakdown) == built.recommendations.map(\.breakdown))
            #expect(alone.firstActivity == built.firstActivity && alone.lastActivity == built.lastActivity)
        }
    }

    /// An item's report: its popularity facts and who gets it recommended, from the lists.
    @Test func itemReportsCountTheirRecipients() throws {
        let site = try PageFixture.site()
        let model = site.model
        let reports = ReportBuilder(model: model, recommendations: site.recommendations)
            .items(model.dataset.items.indices, workers: 2)
        for report in reports {
            let holders = site.recommendations.enumerated().compactMap { u, list in
                list.first { Int($0.item) == report.index }.map { (user: u, rank: $0.rank, source: $0.source) }
            }
            #expect(report.recommendedTo == holders.count, "\(report.item.id)")
            #expect(report.recommendedByCF == holders.filter { $0.source == .cf }.count, "\(report.item.id)")
            let expected = holders.sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.user < $1.user }
            #expect(report.recipients.map(\.user) == expected.map(\.user), "\(report.item.id)")
            #expect(report.rankCounts.reduce(0) { $0 + $1.users } == holders.count, "\(report.item.id)")
            #expect(report.rankCounts.map(\.rank) == Set(holders.map(\.rank)).sorted(), "\(report.item.id)")
            for count in report.rankCounts {
                #expect(count.users == holders.filter { $0.rank == count.rank }.count, "\(report.item.id) rank \(count.rank)")
            }
            let viewers = Set((0..<model.dataset.events.count).filter { Int(model.dataset.events.item[$0]) == report.index }
                .map { model.dataset.events.user[$0] })
            #expect(report.viewers == viewers.count, "\(report.item.id)")
        }
    }
}
