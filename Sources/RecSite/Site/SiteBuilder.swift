import Foundation
import RecEngine

/// `recsite build` as named steps: load → model → recommendations, then in
/// batches Markdown → HTML → API/CSV files → write (or compare), then the
/// link check and the swap. Each step is a method a test can run alone;
/// `build()` and `check()` run them in order and report progress through a
/// `BuildConsole`. Only the model and the lists are held whole; pages (as
/// Markdown and HTML) and data files are made and written batch by batch.
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
        /// Pages converted, link-checked and written per batch (and users per
        /// batch of data files): enough to keep every core busy, few enough
        /// that a 100k-user site is never held in memory as Markdown or HTML.
        public var batchSize = 1024

        public init() {}
    }

    /// The Markdown pages and charts (`SitePages`), given the model, the
    /// templates and every user's recommendations; rendered a batch at a time.
    public typealias PageRenderer = @Sendable (RecommenderModel, TemplateLibrary, [[Recommendation]]) throws
        -> any SitePageSource

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
    /// Where the steps' wall times go (`recsite build --timings`): `read`,
    /// `cleanse`, `model`, `similarity`, `recommend`, `markdown` (the tallies
    /// the pages share, then per batch), then per batch `html`, `data`,
    /// `links` and `write`. They add up to the build's wall time, apart from
    /// loading the templates and taking the lock.
    public let timings: PhaseTimings

    public init(options: Options, console: BuildConsole, timings: PhaseTimings = PhaseTimings(),
                renderPages: @escaping PageRenderer) {
        self.options = options
        self.console = console
        self.timings = timings
        self.renderPages = renderPages
    }

    // MARK: - The whole build

    /// Builds the site and writes it atomically. Files go into the staging
    /// folder batch by batch as they are made; links are checked before the
    /// staging folder is swapped in.
    /// - Parameter interruption: tripped from outside to stop the build (see
    ///   `BuildInterruption`); it is checked before writing starts and
    ///   between files.
    /// - Throws: `RecEngineError` for the data, `RecSiteError` for settings,
    ///   templates, Bootstrap, a broken link, a write failure or an
    ///   interruption; the old site is then untouched.
    public func build(interruption: BuildInterruption = BuildInterruption()) throws -> Outcome {
        let start = ContinuousClock.now
        let writer = SiteWriter(target: options.outputDirectory, workers: options.workers)
        let guarder = try writer.lock(interruption: interruption)
        defer { guarder.finish() }
        let prepared = try prepare()
        console.phase("writing \(outputName)/ as the pages are made")
        let site = try writer.stage(holding: guarder)
        let diff: SiteDiff
        let files: Int
        do {
            try emit(prepared, into: site)
            files = site.paths.count + 1
            diff = try timings.measure("write") { try site.commit() }
        } catch {
            throw site.abandon(after: error)
        }
        let outcome = Outcome(pages: prepared.pageCount, files: files, diff: diff, elapsed: ContinuousClock.now - start)
        console.note(
            "built \(outputName)/ in \(Self.seconds(outcome.elapsed)) s: \(outcome.files) files "
                + "(\(outcome.pages) pages as .md and .html): \(diff.written) written, \(diff.unchanged) unchanged, "
                + "\(diff.removed.count) removed")
        return outcome
    }

    /// Builds the site batch by batch and compares it with the one on disk,
    /// ignoring `assets/vendor/`. Writes nothing.
    /// - Throws: as `build()`, except for write failures.
    public func check() throws -> Outcome {
        let start = ContinuousClock.now
        let prepared = try prepare()
        let comparison = try SiteWriter(target: options.outputDirectory, workers: options.workers).compare()
        try emit(prepared, into: comparison)
        let diff = timings.measure("write") { comparison.finish() }
        let outcome = Outcome(pages: prepared.pageCount, files: comparison.paths.count + 1, diff: diff,
                              elapsed: ContinuousClock.now - start)
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

    /// Every file of the site in memory, links verified, and the number of
    /// pages (for tests and small sites; `build()` never holds them all).
    public func siteFiles() throws -> (files: [SiteFile], pages: Int) {
        let prepared = try prepare()
        let collected = CollectedSite()
        try emit(prepared, into: collected)
        return (collected.files, prepared.pageCount)
    }

    /// What the batches are made from: everything but the pages and the data files.
    public struct Prepared: Sendable {
        public let model: RecommenderModel
        public let recommendations: [[Recommendation]]
        /// The pages, rendered batch by batch by `emit`.
        public let pages: any SitePageSource
        public let otherFiles: [SiteFile]
        public let converter: HTMLConverter
        public var pageCount: Int { pages.count }
    }

    /// Steps 1–4: templates, assets, the model, every user's list and what
    /// the Markdown pages share.
    public func prepare() throws -> Prepared {
        console.phase("loading templates from \(options.templatesDirectory)/")
        let templates = try loadTemplates()
        let converter = try HTMLConverter(templates: templates)
        let assets = try loadAssets()
        console.phase("loading \(options.dataDirectory)/")
        let model = try loadModel()
        console.phase("recommending for \(model.dataset.users.count) users (k = \(model.config.k))")
        let lists = timings.measure("recommend") { recommendations(model) }
        console.phase("preparing the pages")
        let source = try timings.measure("markdown") { try pages(model: model, templates: templates, recommendations: lists) }
        try source.validate()
        return Prepared(model: model, recommendations: lists, pages: source, otherFiles: assets, converter: converter)
    }

    /// Steps 5–7 in batches: each batch of pages as Markdown (with its
    /// charts) and HTML, then the data files, then the assets, each batch put
    /// into `sink` as soon as it is made, so no more than a batch of page
    /// text is held; finally every link is checked against every file put.
    func emit(_ prepared: Prepared, into sink: SiteSink) throws {
        var links = LinkLedger()
        console.phase("rendering \(prepared.pageCount) pages as Markdown and HTML")
        console.startProgress("pages", total: prepared.pageCount)
        let console = self.console
        for range in batches(of: prepared.pageCount) {
            let batch = try timings.measure("markdown") { try prepared.pages.render(range, workers: options.workers) }
            let html = try timings.measure("html") {
                try prepared.converter.convert(batch.pages, workers: options.workers) { console.advanceProgress() }
            }
            timings.measure("links") {
                links.record(html.flatMap { [$0.markdownLinks, $0.htmlLinks] }, workers: options.workers)
            }
            try timings.measure("write") {
                try sink.put(batch.pages.map { SiteFile(path: $0.path, text: $0.markdown) } + html.map(\.file) + batch.files)
            }
        }
        console.endProgress()
        console.phase("making the JSON API and CSV exports")
        let data = SiteData(model: prepared.model, recommendations: prepared.recommendations)
        let siteWide = timings.measure("data") { data.siteWideFiles() }
        try timings.measure("write") { try sink.put(siteWide) }
        timings.measure("links") { links.record(targets: data.searchLinks) }
        for users in batches(of: prepared.model.dataset.users.count) {
            let files = timings.measure("data") { data.userFiles(users: users, workers: options.workers) }
            try timings.measure("write") { try sink.put(files) }
        }
        try timings.measure("write") { try sink.put(prepared.otherFiles) }
        console.phase("checking links")
        try timings.measure("links") { try links.verify(paths: sink.paths) }
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
        let dataset = try DatasetLoader.load(directory: options.dataDirectory, weights: config.weights, timings: timings,
                                              workers: options.workers)
        return RecommenderModel(dataset: dataset, config: config, workers: options.workers, timings: timings)
    }

    /// Step 3: every user's top-k list, once.
    public func recommendations(_ model: RecommenderModel) -> [[Recommendation]] {
        model.recommender.recommendAll(k: model.config.k, workers: options.workers)
    }

    /// Step 4: the source of the Markdown pages and charts, which `emit`
    /// renders a batch at a time.
    public func pages(model: RecommenderModel, templates: TemplateLibrary, recommendations: [[Recommendation]]) throws
        -> any SitePageSource {
        try renderPages(model, templates, recommendations)
    }

    /// `0..<count` cut into ranges of `options.batchSize`.
    private func batches(of count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: options.batchSize).map { $0..<min(count, $0 + options.batchSize) }
    }

    /// The output folder as the messages name it (no trailing `/`).
    private var outputName: String {
        var name = options.outputDirectory
        while name.count > 1 && name.hasSuffix("/") { name.removeLast() }
        return name
    }

    /// `3.21`: seconds with two decimals.
    static func seconds(_ duration: Duration) -> String {
        String(format: "%.2f", duration.inSeconds)
    }
}
