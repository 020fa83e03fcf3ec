import Foundation
import RecEngine
import Testing
@testable import RecSite

@Suite struct ExplanationCacheTests {
    @Test func sha256MatchesKnownDigests() {
        // FIPS 180-4 examples.
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func fileRoundTripsSortedByKey() throws {
        let a = ExplanationCache.Entry(key: "b", model: "m", userID: "u1", itemID: "i1", text: "Two <b> & \"q\"")
        let b = ExplanationCache.Entry(key: "a", model: "m", userID: "u2", itemID: "i2", text: "One")
        let cache = ExplanationCache([a, b])
        #expect(cache.text.split(separator: "\n").map { $0.prefix(9) } == ["{\"key\":\"a", "{\"key\":\"b"])
        let read = try ExplanationCache.parse(cache.text, path: "x")
        #expect(read.entries == cache.entries)
        #expect(throws: RecSiteError.invalidConfig(path: "x:2", reason: "not a JSON object")) {
            try ExplanationCache.parse("\n{oops\n", path: "x")
        }
    }

    @Test func noCacheMeansTemplateAndTheSameBytesTwice() throws {
        let site = try PageFixture.site()
        let folder = NSTemporaryDirectory() + "no-cache-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cache = try ExplanationCache.load(path: folder + "/" + ExplanationCache.fileName)
        #expect(cache.isEmpty)
        func render() throws -> [String: String] {
            let (pages, files) = try ReportSite(model: site.model, templates: try PageFixture.templates(),
                                                recommendations: site.recommendations, explainer: Explainer(cache: cache))
                .renderPages(workers: 2)
            return Dictionary(uniqueKeysWithValues: pages.map { ($0.path, $0.markdown) } + files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        }
        let first = try render(), second = try render()
        #expect(first == second)
        let builder = ReportBuilder(model: site.model, recommendations: site.recommendations, explainer: Explainer(cache: cache))
        let u = try #require(site.recommendations.firstIndex { $0.contains { $0.source == .cf } })
        let file = try #require(SiteData(model: site.model).userFiles(builder.user(u)).first { $0.path.hasPrefix("api/recommendations/") })
        let json = String(decoding: file.bytes, as: UTF8.self)
        #expect(json.contains("\"source\": \"template\""))
        #expect(!json.contains("\"source\": \"model\""))
        // The page of the user with a cf recommendation (a dictionary's first "users/" key could be the index).
        let page = try #require(first[SitePaths.user(site.model.dataset.users[u].id)])
        #expect(page.contains("_(template)_"))
    }

    @Test func replyCheck() throws {
        let (job, model) = try ExplanationProviderTests.job()
        let check = ReplyCheck(items: model.dataset.items)
        let share = NumberFormat.fixed(job.facts.contributors[0].share * 100, 1)
        let rounded = NumberFormat.fixed(job.facts.contributors[0].share * 100, 0)
        #expect((try? check.check("  “Alpha One” gives \(share)%\n of it.", facts: job.facts).get()) == "“Alpha One” gives \(share)% of it.")
        #expect((try? check.check("About \(rounded)% comes from Alpha One.", facts: job.facts).get()) != nil)
        #expect((try? check.check("Fans of Zulu Solo love it.", facts: job.facts).get()) == nil)  // another catalogue title
        #expect((try? check.check("Item z is close.", facts: job.facts).get()) == nil)  // another item's ID
        #expect((try? check.check("Alpha One gives 99.9% of it.", facts: job.facts).get()) == nil)  // a number not in the facts
        #expect((try? check.check("", facts: job.facts).get()) == nil)
    }
}
