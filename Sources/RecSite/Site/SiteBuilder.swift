import Foundation
import RecEngine

/// `recsite build` as named steps: load → model → recommendations → pages →
/// HTML → API/CSV files → links → write (or check). Each step is a method a
/// test can run alone; `build()` and `check()` run them in order and report
/// progress through a `BuildConsole`.
public struct SiteBuilder: Sendable {
    /// What to build from where.
    public struct Options: Sendable {
        /// Folder with users.csv, items.csv and events.csv.
        public var dataDirectory = "data"
        /// The site folder.
        public var outputDirectory = "site"
        /// Mustache templates and `assets/`.
        public var templatesDirectory = TemplateLibrary.defaultDirectory
        /// `--config`; `nil` reads `recsite.yml` when present.
        public var configPath: String? = nil
        /// `--weight TYPE=WEIGHT` values.
        public var weightOverrides: [String] = []
        /// `-k`, overriding the settings file.
        public var k: Int? = nil
        /// Threads for the engine, pages, HTML and file comparison.
        public var workers = ProcessInfoCores.count
        /// Where Bootstrap is copied from.
        public var bootstrapDirectory = SiteAssets.debianBootstrapDirectory

        public init() {}
    }

    /// Renders the Markdown pages and charts (the `SitePages` step), given the
    /// model, the templates, every user's recommendations and a worker count.
    public typealias PageRenderer = @Sendable (RecommenderModel, TemplateLibrary, [[Recommendation]], Int) throws
        -> (pages: [MarkdownPage], files: [SiteFile])

    /// What a build or check found.
    public struct Outcome: Sendable {
        /// Markdown pages (each also written as HTML).
        public let pages: Int
        /// Files of the site, manifest and Bootstrap included.
        public let files: Int
        /// How the site on disk differed from this build (before writing it).
        public let diff: SiteDiff
        public let elapsed: Duration
    }

    public let options: Options
    public let console: BuildConsole
    public let renderPages: PageRenderer

    public init(options: Options, console: BuildConsole, renderPages: @escaping PageRenderer) {
        self.options = options
        self.console = console
        self.renderPages = renderPages
    }

    // MARK: - The whole build

    /// Builds the site and writes it atomically.
    /// - Throws: `RecEngineError` for the data, `RecSiteError` for settings,
    ///   templates, Bootstrap, a broken link or a write failure; the old site
    ///   is then untouched.
    public func build() throws -> Outcome {
        let start = ContinuousClock.now
        let writer = SiteWriter(target: options.outputDirectory, workers: options.workers)
        let guarder = try writer.lock()
        guarder.watchSignals()  // an interrupt while computing also says what happened
        defer { guarder.finish() }
        let (files, pages) = try siteFiles()
        console.phase("writing \(outputName)/")
        let diff = try writer.write(files, holding: guarder)
        let outcome = Outcome(pages: pages, files: files.count + 1, diff: diff, elapsed: ContinuousClock.now - start)
        console.note(
            "built \(outputName)/ in \(Self.seconds(outcome.elapsed)) s: \(outcome.files) files "
                + "(\(pages) pages as .md and .html): \(diff.written) written, \(diff.unchanged) unchanged, "
                + "\(diff.removed.count) removed")
        return outcome
    }

    /// Builds the site in memory and compares it with the one on disk,
    /// ignoring `assets/vendor/`. Writes nothing.
    /// - Throws: as `build()`, except for write failures.
    public func check() throws -> Outcome {
        let start = ContinuousClock.now
        let (files, pages) = try siteFiles()
        console.phase("comparing with \(outputName)/")
        let diff = try SiteWriter(target: options.outputDirectory, workers: options.workers).diff(files)
        let outcome = Outcome(pages: pages, files: files.count + 1, diff: diff, elapsed: ContinuousClock.now - start)
        if diff.isEmpty {
            console.note("check: \(outputName)/ is up to date (\(outcome.files) files, "
                + "\(Self.seconds(outcome.elapsed)) s)")
        } else {
            console.note("check: \(diff.added.count + diff.changed.count + diff.removed.count) files of "
                + "\(outputName)/ would change: \(diff.added.count) added, \(diff.changed.count) changed, "
                + "\(diff.removed.count) removed (run recsite build)")
        }
        return outcome
    }

    /// Every file of the site, links verified, and the number of pages.
    public func siteFiles() throws -> (files: [SiteFile], pages: Int) {
        console.phase("loading templates from \(options.templatesDirectory)/")
        let templates = try loadTemplates()
        let converter = try HTMLConverter(templates: templates)
        let assets = try loadAssets()
        console.phase("loading \(options.dataDirectory)/")
        let model = try loadModel()
        console.phase("recommending for \(model.dataset.users.count) users (k = \(model.config.k))")
        let lists = recommendations(model)
        console.phase("rendering Markdown pages")
        let rendered = try pages(model: model, templates: templates, recommendations: lists)
        console.phase("converting \(rendered.pages.count) pages to HTML")
        let html = try self.html(rendered.pages, converter: converter)
        console.phase("making the JSON API and CSV exports")
        let data = dataFiles(model: model, recommendations: lists)
        let files = rendered.pages.map { SiteFile(path: $0.path, text: $0.markdown) } + html.map(\.file)
            + rendered.files + data.files + assets
        console.phase("checking links")
        try verifyLinks(html.flatMap { [$0.markdownLinks, $0.htmlLinks] }, files: files, extraLinks: data.links)
        return (files, rendered.pages.count)
    }

    // MARK: - Steps

    /// Step 1a: the Mustache templates.
    /// - Throws: `RecSiteError.templateError` naming the file, line and column.
    public func loadTemplates() throws -> TemplateLibrary {
        try TemplateLibrary(directory: options.templatesDirectory)
    }

    /// Step 1b: the template folder's `assets/` and Bootstrap.
    /// - Throws: `RecSiteError.templateError` or `.missingPackageFile` (`apt-get install libjs-bootstrap5`).
    public func loadAssets() throws -> [SiteFile] {
        try SiteAssets.templateAssets(templatesDirectory: options.templatesDirectory)
            + SiteAssets.bootstrap(directory: options.bootstrapDirectory)
    }

    /// Step 2: settings, data and the model.
    /// - Throws: `RecSiteError.invalidConfig` or `RecEngineError`.
    /// - Complexity: O(events log events + Σ_u |H(u)|²).
    public func loadModel() throws -> RecommenderModel {
        let config = try RecsiteConfig.load(path: options.configPath, weightOverrides: options.weightOverrides, k: options.k)
        let dataset = try DatasetLoader.load(directory: options.dataDirectory, weights: config.weights)
        return RecommenderModel(dataset: dataset, config: config, workers: options.workers)
    }

    /// Step 3: every user's top-k list, once.
    public func recommendations(_ model: RecommenderModel) -> [[Recommendation]] {
        model.recommender.recommendAll(k: model.config.k, workers: options.workers)
    }

    /// Step 4: the Markdown pages and charts.
    public func pages(model: RecommenderModel, templates: TemplateLibrary, recommendations: [[Recommendation]]) throws
        -> (pages: [MarkdownPage], files: [SiteFile]) {
        try renderPages(model, templates, recommendations, options.workers)
    }

    /// Step 5: each page as HTML, in page order, with a progress bar.
    public func html(_ pages: [MarkdownPage], converter: HTMLConverter) throws -> [HTMLConverter.ConvertedPage] {
        console.startProgress("pages", total: pages.count)
        defer { console.endProgress() }
        let console = self.console
        return try converter.convert(pages, workers: options.workers) { console.advanceProgress() }
    }

    /// Step 6: the static API and the CSV exports (see `SiteData`).
    public func dataFiles(model: RecommenderModel, recommendations: [[Recommendation]])
        -> (files: [SiteFile], links: [(file: String, target: String)]) {
        let data = SiteData(model: model, recommendations: recommendations)
        return (data.files(workers: options.workers), data.searchLinks)
    }

    /// Step 7: every internal link of every page (Markdown and HTML) and of
    /// the search indexes resolves to a file of the site.
    /// - Throws: `RecSiteError.brokenLinks` naming each page and link.
    public func verifyLinks(_ pages: [LinkChecker.PageLinks], files: [SiteFile],
                            extraLinks: [(file: String, target: String)]) throws {
        try LinkChecker.verify(pages, paths: Set(files.map(\.path)), extraLinks: extraLinks, workers: options.workers)
    }

    /// Step 8: the atomic write.
    /// - Throws: `RecSiteError.writeFailed` or `.refusingToReplace`.
    public func write(_ files: [SiteFile]) throws -> SiteDiff {
        try SiteWriter(target: options.outputDirectory, workers: options.workers).write(files)
    }

    /// The output folder as the messages name it (no trailing `/`).
    private var outputName: String {
        var name = options.outputDirectory
        while name.count > 1 && name.hasSuffix("/") { name.removeLast() }
        return name
    }

    /// `3.21`: seconds with two decimals.
    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
    }
}
