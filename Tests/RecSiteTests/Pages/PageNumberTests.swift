import Foundation
import RecEngine
import Testing
@testable import RecSite

/// The numbers on the pages are the engine's numbers under SPEC §8 formatting.
@Suite struct PageNumberTests {
    @Test func userPagesShowTheEnginesNumbers() throws {
        let site = try PageFixture.site()
        let model = site.model, items = model.dataset.items
        for (u, user) in model.dataset.users.enumerated() {
            let path = SitePaths.user(user.id)
            let lines = Set(try site.page(path).markdown.split(separator: "\n").map(String.init))
            let profile = model.profile(user: u)
            func link(_ i: Int32) -> String { MarkdownLink.to(SitePaths.item(items[Int(i)].id), from: path, text: items[Int(i)].title) }

            #expect(lines.contains("| Total score (Σ r) | \(NumberFormat.interaction(profile.totalScore)) |"), "\(path)")
            #expect(lines.contains("| Kept events | \(profile.eventCount) |"), "\(path)")
            for (n, entry) in profile.history.prefix(UserPage.historyRows).enumerated() {
                let item = items[Int(entry.item)]
                let row = "| \(n + 1) | \(link(entry.item)) | \(MarkdownEscaping.text(item.contentType)) | "
                    + "\(MarkdownEscaping.text(item.genre)) | \(entry.events) | \(NumberFormat.interaction(entry.score)) | "
                    + "\(Timestamp(seconds: entry.lastWatched).iso8601) |"
                #expect(lines.contains(row), "\(path) lacks \(row)")
            }
            for rec in model.recommendations(user: u) {
                let item = items[Int(rec.item)]
                let reason = rec.reason.map { "Because you watched \(link($0.item)) (\(NumberFormat.percent($0.share)) of the score)" }
                let row = "| \(rec.rank) | \(link(rec.item)) | \(MarkdownEscaping.text(item.contentType)) | "
                    + "\(MarkdownEscaping.text(item.genre)) | \(rec.score.map(NumberFormat.score) ?? "—") | \(rec.source.rawValue) | "
                // The last cell links the breakdown's heading by its GitHub anchor.
                let why = rec.score.map {
                    "[breakdown](#" + HeadingAnchor.slug("\(rec.rank). \(PageText.itemLabel(item)) — score \(NumberFormat.score($0))") + ")"
                } ?? "—"
                #expect(lines.contains { line in
                    line.hasPrefix(row) && line.hasSuffix(" | \(why) |") && (reason.map { line.hasSuffix($0 + " | \(why) |") } ?? true)
                }, "\(path) lacks \(row)")
                guard let score = rec.score else { continue }
                let breakdown = model.breakdown(user: u, item: Int(rec.item))
                #expect(lines.contains("|  | **Total** |  |  | **\(NumberFormat.score(score))** | **100.0%** |"))
                for (n, c) in breakdown.contributions.prefix(BreakdownTable.shownRows).enumerated() {
                    let row = "| \(n + 1) | \(link(c.item)) | \(NumberFormat.interaction(c.interaction)) | "
                        + "\(NumberFormat.similarity(c.similarity)) | \(NumberFormat.score(c.contribution)) | "
                        + "\(NumberFormat.percent(c.share)) |"
                    #expect(lines.contains(row), "\(path) lacks \(row)")
                }
            }
        }
    }

    /// The "N others" row sums the contributions the table leaves out.
    @Test func othersRowSumsTheRest() throws {
        let site = try PageFixture.site()
        let model = site.model
        let u = try #require(model.user("u1")), j = try #require(model.item("i13"))
        let breakdown = model.breakdown(user: u, item: j)
        #expect(breakdown.contributions.count == 11)
        let rest = breakdown.contributions.dropFirst(10).reduce(0) { $0 + $1.contribution }
        let page = try site.page(SitePaths.user("u1")).markdown
        #expect(page.contains("|  | 1 other item |  |  | \(NumberFormat.score(rest)) | \(NumberFormat.percent(rest / breakdown.score)) |"))
    }

    @Test func itemPagesShowTheEnginesNumbers() throws {
        let site = try PageFixture.site()
        let model = site.model, items = model.dataset.items
        for (i, item) in items.enumerated() {
            let path = SitePaths.item(item.id)
            let page = try site.page(path).markdown
            #expect(page.contains("| Popularity (Σ r over all users) | \(NumberFormat.interaction(model.popularity.score[i])) |"))
            #expect(page.contains("| Popularity rank | \(model.popularity.rank[i]) of \(items.count) |"))
            #expect(page.contains("| Viewers | \(model.popularity.viewers[i]) |"))
            for neighbour in model.mostSimilar(to: i, limit: 10) {
                let sim = model.similarity.value(i, neighbour.item)
                let link = MarkdownLink.to(SitePaths.item(items[neighbour.item].id), from: path, text: items[neighbour.item].title)
                #expect(page.contains("| \(link) |") && page.contains("| \(NumberFormat.similarity(sim)) |\n"), "\(path)")
            }
            let ranks = site.recommendations.flatMap { $0 }.filter { $0.item == Int32(i) }
            #expect(page.contains(ranks.isEmpty ? "Not in any user's top" : "In the top-10 list of \(ranks.count) of the "), "\(path)")
            for rank in Set(ranks.map(\.rank)) {
                #expect(page.contains("| \(rank) | \(ranks.filter { $0.rank == rank }.count) |\n"), "\(path) rank \(rank)")
            }
        }
    }
}
