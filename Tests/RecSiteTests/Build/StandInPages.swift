import RecEngine
import RecSite

/// A small page renderer standing in for the real page step in the build
/// tests: every page kind, links between pages (to `.md`), to JSON, CSV and
/// charts, and data strings escaped the way page templates escape them.
enum StandInPages {
    static func render(model: RecommenderModel, recommendations: [[Recommendation]], assets: [SiteFile]) -> RenderedPages {
        let users = model.dataset.users, items = model.dataset.items
        let home = Breadcrumb(title: "Home", path: SitePaths.index)
        var pages: [MarkdownPage] = []
        var files: [SiteFile] = []

        func link(_ from: String, _ to: String) -> String { SitePaths.link(from: from, to: to) }
        func page(_ path: String, _ title: String, crumbs: [Breadcrumb] = [], _ body: String) {
            pages.append(MarkdownPage(path: path, title: title, breadcrumbs: crumbs, markdown: "# \(escape(title))\n\n\(body)"))
        }

        let sections = [SitePaths.usersIndex, SitePaths.itemsIndex, SitePaths.popular, SitePaths.compare,
                        SitePaths.dataQuality, SitePaths.methodology, SitePaths.changes]
        page(SitePaths.index, "Overview",
             sections.map { "- [\($0)](\(link(SitePaths.index, $0)))" }.joined(separator: "\n")
                + "\n- [health](\(link(SitePaths.index, SitePaths.health)))\n")

        var userRows = "| ID | Name | Items |\n|---|---|---:|\n"
        for (u, user) in users.enumerated() {
            userRows += "| [\(escape(user.id))](\(link(SitePaths.usersIndex, SitePaths.user(user.id)))) "
                + "| \(escape(user.name)) | \(model.historyCount(user: u)) |\n"
        }
        page(SitePaths.usersIndex, "Users", crumbs: [home], userRows)

        for (u, user) in users.enumerated() {
            let path = SitePaths.user(user.id)
            var body = "![Genre preferences](\(link(path, SitePaths.userGenreChart(user.id))))\n\n"
            body += "| Rank | Item | Score |\n|---:|---|---:|\n"
            for rec in recommendations[u] {
                let item = items[Int(rec.item)]
                body += "| \(rec.rank) | [\(escape(item.title))](\(link(path, SitePaths.item(item.id)))) "
                    + "| \(rec.score.map(NumberFormat.score) ?? "—") |\n"
            }
            body += "\nFiles: [recommendations](\(link(path, SitePaths.recommendationsJSON(user.id)))), "
                + "[history](\(link(path, SitePaths.userHistoryJSON(user.id)))), "
                + "[CSV](\(link(path, SitePaths.completeHistoryCSV(user.id)))), "
                + "[breakdowns](\(link(path, SitePaths.scoreBreakdownsCSV(user.id)))#top).\n"
            page(path, "User \(user.name) (\(user.id))",
                 crumbs: [home, Breadcrumb(title: "Users", path: SitePaths.usersIndex)], body)
            files.append(SiteFile(path: SitePaths.userGenreChart(user.id), text:
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><title>genres</title></svg>\n"))
        }

        var itemRows = "| ID | Title |\n|---|---|\n"
        for item in items {
            itemRows += "| [\(escape(item.id))](\(link(SitePaths.itemsIndex, SitePaths.item(item.id)))) | \(escape(item.title)) |\n"
        }
        page(SitePaths.itemsIndex, "Items", crumbs: [home], itemRows)
        for item in items {
            let path = SitePaths.item(item.id)
            page(path, item.title, crumbs: [home, Breadcrumb(title: "Items", path: SitePaths.itemsIndex)],
                 "Genre: \(escape(item.genre)). Back to [all items](\(link(path, SitePaths.itemsIndex))).\n")
        }
        for (path, title) in [(SitePaths.popular, "Popular"), (SitePaths.compare, "Compare"),
                              (SitePaths.dataQuality, "Data quality"), (SitePaths.methodology, "Methodology"),
                              (SitePaths.changes, "Changes")] {
            page(path, title, crumbs: [home], "See the [overview](\(link(path, SitePaths.index))) and "
                 + "[popular movies](\(link(path, SitePaths.popularMoviesCSV))).\n\n~~old~~ https://example.com\n")
        }
        return RenderedPages(pages: pages, files: files, model: model, recommendations: recommendations, assets: assets)
    }

    /// Every ASCII punctuation character backslash-escaped (CommonMark allows
    /// it for all of them), line breaks as spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" { out += " "; continue }
            if scalar.isASCII, (33...47).contains(scalar.value) || (58...64).contains(scalar.value)
                || (91...96).contains(scalar.value) || (123...126).contains(scalar.value) {
                out += "\\"
            }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}

/// Pages rendered whole, put into the build as one batch; the data files
/// are the real ones (`SiteData` over every user's report).
struct RenderedPages: SiteContent {
    var pages: [MarkdownPage]
    var files: [SiteFile]
    let model: RecommenderModel
    let recommendations: [[Recommendation]]
    let assets: [SiteFile]

    var pageCount: Int { pages.count }

    func batches(size: Int) -> [SiteBatch.Kind] { [.site] }

    func makeReports(_ batch: inout SiteBatch, workers: Int) {
        batch.userReports = ReportBuilder(model: model, recommendations: recommendations)
            .users(model.dataset.users.indices, workers: workers)
    }

    func makePages(_ batch: inout SiteBatch, workers: Int) throws {
        batch.pages = pages
        batch.files += files
    }

    func makeDataFiles(_ batch: inout SiteBatch, workers: Int) throws {
        let data = SiteData(model: model)
        batch.files += batch.userReports.flatMap(data.userFiles)
            + data.siteWideFiles(summaries: batch.userReports.map(UserSummary.init)) + assets
    }

    var dataLinks: [(file: String, target: String)] { SiteData(model: model).dataLinks }
}
