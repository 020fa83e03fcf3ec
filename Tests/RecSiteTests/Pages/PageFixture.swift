import Foundation
import RecEngine
@testable import RecSite

/// The hand-made `Tests/Fixtures/site-small` data set, its model and the
/// site pages rendered from the repository's `templates/`, built once.
enum PageFixture {
    /// The repository root, found from this file's path (tests may run from anywhere).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static let dataDirectory = root + "/Tests/Fixtures/site-small"
    static let goldenDirectory = root + "/Tests/Fixtures/golden"

    struct Site {
        let model: RecommenderModel
        let recommendations: [[Recommendation]]
        let pages: [MarkdownPage]
        let files: [SiteFile]

        func page(_ path: String) throws -> MarkdownPage {
            guard let page = pages.first(where: { $0.path == path }) else { throw FixtureError.missingPage(path) }
            return page
        }
    }

    enum FixtureError: Error { case missingPage(String) }

    static func templates() throws -> TemplateLibrary {
        try TemplateLibrary(directory: root + "/templates")
    }

    /// Renders a model's site with `workers` threads.
    static func render(_ model: RecommenderModel, workers: Int = 2) throws -> Site {
        let recommendations = model.recommender.recommendAll(k: model.config.k)
        let (pages, files) = try ReportSite(model: model, templates: try templates(), recommendations: recommendations)
            .renderPages(workers: workers)
        return Site(model: model, recommendations: recommendations, pages: pages, files: files)
    }

    private static let cached: Result<Site, any Error> = Result {
        try render(RecommenderModel(dataset: try DatasetLoader.load(directory: dataDirectory)))
    }

    /// The fixture's site, rendered once per test run.
    static func site() throws -> Site { try cached.get() }

    /// A model from CSV text held in memory.
    static func model(users: String, items: String, events: String, k: Int = 10) throws -> RecommenderModel {
        let dataset = try DatasetLoader.load(
            users: ("users.csv", Array(users.utf8)), items: ("items.csv", Array(items.utf8)),
            events: ("events.csv", Array(events.utf8)))
        return RecommenderModel(dataset: dataset, config: EngineConfig(k: k))
    }
}
