import Foundation
import RecEngine
import Testing
@testable import RecSite

/// The user page's views of the old tool that had no page: favourites, the
/// movies-only genre preferences, and taste against everyone's, each
/// recomputed here from the events.
@Suite struct UserTastePageTests {
    @Test func movieGenresFavouritesAndTasteAreTheEventsNumbers() throws {
        let site = try PageFixture.site()
        let model = site.model, dataset = model.dataset, items = dataset.items
        let weights = model.config.weights
        // r(u,i) from the kept events, independently of the engine.
        var r: [Int: [Int: Double]] = [:]
        for e in 0..<dataset.events.count {
            let weight = weights.weight(of: dataset.eventTypes[Int(dataset.events.type[e])]) ?? 0
            r[Int(dataset.events.user[e]), default: [:]][Int(dataset.events.item[e]), default: 0]
                += dataset.events.watchSeconds[e] * weight
        }
        // Everyone's genre shares: Σ r per genre over Σ r.
        var everyone: [String: Double] = [:]
        var all = 0.0
        for scores in r.values { for (i, score) in scores { everyone[items[i].genre, default: 0] += score; all += score } }
        var checked = 0
        for (u, user) in dataset.users.enumerated() {
            guard let history = r[u], !history.isEmpty else { continue }
            let lines = Set(try site.page(SitePaths.user(user.id)).markdown.split(separator: "\n").map(String.init))
            // Movies-only genre preferences: rows for every genre of the user's movies.
            var movieGenres: [String: (items: Int, score: Double)] = [:]
            for (i, score) in history where items[i].isMovie {
                movieGenres[items[i].genre, default: (0, 0)].items += 1
                movieGenres[items[i].genre, default: (0, 0)].score += score
            }
            let movieTotal = movieGenres.values.reduce(0) { $0 + $1.score }
            for (genre, tally) in movieGenres {
                let row = "| \(genre) | \(tally.items) | \(NumberFormat.interaction(tally.score)) | "
                    + "\(movieTotal > 0 ? NumberFormat.percent(tally.score / movieTotal) : "—") |"
                #expect(lines.contains(row), "\(user.id) lacks \(row)")
            }
            // Taste against everyone: the user's genre share beside everyone's.
            let total = history.values.reduce(0, +)
            var genres: [String: Double] = [:]
            for (i, score) in history { genres[items[i].genre, default: 0] += score }
            for (genre, score) in genres where total > 0 {
                let prefix = "| \(genre) | \(NumberFormat.percent(score / total)) | \(NumberFormat.percent(everyone[genre]! / all)) | "
                #expect(lines.contains { $0.hasPrefix(prefix) }, "\(user.id) lacks \(prefix)")
            }
            // Favourites: the ten highest r, ties by ID order, with their popularity rank.
            let favourites = history.sorted { $0.value != $1.value ? $0.value > $1.value : IDOrder.less(items[$0.key].id, items[$1.key].id) }
                .prefix(10)
            for (position, (i, score)) in favourites.enumerated() {
                let suffix = "| \(NumberFormat.interaction(score)) | \(model.popularity.rank[i]) | \(model.popularity.viewers[i]) |"
                #expect(lines.contains { $0.hasPrefix("| \(position + 1) | ") && $0.hasSuffix(suffix) }, "\(user.id) favourite \(position + 1)")
            }
            checked += 1
        }
        #expect(checked >= 4)
    }
}
