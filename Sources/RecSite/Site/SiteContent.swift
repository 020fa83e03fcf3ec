import RecEngine

/// What a build makes, batch by batch: the reports, the Markdown pages and
/// charts, and the data files (`ReportSite`, or a stand-in in tests). The
/// build's steps call these in order on each batch, so a batch's reports
/// are made once and read by its pages and its data files alike.
public protocol SiteContent: Sendable {
    /// Markdown pages in the whole site.
    var pageCount: Int { get }

    /// The batches, in order: users, then items, then the site-wide pages,
    /// which may read what the user batches collected.
    func batches(size: Int) -> [SiteBatch.Kind]

    /// Step `reports`: the batch's reports.
    func makeReports(_ batch: inout SiteBatch, workers: Int)

    /// Step `pages`: the batch's Markdown pages and the files that go with them (charts).
    /// - Throws: `RecSiteError.templateError` when a template fails.
    func makePages(_ batch: inout SiteBatch, workers: Int) throws

    /// Step `data`: the batch's JSON and CSV files (and, for the site batch, assets).
    func makeDataFiles(_ batch: inout SiteBatch, workers: Int) throws

    /// What the link check must also find: links in files that are not pages (the search indexes).
    var dataLinks: [(file: String, target: String)] { get }

    /// Throws what a build would throw for a reason known before any page
    /// is made, such as a missing template, so it fails before writing.
    func validate() throws
}

extension SiteContent {
    public func validate() throws {}
    public var dataLinks: [(file: String, target: String)] { [] }
}

/// One batch of a build as it goes through the steps.
public struct SiteBatch: Sendable {
    /// What a batch is made of.
    public enum Kind: Sendable, Equatable {
        /// Users by index (ID order).
        case users(Range<Int>)
        /// Items by index (ID order).
        case items(Range<Int>)
        /// The site-wide pages and files.
        case site
    }

    public let kind: Kind
    public var userReports: [UserReport] = []
    public var itemReports: [ItemReport] = []
    /// Markdown pages, each also converted to HTML.
    public var pages: [MarkdownPage] = []
    /// Every other file: charts, JSON, CSV, assets.
    public var files: [SiteFile] = []
    /// The HTML of `pages` (step `html`).
    public var html: [HTMLConverter.ConvertedPage] = []

    public init(kind: Kind) { self.kind = kind }

    /// The pages' files: Markdown and HTML.
    public var pageFiles: [SiteFile] {
        pages.map { SiteFile(path: $0.path, text: $0.markdown) } + html.map(\.file)
    }
}

extension SiteContent {
    /// Every page and the files that go with them (charts), made batch by
    /// batch as a build makes them, without the data files (tests and small sites).
    public func renderPages(batchSize: Int = 1024, workers: Int = ProcessInfoCores.count) throws
        -> (pages: [MarkdownPage], files: [SiteFile]) {
        var pages: [MarkdownPage] = [], files: [SiteFile] = []
        for kind in batches(size: batchSize) {
            var batch = SiteBatch(kind: kind)
            makeReports(&batch, workers: workers)
            try makePages(&batch, workers: workers)
            pages += batch.pages
            files += batch.files
        }
        return (pages, files)
    }
}

/// What a site's content is made from: the steps' results before `reports`.
public struct SiteContentInputs: Sendable {
    public let model: RecommenderModel
    public let templates: TemplateLibrary
    /// Every user's list, in user order.
    public let recommendations: [[Recommendation]]
    /// Files to copy into the site as they are.
    public let assets: [SiteFile]
    /// The build's summary and what moved since the previous build.
    public let changes: SiteChanges
    /// The recommendations' explanations, with the data folder's cache.
    public let explainer: Explainer
    /// The part of the site to render (`--shard`); nil for all of it.
    public let shard: SiteShard?

    public init(model: RecommenderModel, templates: TemplateLibrary, recommendations: [[Recommendation]],
                assets: [SiteFile], changes: SiteChanges, explainer: Explainer = Explainer(), shard: SiteShard? = nil) {
        self.shard = shard
        self.explainer = explainer
        self.model = model
        self.templates = templates
        self.recommendations = recommendations
        self.assets = assets
        self.changes = changes
    }
}
