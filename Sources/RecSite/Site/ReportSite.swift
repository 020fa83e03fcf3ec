import Foundation
import RecEngine

/// The report site: a page per user and per item from their reports, the
/// site-wide pages, the static API and the CSV exports (`SiteContent`).
///
/// User batches come first; they collect each user's `UserSummary` (for the
/// users index and `api/users.json`), the tallies over all users
/// (`UserAggregates`, for the comparisons page) and the first report with a
/// cf recommendation (the methodology page's worked example), so the
/// site-wide batch, last, needs no report made twice.
///
/// Page order within the site batch: `index.md`, `users/index.md`,
/// `items/index.md`, `popular.md`, `compare.md`, `data-quality.md`,
/// `methodology.md`, `changes.md` and, with an evaluation, `evaluation.md`.
public final class ReportSite: SiteContent, @unchecked Sendable {
    public let builder: ReportBuilder
    public let templates: TemplateLibrary
    /// An offline evaluation to publish as `evaluation.md`, if the build has one.
    public let evaluation: EvaluationResult?
    /// Files copied as they are (the templates' assets, Bootstrap).
    public let assets: [SiteFile]
    /// The build's summary and what moved since the previous build.
    public let changes: SiteChanges
    /// The part of the site this build renders (`--shard`); nil for all of it.
    public let shard: SiteShard?
    private let facts: SiteFacts
    private let data: SiteData

    /// Collected by the user batches, read by the site batch; batches run one after another.
    private let lock = NSLock()
    private var summaries: [UserSummary] = []
    private var example: UserReport?
    private var aggregates: UserAggregates

    /// - Parameters:
    ///   - model: the built model.
    ///   - templates: the loaded templates (see `templateNames`).
    ///   - recommendations: every user's list, in user order.
    ///   - evaluation: an offline evaluation to publish as `evaluation.md`.
    ///   - assets: files to copy into the site as they are.
    ///   - changes: what moved since the previous build; `nil` for a first build.
    ///   - formats: the file kinds written; pages link only to those.
    ///   - userPages: the users that get a page and their own files (the site-wide pages cover every user).
    ///   - explainer: the recommendations' explanations (the template's, or cached model text).
    ///   - shard: the part of the site to render (`SiteShard`); nil for all of it.
    /// - Complexity: O(events + users × k log(users × k) + items) for the shared tallies.
    public init(model: RecommenderModel, templates: TemplateLibrary, recommendations: [[Recommendation]],
                evaluation: EvaluationResult? = nil, assets: [SiteFile] = [], changes: SiteChanges? = nil,
                formats: SiteFormats = .all, userPages: UserPages = .all, explainer: Explainer = Explainer(),
                shard: SiteShard? = nil) {
        self.shard = shard
        builder = ReportBuilder(model: model, recommendations: recommendations, explainer: explainer)
        self.changes = changes ?? SiteChanges(
            summary: BuildSummary(model: model, recommendations: recommendations), previous: nil)
        self.templates = templates
        self.evaluation = evaluation
        self.assets = assets
        facts = SiteFacts(builder: builder, formats: formats, userPages: userPages)
        data = SiteData(model: model, formats: formats, userPages: userPages)
        aggregates = UserAggregates(items: model.dataset.items)
    }

    /// The report site of a build's inputs.
    public convenience init(_ inputs: SiteContentInputs, evaluation: EvaluationResult? = nil,
                            formats: SiteFormats = .all, userPages: UserPages = .all) {
        self.init(model: inputs.model, templates: inputs.templates, recommendations: inputs.recommendations,
                  evaluation: evaluation, assets: inputs.assets, changes: inputs.changes, formats: formats,
                  userPages: userPages, explainer: inputs.explainer, shard: inputs.shard)
    }

    /// The pages this build renders (its shard's).
    public var pageCount: Int {
        guard let shard else {
            return facts.userPages.count(of: facts.users.count) + facts.items.count + siteTemplateNames.count
        }
        let users = facts.userPages.isSubset
            ? (0..<facts.users.count).count { shard.owns($0) && facts.userPages.has($0) }
            : shard.ownedCount(of: facts.users.count)
        return users + shard.ownedCount(of: facts.items.count) + (shard.rendersSiteWide ? siteTemplateNames.count : 0)
    }

    /// The page templates a build needs.
    var templateNames: [String] { ["user.md", "item.md"] + siteTemplateNames }

    private var siteTemplateNames: [String] {
        ["index.md", "users-index.md", "items-index.md", "popular.md", "compare.md", "data-quality.md",
         "methodology.md", "changes.md"] + (evaluation == nil ? [] : ["evaluation.md"])
    }

    /// - Throws: `RecSiteError.templateError` for the first page template missing from the folder.
    public func validate() throws {
        for name in templateNames where !templates.names.contains(name) {
            throw RecSiteError.templateError(path: "\(name).mustache", reason: "template missing from the template folder")
        }
    }

    public func batches(size: Int) -> [SiteBatch.Kind] {
        func ranges(_ count: Int) -> [Range<Int>] {
            stride(from: 0, to: count, by: size).map { $0..<min(count, $0 + size) }
        }
        return ranges(facts.users.count).map { .users($0) } + ranges(facts.items.count).map { .items($0) }
            + (shard?.rendersSiteWide ?? true ? [.site] : [])
    }

    /// A shard makes the reports of its users and items only, except that
    /// shard 1 makes every user's (the site-wide pages read them all).
    public func makeReports(_ batch: inout SiteBatch, workers: Int) {
        switch batch.kind {
        case .users(let users):
            if let shard, !shard.rendersSiteWide {
                batch.userReports = builder.users(shard.owned(in: users), workers: workers)
            } else {
                batch.userReports = builder.users(users, workers: workers)
            }
        case .items(let items):
            batch.itemReports = shard.map { builder.items($0.owned(in: items), workers: workers) }
                ?? builder.items(items, workers: workers)
        case .site: break
        }
    }

    /// - Complexity: per user page O(|H(u)| + k × shown contributors), per
    ///   item page O(shown rows); the site pages O(users + items). Divided by `workers`.
    public func makePages(_ batch: inout SiteBatch, workers: Int) throws {
        switch batch.kind {
        case .users(let users):
            let reports = batch.userReports
            let paged = pagedReports(reports)
            let made = try Self.inOrder(parallelMap(count: paged.count, workers: workers, makeScratch: {}) { index, _ in
                Result { try UserPage(facts: facts, report: paged[index], changes: changes).render(templates: templates) }
            })
            batch.pages = made.map(\.page)
            batch.files += made.compactMap(\.chart)
            lock.withLock {
                // The first batch starts a new run over the site (a content may be rendered more than once).
                if users.lowerBound == 0 { (summaries, example, aggregates) = ([], nil, UserAggregates(items: facts.items)) }
                summaries += reports.map(UserSummary.init)
                for report in reports { aggregates.add(report) }
                if example == nil { example = reports.first { !$0.collaborative.isEmpty } }
            }
        case .items:
            let reports = batch.itemReports
            batch.pages = try Self.inOrder(parallelMap(count: reports.count, workers: workers, makeScratch: {}) { index, _ in
                Result { try ItemPage(facts: facts, report: reports[index]).render(templates: templates) }
            })
        case .site:
            let (summaries, example, aggregates) = lock.withLock { (self.summaries, self.example, self.aggregates) }
            let charts = SiteCharts(facts: facts)
            batch.files += charts.files
            batch.pages = [
                try IndexPage(facts: facts, charts: charts, hasEvaluation: evaluation != nil).render(templates: templates),
                try UsersIndexPage(facts: facts, summaries: summaries).render(templates: templates),
                try ItemsIndexPage(facts: facts).render(templates: templates),
                try PopularPage(facts: facts, charts: charts).render(templates: templates),
                try ComparePage(facts: facts, aggregates: aggregates).render(templates: templates),
                try DataQualityPage(facts: facts).render(templates: templates),
                try MethodologyPage(facts: facts, example: example).render(templates: templates),
                try ChangesPage(changes: changes, facts: facts).render(templates: templates),
            ]
            if let evaluation {
                let (page, chart) = try EvaluationPage(result: evaluation).render(templates: templates)
                batch.pages.append(page)
                batch.files.append(chart)
            }
        }
    }

    public func makeDataFiles(_ batch: inout SiteBatch, workers: Int) throws {
        switch batch.kind {
        case .users:
            let reports = pagedReports(batch.userReports)
            let data = self.data
            batch.files += parallelMap(count: reports.count, workers: workers, makeScratch: {}) { index, _ in
                data.userFiles(reports[index])
            }.joined()
        case .items:
            let reports = batch.itemReports
            let data = self.data
            batch.files += parallelMap(count: reports.count, workers: workers, makeScratch: {}) { index, _ in
                data.itemFiles(reports[index])
            }.joined()
        case .site:
            let summaries = lock.withLock { self.summaries }
            batch.files += data.siteWideFiles(summaries: summaries) + changes.files + assets
        }
    }

    public var dataLinks: [(file: String, target: String)] { data.dataLinks }

    /// The reports of the batch's users that get a page (all of them unless
    /// `--users` or `--sample`) and are this build's shard's.
    private func pagedReports(_ reports: [UserReport]) -> [UserReport] {
        guard facts.userPages.isSubset || shard != nil else { return reports }
        return reports.filter { facts.userPages.has($0.index) && shard?.owns($0.index) ?? true }
    }

    /// The results in index order, or the first error in index order, so a
    /// failure reads the same on every run.
    private static func inOrder<T>(_ results: [Result<T, any Error>]) throws -> [T] {
        try results.map { try $0.get() }
    }
}
