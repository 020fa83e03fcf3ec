import Foundation
import RecEngine
import RecSite
import Testing

/// `recsite build --formats`, `--users` and `--sample`, built in memory
/// (`siteFiles()` runs the link check, so every build here has no broken link).
@Suite struct SiteSelectionTests {
    /// The kind of a site file, worked out here from its path alone.
    static func kind(_ path: String) -> String {
        if path == SitePaths.buildSummary || path == SitePaths.previousBuildSummary { return "summary" }
        if path.hasPrefix("api/") { return "json" }
        if path.hasPrefix("csv/") { return "csv" }
        if path.hasPrefix("assets/") { return "assets" }
        if path.hasPrefix("charts/") { return "charts" }
        if path == ".nojekyll" { return "nojekyll" }
        return String(path.split(separator: ".").last!)  // md or html
    }

    static func build(_ fixture: BuildFixture, data: String = BuildFixture.data, formats: SiteFormats = .all,
                      pages: @escaping @Sendable (RecommenderModel) -> UserPages = { _ in .all }) throws -> [String: [UInt8]] {
        var options = fixture.builder(data: data).options
        options.formats = formats
        let builder = SiteBuilder(options: options, console: fixture.console) { inputs in
            ReportSite(inputs, formats: formats, userPages: pages(inputs.model))
        }
        return Dictionary(uniqueKeysWithValues: try builder.siteFiles().files.map { ($0.path, $0.bytes) })
    }

    @Test(arguments: ["md", "html", "json", "csv", "md,html", "html,json", "md,csv", "json,csv", "md,html,json"])
    func aSubsetWritesExactlyItsKindsAndNoPageLinksTheOthers(list: String) throws {
        let fixture = try BuildFixture(pages: .sitePages)
        defer { fixture.cleanUp() }
        let formats = try #require(SiteFormats(list: list))
        let full = try Self.build(fixture)
        let subset = try Self.build(fixture, formats: formats)
        let words = Set(list.split(separator: ",").map(String.init))
        // The build summary is always written: the next build and recsite diff read it.
        var expected = Set(["nojekyll", "summary"]).union(words)
        if words.contains("html") { expected.insert("assets") }
        if words.contains("md") || words.contains("html") { expected.insert("charts") }
        #expect(Set(subset.keys.map(Self.kind)) == expected)
        // Every data file, chart and asset of the kinds kept is the full build's, byte for byte,
        // but for the JSON indexes' "page", which names the HTML page, else the Markdown one, else null.
        let indexes: Set<String> = ["api/users.json", "api/items.json"]
        for (path, bytes) in full where expected.contains(Self.kind(path)) && !["md", "html"].contains(Self.kind(path)) {
            if indexes.contains(path) && !words.contains("html") {
                let text = String(decoding: try #require(subset[path]), as: UTF8.self)
                #expect(!text.contains(".html\""), "\(path)")
                #expect(text.contains("\"page\": null") == !words.contains("md"), "\(path)")
            } else {
                #expect(subset[path] == bytes, "\(path)")
            }
        }
        // The pages are all there, and none names a kind left out.
        #expect(subset.keys.filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.count
            == full.keys.filter { expected.contains(Self.kind($0)) && ($0.hasSuffix(".md") || $0.hasSuffix(".html")) }.count)
        for (path, bytes) in subset where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let text = String(decoding: bytes, as: UTF8.self)
            if !words.contains("csv") { #expect(!text.contains(".csv)") && !text.contains(".csv\""), "\(path)") }
            if !words.contains("json") {
                let withoutSummary = text.replacingOccurrences(of: "build.json", with: "")
                #expect(!withoutSummary.contains(".json)") && !withoutSummary.contains(".json\""), "\(path)")
            }
            if !words.contains("md") && path.hasSuffix(".html") { #expect(!text.contains(">Markdown</a>"), "\(path)") }
        }
    }

    @Test func allFormatsIsTheDefaultBuild() throws {
        let fixture = try BuildFixture(pages: .sitePages)
        defer { fixture.cleanUp() }
        let plain = fixture.builder(data: BuildFixture.data, renderPages: { ReportSite($0) })
        let files = try plain.siteFiles().files
        #expect(try Self.build(fixture, formats: try #require(SiteFormats(list: "csv,json,html,md")))
            == Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }))
    }

    @Test func formatListsAreChecked() {
        #expect(SiteFormats(list: "md,html,json,csv") == .all)
        #expect(SiteFormats(list: "json") == .json)
        #expect(SiteFormats(list: "") == nil)
        #expect(SiteFormats(list: "pdf") == nil)
        #expect(SiteFormats(list: "md,") == nil)
    }

    /// The sample's rule written out again: FNV-1a 64 over "seed:id", SplitMix64's finaliser, smallest first.
    static func expectedSample(_ ids: [String], n: Int, seed: UInt64) -> Set<String> {
        func key(_ id: String) -> UInt64 {
            let fnv = Array("\(seed):\(id)".utf8).reduce(UInt64(14_695_981_039_346_656_037)) {
                ($0 ^ UInt64($1)) &* 1_099_511_628_211
            }
            let a = (fnv ^ (fnv >> 30)) &* 13_787_848_793_156_543_929
            let b = (a ^ (a >> 27)) &* 10_723_151_780_598_845_931
            return b ^ (b >> 31)
        }
        let ranked = ids.enumerated().sorted { (key($0.element), $0.offset) < (key($1.element), $1.offset) }
        return Set(ranked.prefix(n).map(\.element))
    }

    @Test func aSampleGetsPagesAndFilesWhileTheSiteWidePagesCoverEveryone() throws {
        let fixture = try BuildFixture(pages: .sitePages)
        defer { fixture.cleanUp() }
        let data = BuildFixture.repository.appendingPathComponent("data").path
        let site = try Self.build(fixture, data: data) { UserPages.sample(7, seed: 42, users: $0.dataset.users) }
        // The kept users (data/users.csv is dirty: cleansing trims and drops rows), as api/users.json lists them.
        let listed = try JSONSerialization.jsonObject(with: Data(try #require(site["api/users.json"]))) as? [[String: Any]]
        let ids = try #require(listed).map { $0["id"] as! String }
        #expect(ids.count == 300)
        let expected = Self.expectedSample(ids, n: 7, seed: 42)
        #expect(expected.count == 7)
        let paged = Set(site.keys.filter { $0.hasPrefix("users/u") && $0.hasSuffix(".md") }
            .map { String($0.dropFirst("users/".count).dropLast(".md".count)) })
        #expect(paged == expected)
        let histories = Set(site.keys.filter { $0.hasPrefix("api/user_history/") }
            .map { String($0.dropFirst("api/user_history/".count).dropLast(".json".count)) })
        #expect(histories == expected)
        #expect(site.keys.filter { $0.hasPrefix("csv/user_") }.count == 4 * 7)
        #expect(site.keys.filter { $0.hasPrefix("charts/users/") }.count <= 7)

        // The users index lists all 300, links the 7 and says so.
        let index = String(decoding: try #require(site["users/index.md"]), as: UTF8.self)
        #expect(index.contains("7 of 300 users have pages"))
        for id in ids {
            let row = index.contains("| [\(id)](../users/\(id).md) |"), plain = index.contains("| \(id) |")
            #expect(expected.contains(id) ? row && !plain : plain && !row, "\(id)")
        }
        let users = String(decoding: try #require(site["api/users.json"]), as: UTF8.self)
        #expect(users.components(separatedBy: "\"page\": null").count - 1 == 300 - 7)
        // Same seed, same sample; another seed, another one.
        #expect(try Self.build(fixture, data: data) { UserPages.sample(7, seed: 42, users: $0.dataset.users) } == site)
        #expect(Self.expectedSample(ids, n: 7, seed: 43) != expected)
    }

    @Test func aListOfUsersNamesTheLineOfAnUnknownID() throws {
        let fixture = try BuildFixture(pages: .sitePages)
        defer { fixture.cleanUp() }
        let site = try Self.build(fixture) { model in
            try! UserPages.listed(in: "list.txt", text: "# chosen\nu2\n\n  u10  \n", model: model)
        }
        #expect(Set(site.keys.filter { $0.hasPrefix("users/u") && $0.hasSuffix(".html") }) == ["users/u2.html", "users/u10.html"])
        var options = fixture.builder().options
        options.formats = .all
        let builder = SiteBuilder(options: options, console: fixture.console) { inputs in
            ReportSite(inputs, userPages: try UserPages.listed(in: "list.txt", text: "u1\n\nu404\n", model: inputs.model))
        }
        let error = #expect(throws: RecSiteError.self) { try builder.siteFiles() }
        #expect(error?.description.hasPrefix("list.txt:3: unknown user ID 'u404'") == true, "\(String(describing: error))")
    }
}
