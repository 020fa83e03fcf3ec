import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Template sentences on a hand-made data set whose shares are worked out here by hand.
@Suite struct TemplateExplanationTests {
    /// u1 watched a1 (anime series) and d1 (drama movie); u2 and u3 link them to x (anime series).
    /// u4 watched only z, which no one else watched: fill for u4.
    static let users = "user_id,name,age,gender,region\nu1,A,30,f,x\nu2,B,30,f,x\nu3,C,30,f,x\nu4,D,30,f,x\nu5,E,30,f,x\nu6,F,30,f,x\n"
    static let items = """
        item_id,title,content_type,genre
        a1,Alpha One,series,anime
        d1,Delta Film,movie,drama
        x,Xenon Run,series,anime
        z,Zulu Solo,movie,horror
        p,Popular Pick,movie,comedy

        """
    /// r(u1,a1) = 300, r(u1,d1) = 100. u2: a1 100, x 100. u3: d1 100, x 100. u5: p 500, u6: p 50 (p links to nothing u1 watched).
    static let events = """
        user_id,item_id,event_type,watch_seconds,timestamp
        u1,a1,play,300,2024-01-01T00:00:00Z
        u1,d1,play,100,2024-01-01T00:00:01Z
        u2,a1,play,100,2024-01-01T00:00:00Z
        u2,x,play,100,2024-01-01T00:00:01Z
        u3,d1,play,100,2024-01-01T00:00:00Z
        u3,x,play,100,2024-01-01T00:00:01Z
        u4,z,play,100,2024-01-01T00:00:00Z
        u5,p,play,500,2024-01-01T00:00:00Z
        u6,p,play,50,2024-01-01T00:00:00Z

        """

    static func report(_ id: String, k: Int = 2) throws -> UserReport {
        let model = try PageFixture.model(users: users, items: items, events: events, k: k)
        let u = model.dataset.users.firstIndex { $0.id == id }!
        return ReportBuilder.user(u, model: model, k: k)
    }

    @Test func collaborativeSentenceNamesContributorsSharesAndGenre() throws {
        let report = try Self.report("u1")
        let x = try #require(report.recommendations.first { $0.recommendation.source == .cf })
        #expect(report.recommendations.filter { $0.recommendation.source == .cf }.count == 1)
        let breakdown = try #require(x.breakdown)
        #expect(breakdown.contributions.count == 2)
        // sim(x,a1) = 100·100/(√(300²+100²)·√(100²+100²)); sim(x,d1) = 100·100/(√(100²+100²)·√(100²+100²)) = 1/2.
        let simA = 10_000 / ((90_000.0 + 10_000).squareRoot() * (20_000.0).squareRoot())
        let cA = simA * 300, cD = 0.5 * 100
        let shareA = cA / (cA + cD), shareD = cD / (cA + cD)
        let text = try #require(x.explanation?.text)
        #expect(x.explanation?.source == .template)
        let a = NumberFormat.percent(shareA), d = NumberFormat.percent(shareD)
        if shareA >= 0.5 {
            #expect(text.hasPrefix("Mostly because you watched “Alpha One” (\(a) of the score), another anime series"))
            #expect(text.contains("“Delta Film” adds \(d)."))
        } else {
            #expect(text.hasPrefix("“Alpha One” (\(a)) and “Delta Film” (\(d)) carry most of the score"))
        }
        // u1's viewing: anime 300 of 400 = 75.0%.
        #expect(text.hasSuffix("Anime is your most-watched genre (75.0% of your viewing)."))
    }

    @Test func fillSaysWhy() throws {
        // u4's only title, z, shares no viewer: both entries are popular fill.
        let report = try Self.report("u4")
        #expect(report.recommendations.allSatisfy { $0.recommendation.source == .popular })
        let first = try #require(report.recommendations.first?.explanation?.text)
        // p is the most popular item (550) with 2 viewers.
        #expect(first.hasPrefix("A popular pick (#1 overall, 2 viewers): no viewer of your 1 title watched anything else"))
        #expect(first.hasSuffix("Your history has no comedy yet; you mostly watch horror."))
        // u1 has one cf item (x) and one fill item; the fill says only one title is linked.
        let u1 = try Self.report("u1", k: 2)
        let fill = try #require(u1.recommendations.first { $0.recommendation.source == .popular }?.explanation?.text)
        #expect(fill.contains("filling the list: only 1 title is linked to what you watched."))
    }

    @Test func deterministicAndVariedOnTheFixtureSite() throws {
        let site = try PageFixture.site()
        let builder = ReportBuilder(model: site.model, recommendations: site.recommendations)
        var statistics = ExplanationStatistics(), again = ExplanationStatistics()
        for u in site.model.dataset.users.indices {
            statistics.add(builder.user(u))
            again.add(builder.user(u))
        }
        #expect(statistics == again)
        #expect(statistics.recommendations > 0)
        #expect(statistics.shapes.count >= 3)
        #expect(statistics.fromModel == 0)
    }
}
