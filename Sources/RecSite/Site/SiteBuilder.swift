import Foundation
import RecEngine

/// `recsite build`: the named steps of `BuildStep.standard` — load,
/// cleanse, model, recommend, then batch by batch reports, pages, html,
/// data, links and write, then the link check and the swap (or the
/// comparison). `build()`, `check()` and `siteFiles()` differ only in where
/// the files go. Only the model and the lists are held whole; reports,
/// pages and data files are made and written a batch at a time.
public struct SiteBuilder: Sendable {
    /// What to build from where.
    public struct Options: Sendable {
        /// Folder with users.csv, items.csv and events.csv.
        public var dataDirectory = "data"
        /// Where the tables come from when not a folder (`--data postgresql://…`);
        /// `nil` reads `dataDirectory`.
        public var dataStore: (any DataStore)? = nil
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
        /// `--previous`: the site whose build `changes.md` compares with;
        /// `nil` for the site being replaced.
        public var previousDirectory: String? = nil
        /// Whether the content publishes `evaluation.md` (the navigation then links it).
        public var hasEvaluation = false
        /// Where Bootstrap is copied from.
        public var bootstrapDirectory = SiteAssets.debianBootstrapDirectory
        /// Pages converted, link-checked and written per batch (and users per
        /// batch of data files): enough to keep every core busy, few enough
        /// that a 100k-user site is never held in memory as Markdown or HTML.
        public var batchSize = 1024
        /// The file kinds written (`--formats`); pages link only to these.
        public var formats = SiteFormats.all
        /// Remove files of the old site that recsite did not write (`--force`)
        /// instead of refusing to replace it.
        public var force = false
        /// Other files the build reads (such as `--users FILE`), as (what, path):
        /// like the data, templates and settings, they must not lie inside the output.
        public var otherInputs: [(what: String, path: String)] = []
        /// Render one part of the site (`--shard I/N`, `SiteShard`); nil for all of it.
        public var shard: SiteShard? = nil
        /// `--results`: take every user's list and the similarities from this
        /// results folder (`ResultsReader`) instead of running the engine.
        public var resultsDirectory: String? = nil

        /// Every input of the build as (what, path), for `SiteWriter.refuseInputsInside`.
        var inputs: [(what: String, path: String)] {
            [store.folder.map { ("the data folder", $0) }, ("the templates folder", templatesDirectory),
             ("the settings file", configPath ?? RecsiteConfig.defaultPath)].compactMap { $0 }
                + (resultsDirectory.map { [("the results folder", $0)] } ?? []) + otherInputs
        }

        /// The tables' store: `dataStore`, else the folder `dataDirectory`.
        var store: any DataStore { dataStore ?? CSVFolder(directory: dataDirectory) }

        public init() {}
    }

    /// The site's content (`ReportSite`), from what the steps before made.
    public typealias ContentMaker = @Sendable (SiteContentInputs) throws -> any SiteContent

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
    public let makeContent: ContentMaker
    /// The steps, in order (`BuildStep.standard`).
    public let steps: [BuildStep]
    /// Where each step's wall time goes (`recsite build --timings`), by the
    /// step's name. They add up to the build's wall time, apart from taking
    /// the lock.
    public let timings: PhaseTimings

    /// - Parameter makeContent: what the site holds; by default the report site without an evaluation.
    public init(options: Options, console: BuildConsole, timings: PhaseTimings = PhaseTimings(),
                steps: [BuildStep] = BuildStep.standard, makeContent: ContentMaker? = nil) {
        self.options = options
        self.console = console
        self.timings = timings
        self.steps = steps
        let formats = options.formats
        self.makeContent = makeContent ?? { ReportSite($0, formats: formats) }
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
        let writer = SiteWriter(target: options.outputDirectory, workers: options.workers, force: options.force)
        try writer.refuseInputsInside(options.inputs)
        let guarder = try writer.lock(interruption: interruption)
        defer { guarder.finish() }
        console.phase("writing \(outputName)/ as the pages are made")
        let site = try writer.stage(holding: guarder)
        let state: BuildState
        do {
            state = try run(into: site, previousSite: options.outputDirectory) { try site.commit() }
        } catch {
            throw site.abandon(after: error)
        }
        let outcome = Outcome(pages: state.content?.pageCount ?? 0, files: site.paths.count + 1, diff: state.diff,
                              elapsed: ContinuousClock.now - start)
        let diff = state.diff
        console.note(
            "built \(outputName)/ in \(Self.seconds(outcome.elapsed)) s: \(outcome.files) files "
                + "(\(outcome.pages) pages as .md and .html): \(diff.written) written, \(diff.unchanged) unchanged, "
                + "\(diff.removed.count) removed")
        return outcome
    }

    /// Builds the site batch by batch and compares it with the one on disk,
    /// Bootstrap's copied files included. Writes nothing.
    /// - Throws: as `build()`, except for write failures.
    public func check() throws -> Outcome {
        let start = ContinuousClock.now
        let comparison = try SiteWriter(target: options.outputDirectory, workers: options.workers).compare()
        let state = try run(into: comparison, previousSite: options.outputDirectory) { comparison.finish() }
        let diff = state.diff
        let outcome = Outcome(pages: state.content?.pageCount ?? 0, files: comparison.paths.count + 1, diff: diff,
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
    /// Its `changes.md` compares with `options.previousDirectory` only.
    public func siteFiles() throws -> (files: [SiteFile], pages: Int) {
        let collected = CollectedSite()
        let state = try run(into: collected) { SiteDiff() }
        return (collected.files, state.content?.pageCount ?? 0)
    }

    /// Runs the steps with the files going to `sink`, and `finish` (the swap,
    /// or the end of a comparison) as the write step's last act.
    /// - Parameter previousSite: the site this build replaces (or is checked
    ///   against), whose build `changes.md` compares with unless `options.previousDirectory` is set.
    /// - Returns: the state the steps left, for the outcome.
    func run(into sink: any SiteSink, previousSite: String? = nil,
             finish: @escaping () throws -> SiteDiff) throws -> BuildState {
        let state = BuildState(options: options, console: console, makeContent: makeContent)
        state.previousSite = options.previousDirectory ?? previousSite
        state.sink = sink
        state.finishSink = finish
        try run(state)
        return state
    }

    /// Runs the steps: each step's `prepare` in order, then every batch
    /// through each step's `perBatch`, then each step's `finish`; each timed
    /// under the step's name.
    func run(_ state: BuildState) throws {
        for step in steps {
            if let prepare = step.prepare { try timings.measure(step.name) { try prepare(state) } }
        }
        guard let content = state.content else { return }
        for kind in content.batches(size: options.batchSize) {
            var batch = SiteBatch(kind: kind)
            for step in steps {
                if let perBatch = step.perBatch { try timings.measure(step.name) { try perBatch(state, &batch) } }
            }
        }
        for step in steps {
            if let finish = step.finish { try timings.measure(step.name) { try finish(state) } }
        }
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
