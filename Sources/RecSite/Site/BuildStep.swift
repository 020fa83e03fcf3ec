import RecEngine

/// One named step of `recsite build`, in the spirit of Publish's
/// `PublishingStep`: the build is `BuildStep.standard`, run in order, and
/// `--timings` names each step from that list. A step may work once before
/// the batches (`prepare`), on every batch (`perBatch`), and once after
/// them (`finish`); adding a step means adding one value to the list.
public struct BuildStep: Sendable {
    public let name: String
    /// Runs once, before any batch, in list order.
    let prepare: (@Sendable (BuildState) throws -> Void)?
    /// Runs on each batch, in list order.
    let perBatch: (@Sendable (BuildState, inout SiteBatch) throws -> Void)?
    /// Runs once, after every batch, in list order.
    let finish: (@Sendable (BuildState) throws -> Void)?

    init(_ name: String, prepare: (@Sendable (BuildState) throws -> Void)? = nil,
         perBatch: (@Sendable (BuildState, inout SiteBatch) throws -> Void)? = nil,
         finish: (@Sendable (BuildState) throws -> Void)? = nil) {
        self.name = name
        self.prepare = prepare
        self.perBatch = perBatch
        self.finish = finish
    }

    /// The build: what flows from one step to the next is in `BuildState`
    /// (and `SiteBatch` within a batch); docs/architecture.md draws it.
    public static let standard: [BuildStep] = [
        load, cleanse, model, recommend, changes, explanations, reports, pages, html, data, links, write,
    ]

    /// Templates, assets, settings and the three input tables (files' bytes, or a database's rows).
    static let load = BuildStep("load", prepare: { state in
        state.console.phase("loading templates from \(state.options.templatesDirectory)/")
        state.templates = try TemplateLibrary(directory: state.options.templatesDirectory)
        for warning in HTMLLayout.unescapedDataWarnings(in: state.templates!) { state.console.warning(warning) }
        state.converter = try HTMLConverter(templates: state.templates!,
                                            linksMarkdown: state.options.formats.contains(.markdown),
                                            evaluation: state.options.hasEvaluation)
        state.assets = try SiteAssets.templateAssets(templatesDirectory: state.options.templatesDirectory)
            + SiteAssets.bootstrap(directory: state.options.bootstrapDirectory)
        state.config = try RecsiteConfig.load(path: state.options.configPath,
                                              weightOverrides: state.options.weightOverrides, k: state.options.k)
        let store = state.options.store
        state.console.phase("loading \(store.folder.map { $0 + "/" } ?? store.description)")
        state.inputs = try store.read()
    })

    /// The cleansing rules (SPEC §2): a `Dataset` and its `CleansingReport`.
    static let cleanse = BuildStep("cleanse", prepare: { state in
        state.dataset = try state.inputs!.cleanse(weights: state.config!.weights, workers: state.options.workers)
        state.inputs = nil  // the bytes are not needed past here
    })

    /// R, item similarity and popularity (SPEC §3, §4, §6); with `--results`,
    /// R and popularity, and the lists and similarities from the folder.
    static let model = BuildStep("model", prepare: { state in
        if let results = state.options.resultsDirectory {
            state.console.phase("reading the results in \(results)/")
            let read = try ResultsReader.read(directory: results, dataset: state.dataset!, config: state.config!,
                                              workers: state.options.workers)
            (state.model, state.recommendations) = (read.model, read.recommendations)
            return
        }
        state.model = RecommenderModel(dataset: state.dataset!, config: state.config!, workers: state.options.workers)
    })

    /// Every user's top-k list, once (read with the model under `--results`).
    static let recommend = BuildStep("recommend", prepare: { state in
        guard state.recommendations == nil else { return }
        let model = state.model!
        state.console.phase("recommending for \(model.dataset.users.count) users (k = \(model.config.k))")
        state.recommendations = model.recommender.recommendAll(k: model.config.k, workers: state.options.workers)
    })

    /// The build's summary, and what moved since the previous build
    /// (`--previous`, or the site being replaced).
    static let changes = BuildStep("changes", prepare: { state in
        let summary = BuildSummary(model: state.model!, recommendations: state.recommendations!)
        do {
            state.changes = try SiteChanges.against(site: state.previousSite, summary: summary)
        } catch let error as RecSiteError where state.options.previousDirectory == nil {
            // A damaged summary in the site being replaced must not block the
            // build that replaces it: this build is then compared with nothing.
            state.console.note("changes.md compares with no previous build: \(error)")
            state.changes = SiteChanges(summary: summary, previous: nil)
        }
    })

    /// The committed explanation cache (`<data>/explanations.jsonl`), read,
    /// never filled: a build makes no network call (docs/explanations.md).
    static let explanations = BuildStep("explanations", prepare: { state in
        // A database has no folder beside it: every sentence is then the template's.
        guard let folder = state.options.store.folder else { state.explainer = Explainer(); return }
        state.explainer = Explainer(cache: try ExplanationCache.load(path: folder + "/" + ExplanationCache.fileName))
    })

    /// The tallies reports share, then each batch's `UserReport`s or `ItemReport`s.
    static let reports = BuildStep("reports", prepare: { state in
        state.console.phase("preparing the reports")
        let content = try state.makeContent(SiteContentInputs(
            model: state.model!, templates: state.templates!, recommendations: state.recommendations!,
            assets: state.assets, changes: state.changes!, explainer: state.explainer ?? Explainer(),
            shard: state.options.shard))
        try content.validate()
        state.content = content
        state.console.phase("rendering \(content.pageCount) pages as Markdown and HTML")
        state.console.startProgress("pages", total: content.pageCount)
    }, perBatch: { state, batch in
        state.content!.makeReports(&batch, workers: state.options.workers)
    })

    /// Markdown pages and charts from the reports.
    static let pages = BuildStep("pages", perBatch: { state, batch in
        try state.content!.makePages(&batch, workers: state.options.workers)
    })

    /// cmark-gfm and the layout: the HTML twin of every page.
    static let html = BuildStep("html", perBatch: { state, batch in
        let console = state.console
        batch.html = try state.converter!.convert(batch.pages, workers: state.options.workers) { console.advanceProgress() }
    }, finish: { state in
        state.console.endProgress()
    })

    /// The static API and the CSV exports from the reports.
    static let data = BuildStep("data", perBatch: { state, batch in
        try state.content!.makeDataFiles(&batch, workers: state.options.workers)
    })

    /// Every internal link recorded as pages are made, then checked against
    /// every file. A shard's pages link to other shards' files, so a shard
    /// writes its marker instead, and `recsite merge` checks the links.
    static let links = BuildStep("links", perBatch: { state, batch in
        guard state.options.shard == nil else { return }
        let formats = state.options.formats
        state.links.record(batch.html.flatMap { formats.links(of: $0) }, workers: state.options.workers)
    }, finish: { state in
        let dataLinks = state.content!.dataLinks.filter { state.options.formats.includes(path: $0.file) }
        if let shard = state.options.shard {
            try state.sink!.put([ShardMarker(shard: shard, build: ShardMarker.buildKey(state), dataLinks: dataLinks).file])
            return
        }
        state.console.phase("checking links")
        state.links.record(targets: dataLinks)
        try state.links.verify(paths: state.sink!.paths)
    })

    /// Each batch into the sink as soon as it is made, pages first, then the
    /// data files (a folder's files together, as ext4 writes them fastest);
    /// then the swap (or the comparison).
    static let write = BuildStep("write", perBatch: { state, batch in
        let formats = state.options.formats
        try state.sink!.put(formats == .all ? batch.pageFiles : batch.pageFiles.filter { formats.includes(path: $0.path) })
        try state.sink!.put(formats == .all ? batch.files : batch.files.filter { formats.includes(path: $0.path) })
    }, finish: { state in
        state.diff = try state.finishSink!()
    })
}
