import Foundation
import RecEngine
import Testing
@testable import RecSite

@Suite struct SitePagesTests {
    @Test func everyPageOnceInADeterministicOrder() throws {
        let site = try PageFixture.site()
        let dataset = site.model.dataset
        let expected = dataset.users.map { SitePaths.user($0.id) } + dataset.items.map { SitePaths.item($0.id) }
            + [SitePaths.index, SitePaths.usersIndex, SitePaths.itemsIndex, SitePaths.popular, SitePaths.compare,
               SitePaths.dataQuality, SitePaths.methodology, SitePaths.changes]
        #expect(site.pages.map(\.path) == expected)
        let withHistory = dataset.users.indices.filter { site.model.historyCount(user: $0) > 0 }
        // Each user's genre chart, then the site-wide charts of the site batch.
        #expect(site.files.map(\.path) == withHistory.map { SitePaths.userGenreChart(dataset.users[$0].id) }
            + [SitePaths.activityChart, SitePaths.longTailChart, SitePaths.trendingChart, SitePaths.genreMixChart,
               SitePaths.typeMixChart])
    }

    @Test func everyPageHasOneH1AndBreadcrumbsToExistingPages() throws {
        let site = try PageFixture.site()
        let paths = Set(site.pages.map(\.path))
        for page in site.pages {
            let h1 = page.markdown.split(separator: "\n").filter { $0.hasPrefix("# ") }
            #expect(h1.count == 1, "\(page.path)")
            #expect(page.markdown.hasSuffix("\n") && !page.markdown.hasSuffix("\n\n"), "\(page.path)")
            #expect(!page.title.isEmpty && !page.title.contains("\n"))
            for crumb in page.breadcrumbs { #expect(paths.contains(crumb.path)) }
        }
    }

    @Test func sameBytesWhateverTheWorkerCount() throws {
        let model = try PageFixture.site().model
        let one = try PageFixture.render(model, workers: 1)
        let four = try PageFixture.render(model, workers: 4)
        #expect(one.pages == four.pages)
        #expect(one.files == four.files)
        #expect(one.pages == (try PageFixture.site()).pages)
    }

    /// A build makes the pages a batch at a time: any batch size gives the
    /// same pages and charts, in order, the evaluation's too.
    @Test(arguments: [1, 2, 3, 7, 1_000])
    func batchesOfAnySizeGiveTheWholeSite(size: Int) throws {
        let site = try PageFixture.site()
        let content = ReportSite(model: site.model, templates: try PageFixture.templates(),
                                 recommendations: site.recommendations, evaluation: try EvaluationPageTests.result())
        let whole = try content.renderPages(batchSize: 1_000_000, workers: 2)
        #expect(whole.pages.count == content.pageCount)
        #expect(whole.pages.map(\.path) == site.pages.map(\.path) + [SitePaths.evaluation])
        let index = try #require(site.pages.firstIndex { $0.path == SitePaths.index })
        // Only index.md differs: it links the evaluation.
        #expect(whole.pages[..<index] == site.pages[..<index])
        #expect(whole.pages[(index + 1)..<site.pages.count] == site.pages[(index + 1)...])
        #expect(whole.files.map(\.path) == site.files.map(\.path) + [SitePaths.evaluationChart])
        let batched = try content.renderPages(batchSize: size, workers: 2)
        #expect(batched.pages == whole.pages)
        #expect(batched.files == whole.files)
    }

    @Test func missingTemplateIsAnErrorNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = try PageFixture.site()
        let pages = ReportSite(model: site.model, templates: try TemplateLibrary(directory: folder.path),
                               recommendations: site.recommendations)
        // The first page in page order is the first user's.
        #expect(throws: RecSiteError.templateError(path: "user.md.mustache", reason: "template missing from the template folder")) {
            try pages.renderPages(workers: 2)
        }
    }

    @Test func validateNamesTheFirstMissingPageTemplateBeforeAnyPageIsRendered() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-partial-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = URL(fileURLWithPath: PageFixture.root + "/templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where file.hasSuffix(".mustache") && file != "user.md.mustache" && file != "popular.md.mustache" {
            try FileManager.default.copyItem(at: source.appendingPathComponent(file), to: folder.appendingPathComponent(file))
        }
        let site = try PageFixture.site()
        let pages = ReportSite(model: site.model, templates: try TemplateLibrary(directory: folder.path),
                               recommendations: site.recommendations)
        // user.md comes before popular.md in page order.
        #expect(throws: RecSiteError.templateError(path: "user.md.mustache", reason: "template missing from the template folder")) {
            try pages.validate()
        }
        try ReportSite(model: site.model, templates: try PageFixture.templates(), recommendations: site.recommendations)
            .validate()
    }

    /// A long history shows 50 rows and points to the CSV and JSON for the rest.
    @Test func longHistoriesAreCollapsed() throws {
        let items = (1...60).map { "i\($0),Movie \($0),\($0 % 3 == 0 ? "series" : "movie"),drama" }
        let events = (1...60).map { "u1,i\($0),play,\($0 * 10),2025-01-01T00:00:00Z" } + ["u2,i1,play,5,2025-01-01T00:00:00Z"]
        let model = try PageFixture.model(
            users: "user_id,name\nu1,Long\nu2,Short\n",
            items: "item_id,title,content_type,genre\n" + items.joined(separator: "\n") + "\n",
            events: "user_id,item_id,event_type,watch_seconds,timestamp\n" + events.joined(separator: "\n") + "\n")
        let site = try PageFixture.render(model)
        let page = try site.page(SitePaths.user("u1")).markdown
        let path = SitePaths.user("u1")
        #expect(page.contains("| 50 | [Movie 11](../items/i11.md) |"))
        #expect(!page.contains("| 51 | "))
        #expect(page.contains("… 10 more items — full list in the [CSV](" + SitePaths.link(from: path, to: SitePaths.completeHistoryCSV("u1"))
            + ") and the [JSON](" + SitePaths.link(from: path, to: SitePaths.userHistoryJSON("u1")) + ")."))
        #expect(page.contains("40 of 60 history items are movies; the 20 non-movie items (20 series) are hidden in this view."))
        #expect(!page.contains("more movie"))
    }

    /// The worked example is the first user in ID order with a cf recommendation, and its numbers add up.
    @Test func methodologyWorksThroughOneScore() throws {
        let site = try PageFixture.site()
        let page = try site.page(SitePaths.methodology).markdown
        let model = site.model
        let u = try #require(site.recommendations.firstIndex { $0.contains { $0.source == .cf } })
        let rec = try #require(site.recommendations[u].first { $0.source == .cf })
        let user = model.dataset.users[u]
        #expect(page.contains("is " + MarkdownLink.to(SitePaths.user(user.id), from: SitePaths.methodology, text: PageText.userLabel(user)) + ";"))
        let terms = model.breakdown(user: u, item: Int(rec.item)).contributions.map { NumberFormat.score($0.contribution) }
        #expect(page.contains("`score = " + terms.joined(separator: " + ") + " = " + NumberFormat.score(rec.score!) + "`"))
        for (type, weight) in zip(model.config.weights.types, model.config.weights.weights) {
            #expect(page.contains("| \(type) | \(NumberFormat.exact(weight)) |"))
        }
        #expect(page.contains("the top k = \(model.config.k) are"))
    }

    /// The tables are the templates': a custom `user.md` lays the genre
    /// preferences out as a list, from the same rows the shipped table shows.
    @Test func aTemplateLaysOutTheTablesItself() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-groups-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: PageFixture.root + "/templates", toPath: folder)
        try """
            # {{heading}}
            {{#genres}}
            - {{name}}: {{score}} ({{share}}, {{items}} items)
            {{/genres}}
            {{#recommendations}}
            {{rank}}. {{title}} — {{source}}
            {{/recommendations}}

            """.write(toFile: folder + "/user.md.mustache", atomically: true, encoding: .utf8)
        let site = try PageFixture.site()
        let u = try #require(site.model.dataset.users.indices.first { site.model.historyCount(user: $0) > 0 })
        let user = site.model.dataset.users[u]
        let (pages, _) = try ReportSite(model: site.model, templates: try TemplateLibrary(directory: folder),
                                        recommendations: site.recommendations).renderPages(workers: 1)
        let lines = try #require(pages.first { $0.path == SitePaths.user(user.id) }).markdown.split(separator: "\n")
        let profile = site.model.profile(user: u)
        let genres = profile.genrePreferences(items: site.model.dataset.items)
        let list = site.recommendations[u]
        #expect(lines.count == 1 + genres.count + list.count)
        #expect(lines[0] == "# " + MarkdownEscaping.text(PageText.userLabel(user)))
        for (offset, genre) in genres.enumerated() {
            #expect(lines[1 + offset] == "- \(MarkdownEscaping.text(genre.name)): \(NumberFormat.interaction(genre.score)) "
                + "(\(PageText.share(genre.score, of: profile.totalScore)), \(genre.items) items)")
        }
        let firstItem = site.model.dataset.items[Int(list[0].item)]
        #expect(lines[1 + genres.count] == "1. " + MarkdownLink.to(SitePaths.item(firstItem.id), from: SitePaths.user(user.id),
                                                                   text: firstItem.title) + " — " + list[0].source.rawValue)
    }

    /// A name a template uses that the page does not have fails the build,
    /// naming the template, the line, the column and the name.
    @Test func aMistypedNameInATemplateIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-typo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: PageFixture.root + "/templates", toPath: folder)
        try "# {{heading}}\n{{#genres}}\n| {{nmae}} |\n{{/genres}}\n"
            .write(toFile: folder + "/user.md.mustache", atomically: true, encoding: .utf8)
        let site = try PageFixture.site()
        let content = ReportSite(model: site.model, templates: try TemplateLibrary(directory: folder),
                                 recommendations: site.recommendations)
        #expect(throws: RecSiteError.templateError(path: folder + "/user.md.mustache:3:3",
                                                   reason: "no value named 'nmae' on this page")) {
            try content.renderPages(workers: 1)
        }
    }
}
