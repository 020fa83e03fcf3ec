import RecEngine

/// Every Markdown page and SVG chart of the site, built from one model.
///
/// Pages come from the `*.md` Mustache templates of a `TemplateLibrary`;
/// their contexts hold Markdown that is already escaped (`MarkdownEscaping`)
/// and numbers already formatted (`NumberFormat`, SPEC §8). Output is
/// deterministic: no clock, no machine paths, users and items in ID order.
public struct SitePages {
    public let model: RecommenderModel
    public let templates: TemplateLibrary
    public let recommendations: [[Recommendation]]
    /// An offline evaluation to publish as `evaluation.md`, if the build has one.
    public let evaluation: EvaluationResult?

    /// - Parameters:
    ///   - model: the built model.
    ///   - templates: the loaded templates, with `index.md`, `user.md`,
    ///     `item.md`, `users-index.md`, `items-index.md`, `popular.md`,
    ///     `compare.md`, `data-quality.md` and `methodology.md`.
    ///   - recommendations: every user's list, in user order, as
    ///     `model.recommender.recommendAll(k: model.config.k)` returns it.
    ///   - evaluation: an offline evaluation to publish as `evaluation.md`.
    public init(model: RecommenderModel, templates: TemplateLibrary, recommendations: [[Recommendation]],
                evaluation: EvaluationResult? = nil) {
        precondition(recommendations.count == model.dataset.users.count, "one recommendation list per user")
        self.model = model
        self.templates = templates
        self.recommendations = recommendations
        self.evaluation = evaluation
    }

    /// Every Markdown page and every SVG chart of the site, in a deterministic order.
    ///
    /// Pages: `index.md`, `users/index.md`, the user pages in ID order,
    /// `items/index.md`, the item pages in ID order, then `popular.md`,
    /// `compare.md`, `data-quality.md`, `methodology.md` and, with an
    /// evaluation, `evaluation.md`. Files: each user's genre chart (users with
    /// a history), in ID order, then the evaluation chart.
    /// - Parameter workers: how many user and item pages render at once.
    /// - Throws: `RecSiteError.templateError` when a template is missing.
    /// - Complexity: O(events + Σ_u |H(u)| · (log |H(u)| + k log neighbours)
    ///   + items · viewers log viewers) / workers, plus the page text.
    public func render(workers: Int = ProcessInfoCores.count) throws -> (pages: [MarkdownPage], files: [SiteFile]) {
        let facts = SiteFacts(model: model, recommendations: recommendations)
        let templates = self.templates
        let users = try Self.inOrder(parallelMap(count: facts.users.count, workers: workers, makeScratch: {}) { u, _ in
            Result { try UserPage(facts: facts, user: u).render(templates: templates) }
        })
        let items = try Self.inOrder(parallelMap(count: facts.items.count, workers: workers, makeScratch: {}) { i, _ in
            Result { try ItemPage(facts: facts, item: i).render(templates: templates) }
        })
        var pages = [
            try IndexPage(facts: facts, hasEvaluation: evaluation != nil).render(templates: templates),
            try UsersIndexPage(facts: facts, rows: users.map(\.indexRow)).render(templates: templates),
        ]
        pages += users.map(\.page)
        pages.append(try ItemsIndexPage(facts: facts).render(templates: templates))
        pages += items
        pages.append(try PopularPage(facts: facts).render(templates: templates))
        pages.append(try ComparePage(facts: facts).render(templates: templates))
        pages.append(try DataQualityPage(facts: facts).render(templates: templates))
        pages.append(try MethodologyPage(facts: facts).render(templates: templates))
        var files = users.compactMap(\.chart)
        if let evaluation {
            let (page, chart) = try EvaluationPage(result: evaluation).render(templates: templates)
            pages.append(page)
            files.append(chart)
        }
        return (pages, files)
    }

    /// The results in index order, or the first error in index order, so a
    /// failure reads the same on every run.
    private static func inOrder<T>(_ results: [Result<T, any Error>]) throws -> [T] {
        try results.map { try $0.get() }
    }
}
