import RecEngine

/// Every Markdown page and SVG chart of the site, built from one model, a
/// range of pages at a time (`SitePageSource`).
///
/// Pages come from the `*.md` Mustache templates of a `TemplateLibrary`;
/// their contexts hold Markdown that is already escaped (`MarkdownEscaping`)
/// and numbers already formatted (`NumberFormat`, SPEC §8). Output is
/// deterministic: no clock, no machine paths, users and items in ID order.
///
/// Page order: `index.md`, `users/index.md`, the user pages in ID order,
/// `items/index.md`, the item pages in ID order, then `popular.md`,
/// `compare.md`, `data-quality.md`, `methodology.md` and, with an
/// evaluation, `evaluation.md`. Files: each user's genre chart (users with a
/// history) with the user's page, the evaluation chart with its page.
public struct SitePages: SitePageSource {
    public let model: RecommenderModel
    public let templates: TemplateLibrary
    public let recommendations: [[Recommendation]]
    /// An offline evaluation to publish as `evaluation.md`, if the build has one.
    public let evaluation: EvaluationResult?
    public let count: Int
    private let facts: SiteFacts

    /// - Parameters:
    ///   - model: the built model.
    ///   - templates: the loaded templates, with `index.md`, `user.md`,
    ///     `item.md`, `users-index.md`, `items-index.md`, `popular.md`,
    ///     `compare.md`, `data-quality.md` and `methodology.md`.
    ///   - recommendations: every user's list, in user order, as
    ///     `model.recommender.recommendAll(k: model.config.k)` returns it.
    ///   - evaluation: an offline evaluation to publish as `evaluation.md`.
    /// - Complexity: O(events + users × k log(users × k) + items), the
    ///   tallies every page shares (`SiteFacts`).
    public init(model: RecommenderModel, templates: TemplateLibrary, recommendations: [[Recommendation]],
                evaluation: EvaluationResult? = nil) {
        precondition(recommendations.count == model.dataset.users.count, "one recommendation list per user")
        self.model = model
        self.templates = templates
        self.recommendations = recommendations
        self.evaluation = evaluation
        facts = SiteFacts(model: model, recommendations: recommendations)
        count = 3 + facts.users.count + facts.items.count + (evaluation == nil ? 4 : 5)
    }

    /// The page templates, in page order.
    private var templateNames: [String] {
        ["index.md", "users-index.md", "user.md", "items-index.md", "item.md", "popular.md", "compare.md",
         "data-quality.md", "methodology.md"] + (evaluation == nil ? [] : ["evaluation.md"])
    }

    /// - Throws: `RecSiteError.templateError` for the first page template
    ///   (in page order) missing from the template folder.
    public func validate() throws {
        for name in templateNames where !templates.names.contains(name) {
            throw RecSiteError.templateError(path: "\(name).mustache", reason: "template missing from the template folder")
        }
    }

    /// Pages `range` of the page order and their charts.
    /// - Parameter workers: how many pages render at once.
    /// - Throws: `RecSiteError.templateError` when a template is missing (the
    ///   first failing page of the range in page order).
    /// - Complexity: per user page O(|H(u)| log |H(u)| + k · neighbours), per
    ///   item page O(viewers log viewers); `users/index.md` adds a pass over
    ///   every user's history. Divided by `workers`, plus the page text.
    public func render(_ range: Range<Int>, workers: Int) throws -> (pages: [MarkdownPage], files: [SiteFile]) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "pages \(range) of \(count)")
        // Its rows come from every user, so they are made once, on all workers, before the batch.
        let usersIndex = range.contains(Self.usersIndexPosition) ? UsersIndexPage(facts: facts, workers: workers) : nil
        let rendered = try Self.inOrder(parallelMap(count: range.count, workers: workers, makeScratch: {}) { offset, _ in
            Result { try render(slot(at: range.lowerBound + offset), usersIndex: usersIndex) }
        })
        return (rendered.map(\.page), rendered.compactMap(\.file))
    }

    /// What stands at one position of the page order.
    private enum Slot {
        case index, usersIndex, user(Int), itemsIndex, item(Int), popular, compare, dataQuality, methodology, evaluation
    }

    private static let usersIndexPosition = 1
    /// The pages after the item pages (`.evaluation` only with an evaluation).
    private static let closingSlots: [Slot] = [.popular, .compare, .dataQuality, .methodology, .evaluation]

    private func slot(at position: Int) -> Slot {
        let users = facts.users.count, items = facts.items.count
        switch position {
        case 0: return .index
        case Self.usersIndexPosition: return .usersIndex
        case 2..<2 + users: return .user(position - 2)
        case 2 + users: return .itemsIndex
        case 3 + users..<3 + users + items: return .item(position - 3 - users)
        default: return Self.closingSlots[position - 3 - users - items]
        }
    }

    private func render(_ slot: Slot, usersIndex: UsersIndexPage?) throws -> (page: MarkdownPage, file: SiteFile?) {
        switch slot {
        case .index: return (try IndexPage(facts: facts, hasEvaluation: evaluation != nil).render(templates: templates), nil)
        case .usersIndex: return (try usersIndex!.render(templates: templates), nil)  // made when its range is
        case .user(let u):
            let output = try UserPage(facts: facts, user: u).render(templates: templates)
            return (output.page, output.chart)
        case .itemsIndex: return (try ItemsIndexPage(facts: facts).render(templates: templates), nil)
        case .item(let i): return (try ItemPage(facts: facts, item: i).render(templates: templates), nil)
        case .popular: return (try PopularPage(facts: facts).render(templates: templates), nil)
        case .compare: return (try ComparePage(facts: facts).render(templates: templates), nil)
        case .dataQuality: return (try DataQualityPage(facts: facts).render(templates: templates), nil)
        case .methodology: return (try MethodologyPage(facts: facts).render(templates: templates), nil)
        case .evaluation:
            let (page, chart) = try EvaluationPage(result: evaluation!).render(templates: templates)  // counted only with one
            return (page, chart)
        }
    }

    /// The results in index order, or the first error in index order, so a
    /// failure reads the same on every run.
    private static func inOrder<T>(_ results: [Result<T, any Error>]) throws -> [T] {
        try results.map { try $0.get() }
    }
}
