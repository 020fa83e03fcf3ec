import Foundation
import RecEngine
import RecSite
import Testing

/// The whole build on the `build-small` fixture: links, HTML validity,
/// determinism, incremental rewrites, `--check`, failures and the API files.
@Suite("site build, end to end")
struct SiteBuildTests {
    @Test(arguments: PageSource.allCases)
    func everyInternalLinkOfTheWrittenSiteResolves(pages source: PageSource) throws {
        let fixture = try BuildFixture(pages: source)
        defer { fixture.cleanUp() }
        _ = try fixture.builder(renderPages: source.renderer).build()
        let site = fixture.scratch + "/site"
        let paths = Set(try BuildFixture.files(under: site))
        // Read back from disk, Markdown links with cmark: independent of the build's own check.
        let checker = LinkChecker(paths: paths)
        let renderer = try MarkdownRenderer()
        var pagesChecked = 0
        for path in paths.sorted() where path.hasSuffix(".md") || path.hasSuffix(".html") {
            let text = try String(contentsOfFile: site + "/" + path, encoding: .utf8)
            let links = path.hasSuffix(".md")
                ? try LinkChecker.links(inMarkdown: text, renderer: renderer) : LinkChecker.links(inHTML: text)
            if path.hasSuffix(".html") { #expect(!links.isEmpty, "\(path)") }
            #expect(checker.brokenLinks(links, from: path) == [], "\(path)")
            pagesChecked += 1
        }
        // 6 users + 6 items + 2 indexes + 6 other pages, each as .md and .html,
        // and the site's README.md (whose links resolve too).
        #expect(pagesChecked == 41)
        #expect(paths.contains(".nojekyll") && paths.contains("README.md"))
        // Hostile IDs land in safe names inside their folder.
        for path in paths {
            #expect(path.split(separator: "/").allSatisfy { $0 != ".." && $0 != "." }, "\(path)")
            #expect(path.unicodeScalars.allSatisfy { $0.isASCII && $0 != " " }, "\(path)")
        }
        #expect(paths.contains(SitePaths.user("ü/../x y")))
        #expect(SitePaths.user("ü/../x y").hasPrefix("users/"))
    }

    @Test(arguments: PageSource.allCases)
    func everyHTMLPageHasOneH1AndParses(pages source: PageSource) throws {
        let fixture = try BuildFixture(pages: source)
        defer { fixture.cleanUp() }
        _ = try fixture.builder(renderPages: source.renderer).build()
        let site = fixture.scratch + "/site"
        let pages = try BuildFixture.files(under: site).filter { $0.hasSuffix(".html") }
        #expect(pages.count == 20)
        for page in pages {
            let html = try String(contentsOfFile: site + "/" + page, encoding: .utf8)
            #expect(html.components(separatedBy: "<h1").count - 1 == 1, "\(page)")
            #expect(html.contains("<title>") && html.contains("<html lang=\"en\""))
            #expect(!html.contains("<script>alert"), "\(page)")
            #expect(html.range(of: " on[a-z]+=", options: .regularExpression) == nil, "\(page)")
        }
        guard let xmllint = HTMLValidation.xmllint else {
            print("skipped: xmllint not installed (apt-get install libxml2-utils)")
            return
        }
        for page in pages {
            #expect(try HTMLValidation.problems(xmllint: xmllint, file: site + "/" + page) == [], "\(page)")
        }
    }

    @Test func hostileStringsRenderAsLiteralText() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.builder().build()
        let site = fixture.scratch + "/site"
        let script = try String(contentsOfFile: site + "/items/i1.html", encoding: .utf8)
        #expect(script.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; · recsite</title>"))
        #expect(script.contains("<h1 id=\"scriptalert1script\">&lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        let markdownSyntax = try String(contentsOfFile: site + "/items/i2.html", encoding: .utf8)
        #expect(markdownSyntax.contains("<h1 id=\"_-and-more\">*_[]()|# and ~~more~~</h1>"))
        let link = try String(contentsOfFile: site + "/items/i4.html", encoding: .utf8)
        #expect(link.contains("<h1 id=\"blue-lockjavascriptalert1\">[Blue Lock](javascript:alert(1))</h1>"))
        #expect(!link.contains("href=\"javascript"))
        let user = try String(contentsOfFile: site + "/" + LinkRewriter.htmlPath(SitePaths.user("ü/../x y")), encoding: .utf8)
        #expect(user.contains("<h1 id=\"user-zoë-bünalb-üx-y\">User Zoë &lt;b&gt;Ünal&lt;/b&gt; (ü/../x y)</h1>"))
    }

    @Test(arguments: PageSource.allCases)
    func buildsWithAnyWorkerCountOrBatchSizeGiveIdenticalBytes(pages source: PageSource) throws {
        let fixture = try BuildFixture(pages: source)
        defer { fixture.cleanUp() }
        _ = try fixture.builder(out: "one", workers: 1, renderPages: source.renderer).build()
        _ = try fixture.builder(out: "two", workers: 4, renderPages: source.renderer).build()
        let one = try BuildFixture.contents(of: fixture.scratch + "/one")
        let two = try BuildFixture.contents(of: fixture.scratch + "/two")
        #expect(one.keys.sorted() == two.keys.sorted())
        #expect(one == two)
        #expect(!one.isEmpty)
        // Pages rendered and written, and users' files made, in small batches
        // that start anywhere in the page order: the same site.
        for size in [1, 2, 3] {
            var batched = fixture.builder(out: "batch\(size)", workers: 2).options
            batched.batchSize = size
            let phases = PhaseTimings()
            _ = try SiteBuilder(options: batched, console: fixture.console, timings: phases,
                                makeContent: source.renderer).build()
            #expect(try BuildFixture.contents(of: fixture.scratch + "/batch\(size)") == one, "batches of \(size)")
            #expect(phases.phases.map(\.name)
                == BuildStep.standard.map(\.name))
            #expect(BuildStep.standard.map(\.name)
                == ["load", "cleanse", "model", "recommend", "changes", "explanations", "reports", "pages", "html", "data", "links", "write"])
        }
        // No machine path and no clock time in any file.
        for (path, bytes) in one where !path.hasPrefix("assets/vendor/") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(fixture.scratch) && !text.contains("/tmp") && !text.contains("/root"), "\(path)")
        }
    }

    @Test func aRebuildWithoutChangesWritesNothing() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let first = try fixture.builder().build()
        #expect(first.diff.written == first.files && first.diff.unchanged == 0)
        let site = fixture.scratch + "/site"
        let before = try BuildFixture.modificationTimes(of: site)
        Thread.sleep(forTimeInterval: 0.05)
        let second = try fixture.builder().build()
        #expect(second.diff.written == 0)
        #expect(second.diff.unchanged == first.files)
        #expect(second.diff.removed.isEmpty)
        #expect(try BuildFixture.modificationTimes(of: site) == before)
        #expect(try BuildFixture.leftovers(in: fixture.scratch) == [])
        #expect(fixture.console.lines.last?.contains("0 written, \(first.files) unchanged, 0 removed") == true)
    }

    @Test func checkPassesAfterABuildAndFailsAfterADataChange() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let data = try fixture.copyOfData()
        _ = try fixture.builder(data: data).build()
        #expect(try fixture.builder(data: data).check().diff.isEmpty)

        // Bootstrap and its licence are part of the site: a site without them is not current.
        let vendor = try BuildFixture.contents(of: fixture.scratch + "/site/assets/vendor")
        try FileManager.default.removeItem(atPath: fixture.scratch + "/site/assets/vendor")
        #expect(try fixture.builder(data: data).check().diff.added == vendor.keys.sorted().map { "assets/vendor/" + $0 })
        _ = try fixture.builder(data: data).build()
        #expect(try fixture.builder(data: data).check().diff.isEmpty)

        let events = data + "/events.csv"
        try (try String(contentsOfFile: events, encoding: .utf8) + "u3,i6,complete,600,2025-02-01T10:00:00Z\n")
            .write(toFile: events, atomically: true, encoding: .utf8)
        let site = try BuildFixture.contents(of: fixture.scratch + "/site")
        let diff = try fixture.builder(data: data).check().diff
        #expect(!diff.isEmpty)
        #expect(diff.changed.contains("users/u3.md"))
        #expect(diff.changed.contains("api/user_history/u3.json"))
        #expect(diff.lines.contains("changed users/u3.md"))
        #expect(try BuildFixture.contents(of: fixture.scratch + "/site") == site)  // --check wrote nothing
    }

    @Test func filesThatNoLongerBelongAreRemoved() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let data = try fixture.copyOfData()
        _ = try fixture.builder(data: data).build()
        let users = data + "/users.csv"
        let kept = try String(contentsOfFile: users, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("u10,") }
        try (kept.joined(separator: "\n") + "\n").write(toFile: users, atomically: true, encoding: .utf8)
        let outcome = try fixture.builder(data: data).build()
        #expect(outcome.diff.removed.contains("users/u10.md"))
        #expect(outcome.diff.removed.contains("csv/user_u10_recommendations.csv"))
        #expect(!FileManager.default.fileExists(atPath: fixture.scratch + "/site/users/u10.html"))
    }

    @Test func aBrokenTemplateLeavesThePreviousSiteUntouched() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.builder().build()
        let before = try BuildFixture.contents(of: fixture.scratch + "/site")
        try "{{#nav}} unclosed".write(toFile: fixture.templates + "/layout.html.mustache", atomically: true, encoding: .utf8)
        #expect(throws: RecSiteError.self) { try fixture.builder().build() }
        #expect(try BuildFixture.contents(of: fixture.scratch + "/site") == before)
        #expect(try BuildFixture.leftovers(in: fixture.scratch) == [])
    }

    @Test func aFailureWhileWritingLeavesThePreviousSiteUntouched() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.builder().build()
        let before = try BuildFixture.contents(of: fixture.scratch + "/site")
        // A chart at a path that is also a folder: fails after other files are
        // already in the staging folder (files are written batch by batch).
        let clash = fixture.builder { inputs in
            var result = StandInPages.render(model: inputs.model, recommendations: inputs.recommendations, assets: inputs.assets)
            result.files.append(SiteFile(path: "charts/users", text: "x"))
            return result
        }
        #expect(throws: RecSiteError.writeFailed(
            path: "charts/users",
            reason: "the build makes this path both a file and a folder; nothing was changed, the previous site is intact")) {
            try clash.build()
        }
        #expect(try BuildFixture.contents(of: fixture.scratch + "/site") == before)
        #expect(try BuildFixture.leftovers(in: fixture.scratch) == [])
    }

    @Test func aBrokenLinkFailsTheBuildNamingPageAndLink() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        let broken = fixture.builder { inputs in
            var result = StandInPages.render(model: inputs.model, recommendations: inputs.recommendations, assets: inputs.assets)
            let page = result.pages.removeLast()
            result.pages.append(MarkdownPage(path: page.path, title: page.title, breadcrumbs: page.breadcrumbs,
                                             markdown: page.markdown + "\nSee [gone](items/gone.md).\n"))
            return result
        }
        #expect(throws: RecSiteError.brokenLinks([
            "changes.html: items/gone.html (no such file)",
            "changes.md: items/gone.md (no such file)",
        ])) { try broken.build() }
        #expect(!FileManager.default.fileExists(atPath: fixture.scratch + "/site"))
        #expect(try BuildFixture.leftovers(in: fixture.scratch) == [])
    }

    @Test func missingBootstrapNamesTheDebianPackage() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        var options = fixture.builder().options
        options.bootstrapDirectory = fixture.scratch + "/no-bootstrap"
        let builder = SiteBuilder(options: options, console: fixture.console, makeContent: fixture.builder().makeContent)
        #expect(throws: RecSiteError.missingPackageFile(
            path: fixture.scratch + "/no-bootstrap/css/bootstrap.min.css", package: "libjs-bootstrap5")) {
            try builder.build()
        }
        #expect("\(RecSiteError.missingPackageFile(path: "/x/bootstrap.min.css", package: "libjs-bootstrap5"))"
            == "/x/bootstrap.min.css not found (install it with: apt-get install libjs-bootstrap5)")
    }

    @Test func progressGoesThroughTheConsole() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.builder().build()
        let lines = fixture.console.lines
        #expect(lines.contains("phase: loading \(BuildFixture.data)/"))
        #expect(lines.contains("phase: rendering 20 pages as Markdown and HTML"))
        #expect(lines.contains("progress: pages 0/20"))
        #expect(lines.contains("progress: done 20/20"))
        let summary = try #require(lines.last)
        #expect(summary.hasPrefix("built \(fixture.scratch)/site/ in "))
        // 20 pages × 2, 6 charts, 4 API + 12 JSON per user, the search script,
        // 1 + 24 CSV, 6 assets, 4 Bootstrap files and its licence, README.md,
        // .nojekyll and the manifest.
        #expect(summary.hasSuffix(": 102 files (20 pages as .md and .html): 102 written, 0 unchanged, 0 removed"))
    }
}

/// The static API files the build writes: SPEC §9 keys in SPEC order, and
/// the search indexes.
@Suite("site build, JSON files")
struct SiteJSONTests {
    /// The keys of the first JSON object that starts at or after `anchor`, in text order.
    static func keys(of text: String, after anchor: String = "{") throws -> [String] {
        let start = try #require(text.range(of: anchor)).lowerBound
        var keys: [String] = []
        var depth = 0
        var index = start
        var inString = false
        var current = ""
        var escaped = false
        while index < text.endIndex {
            let c = text[index]
            if inString {
                if escaped { escaped = false; current.append(c) } else if c == "\\" { escaped = true } else if c == "\"" {
                    inString = false
                    var next = text.index(after: index)
                    while next < text.endIndex, text[next] == " " { next = text.index(after: next) }
                    if depth == 1, next < text.endIndex, text[next] == ":" { keys.append(current) }
                } else { current.append(c) }
            } else if c == "\"" { inString = true; current = "" } else if c == "{" || c == "[" { depth += 1 } else if c == "}" || c == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            index = text.index(after: index)
        }
        return keys
    }

    @Test func apiFilesFollowSpecNine() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.builder().build()
        let site = fixture.scratch + "/site/"
        func read(_ path: String) throws -> (text: String, json: Any) {
            let data = try Data(contentsOf: URL(fileURLWithPath: site + path))
            return (String(decoding: data, as: UTF8.self), try JSONSerialization.jsonObject(with: data))
        }
        let health = try read(SitePaths.health)
        #expect(try Self.keys(of: health.text) == ["status", "users", "items", "events"])
        let counts = try #require(health.json as? [String: Any])
        #expect(counts["status"] as? String == "ok" && counts["users"] as? Int == 6 && counts["items"] as? Int == 6)
        #expect(counts["events"] as? Int == 13)

        let popular = try read(SitePaths.popularJSON)
        #expect(try Self.keys(of: popular.text) == ["items"])
        #expect(try Self.keys(of: popular.text, after: "{\n      \"rank\"")
            == ["rank", "item_id", "title", "content_type", "genre", "popularity", "viewers"])

        let recommendations = try read(SitePaths.recommendationsJSON("u1"))
        #expect(try Self.keys(of: recommendations.text) == ["user_id", "k", "items"])
        #expect(try Self.keys(of: recommendations.text, after: "{\n      \"rank\"")
            == ["rank", "item_id", "title", "content_type", "genre", "score", "source", "reason", "explanation"])
        let list = try #require((recommendations.json as? [String: Any])?["items"] as? [[String: Any]])
        #expect(list.count == 3)  // k = 10, but only 3 of the 6 items are new to u1
        let cf = try #require(list.first { $0["source"] as? String == "cf" })
        #expect(try Self.keys(of: recommendations.text, after: "\"reason\": {") == ["item_id", "title", "share"])
        #expect((cf["reason"] as? [String: Any])?["share"] is Double)
        #expect(list.contains { $0["source"] as? String == "popular" && $0["reason"] is NSNull && $0["score"] is NSNull })

        let history = try read(SitePaths.userHistoryJSON("ü/../x y"))
        #expect(try Self.keys(of: history.text) == ["user_id", "items"])
        #expect(try Self.keys(of: history.text, after: "{\n      \"item_id\"")
            == ["item_id", "title", "content_type", "genre", "score", "events", "last_watched"])
        #expect((history.json as? [String: Any])?["user_id"] as? String == "ü/../x y")
        #expect(history.text.contains("\"last_watched\": \"2025-01-10T10:00:00Z\""))
    }

    @Test func searchIndexesPointToPagesAndTheScriptHoldsTheSameData() throws {
        let fixture = try BuildFixture()
        defer { fixture.cleanUp() }
        _ = try fixture.builder().build()
        let site = fixture.scratch + "/site/"
        let usersData = try Data(contentsOf: URL(fileURLWithPath: site + SitePaths.usersJSON))
        let itemsData = try Data(contentsOf: URL(fileURLWithPath: site + SitePaths.itemsJSON))
        let users = try #require(try JSONSerialization.jsonObject(with: usersData) as? [[String: Any]])
        let items = try #require(try JSONSerialization.jsonObject(with: itemsData) as? [[String: Any]])
        #expect(users.count == 6 && items.count == 6)
        #expect(try SiteJSONTests.keys(of: String(decoding: usersData, as: UTF8.self))
            == ["id", "name", "region", "items", "page"])
        #expect(try SiteJSONTests.keys(of: String(decoding: itemsData, as: UTF8.self))
            == ["id", "title", "content_type", "genre", "rank", "page"])
        for entry in users + items {
            let page = try #require(entry["page"] as? String)
            #expect(FileManager.default.fileExists(atPath: site + page), "\(page)")
        }
        #expect(users.contains { $0["id"] as? String == "ü/../x y" && $0["name"] as? String == "Zoë <b>Ünal</b>" })

        let script = try String(contentsOfFile: site + SiteData.searchIndexScript, encoding: .utf8)
        #expect(script.hasPrefix("window.RECSITE_SEARCH_INDEX = {\"users\":["))
        #expect(script.hasSuffix("};\n"))
        #expect(!script.contains("<"))  // `<b>` is written \u003c, safe in a script
        let json = String(script.dropFirst("window.RECSITE_SEARCH_INDEX = ".count).dropLast(2))
        let index = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((index["users"] as? [[String: Any]])?.count == 6)
        #expect((index["items"] as? [[String: Any]])?.map { $0["id"] as? String } == items.map { $0["id"] as? String })
    }
}
