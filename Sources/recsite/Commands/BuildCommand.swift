import ArgumentParser
import Foundation
import RecEngine
import RecSite

/// `recsite build`: the report site, or `--check` of the committed one.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the report site: Markdown and HTML pages, the static JSON API and CSV exports.",
        discussion: """
        Runs the engine over every user and writes the site to --out: for each page a Markdown \
        file (from the Mustache templates) and its HTML twin (cmark-gfm in safe mode inside \
        templates/layout.html.mustache, Bootstrap 5 from Debian's libjs-bootstrap5), the JSON \
        files of SPEC §9 under api/, per-user CSV exports under csv/, and SVG charts.

        The output is deterministic: the same data, settings and templates give the same bytes. \
        The site is written into a staging folder beside --out and swapped in, so a failed \
        build leaves the old site untouched; files the build no longer makes are removed, and \
        files whose bytes did not change keep their modification time. Every internal link is \
        checked before anything is written. Every build writes api/build.json, a summary of \
        what it computed from which inputs, and changes.md, what moved since the previous \
        build (the site it replaces, or --previous DIR); `recsite diff` compares any two. \
        recsite only replaces a folder that holds its \
        .recsite-manifest (or an empty one), and removes only the files that manifest lists: \
        .git, CNAME and .nojekyll are carried into the new site, and any other file is listed and \
        the build refused (exit 3) unless --force is given. Folders beside --out named like \
        recsite's staging or old folders are removed only when they are provably recsite's. \
        --data, --templates, --config, --users and --evaluation must not lie inside --out; an \
        --out that is a symbolic link to a folder replaces the folder it names. Inputs must be \
        regular files of at most 4 GiB (RECSITE_MAX_INPUT_SIZE, e.g. 8G, sets another limit), and \
        links in the templates' assets/ must stay inside the templates folder.

        --check builds in memory, writes nothing, and lists on stdout each file of --out that \
        would be added, changed or removed (Bootstrap's copied files included). Progress goes \
        to stderr: phases, a page counter when stderr is a terminal, and a summary.

        Examples:
          recsite build
          recsite build --data /path/to/logs --out /tmp/site -k 20
          recsite build --check            # in CI: is the committed site current?
          recsite build --templates my-templates --weight complete=4
          recsite evaluate --json > evaluation.json && recsite build --evaluation evaluation.json
          recsite build --formats html,json --sample 1000 --seed 42   # a smaller site for a static host

        --formats md,html,json,csv (default: all four) writes only those kinds: md and html are the \
        pages (html brings assets/), json the API under api/, csv the exports under csv/; charts come \
        with either page kind. Pages drop their links to the kinds left out, so the link check holds.

        --users FILE (one user ID a line; blank lines and # comments skipped) or --sample N --seed S \
        gives a page, chart, JSON and CSV files to those users only; the sample is the N users with the \
        smallest FNV-1a hash of "S:ID", the same on every run and machine. The site-wide pages (index, \
        users index, items, popular, compare, data quality, methodology) still cover every user; users \
        without a page appear there as plain text. docs/publishing.md has the sizes per format.

        --results DIR renders from precomputed results (the Spark job's output, or recsite recommend \
        --all --results-out DIR): recsite still reads and cleanses the data, but takes every user's list \
        and the similarities from DIR, checks each number it shows against its own arithmetic, and \
        refuses a folder computed from other data or settings, or with --sums fast. The site equals an \
        ordinary build's byte for byte. --evaluate still trains the engine on its own train/test splits \
        (docs/scale.md).

        --shard I/N renders one of N parts of the site into --out, so that N machines or Spark \
        tasks render a large site at once: every shard runs the engine on all the data, then writes \
        the pages and files of users and items number I, I+N, I+2N… (in ID order), and shard 1 also \
        the site-wide ones. `recsite merge --out site shard-1 … shard-N` puts them together and \
        checks every link; the result is byte for byte the whole build (docs/scale.md).

        While it writes, a build holds .<out>.lock beside --out: a second build writing the same \
        folder is refused. SIGINT, SIGTERM or SIGHUP while writing removes the unfinished copy and leaves \
        the previous site as it was; a full disk or a file-size limit does the same.

        Exit codes: 0 success (--check: the site is current); 1 --check found differences, or \
        bad data, settings or templates, or a broken link; 3 the site could not be written (an \
        I/O error, a full disk, another build writing --out, or --out is a folder recsite did \
        not make, or fewer than 32 files may be open); 129/130/143 interrupted by \
        SIGHUP/SIGINT/SIGTERM before the new site was in place (nothing changed; a signal after it \
        lets the build finish and exit 0); 64 bad flags.
        """
    )

    @OptionGroup var options: DataOptions
    @OptionGroup var count: RecommendationCount

    @Option(help: ArgumentHelp("The site folder (replaced as a whole).", valueName: "dir"))
    var out = "site"

    @Option(help: ArgumentHelp(
        "Mustache templates and assets/ (default: ./templates if present, else the copy installed beside the binary, ../share/recsite/templates).",
        valueName: "dir"))
    var templates: String?

    @Option(help: ArgumentHelp(
        "An offline evaluation to publish as evaluation.md (the file of recsite evaluate --json).", valueName: "file"))
    var evaluation: String?

    @Option(help: ArgumentHelp("File kinds to write, comma-separated: md, html, json, csv (default: all).",
                               valueName: "list"))
    var formats = "md,html,json,csv"

    @Option(help: ArgumentHelp("Give pages (and per-user JSON and CSV) only to the users listed in this file, one ID a line.",
                               valueName: "file"))
    var users: String?

    @Option(help: ArgumentHelp("Give pages only to a deterministic sample of N users (see --seed).", valueName: "n"))
    var sample: Int?

    @Option(help: ArgumentHelp("The seed of --sample.", valueName: "s"))
    var seed: UInt64 = 42

    @Flag(help: "Run the offline evaluation (recsite evaluate's defaults, with this build's k and weights) and publish it as evaluation.md.")
    var evaluate = false

    @Option(help: ArgumentHelp(
        "The site whose build changes.md compares with (default: the site --out replaces).", valueName: "dir"))
    var previous: String?

    @Flag(help: "Write nothing; exit 1 listing the files of --out that would change.")
    var check = false

    @Flag(help: "Remove files of the old --out that recsite did not write (listed when it refuses without this flag); .git, CNAME and .nojekyll are always kept.")
    var force = false

    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    @Option(help: ArgumentHelp(
        "Render part I of N of the site (1 ≤ I ≤ N): its users' and items' files, and with I = 1 the site-wide ones; join the parts with recsite merge.",
        valueName: "I/N"))
    var shard: String?

    @Option(help: ArgumentHelp(
        "Take every user's list and the similarities from this results folder (the Spark job's --out, or recsite recommend --all --results-out) instead of running the engine.",
        valueName: "dir"))
    var results: String?

    @Option(help: ArgumentHelp("Threads to use (default: all cores, or RECSITE_WORKERS).", valueName: "n"))
    var workers: Int?

    @Option(help: ArgumentHelp(
        "Write the wall time of each step as JSON to this file (for make bench).", valueName: "file"))
    var timings: String?

    func validate() throws {
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
        if out.isEmpty { throw ValidationError("--out must name a folder.") }
        if evaluate && evaluation != nil { throw ValidationError("Give --evaluate or --evaluation FILE, not both.") }
        if SiteFormats(list: formats) == nil {
            throw ValidationError("--formats takes a comma-separated list of md, html, json, csv (got '\(formats)').")
        }
        if users != nil && sample != nil { throw ValidationError("Give --users FILE or --sample N, not both.") }
        if let sample, sample < 0 { throw ValidationError("--sample must be at least 0.") }
        if let shard, SiteShard(shard) == nil {
            throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, such as 1/4 (got '\(shard)').")
        }
    }

    func run() throws {
        if let limit = FileDescriptorLimit.shortfall() {
            StandardError.write(FileDescriptorLimit.message(limit))
            throw ExitCode(3)
        }
        // From here on a signal gets its line (one during argument checks
        // used to end the process silently); --check keeps the defaults.
        let signals = check ? nil : InterruptSignals()
        var settings = SiteBuilder.Options()
        settings.dataDirectory = options.data
        settings.dataStore = try options.store()
        settings.outputDirectory = out
        settings.templatesDirectory = TemplateSearch.resolve(explicit: templates)
        settings.configPath = options.config
        settings.weightOverrides = options.weights
        settings.k = count.k
        settings.workers = workers ?? ProcessInfoCores.count
        settings.previousDirectory = previous
        settings.hasEvaluation = evaluate || evaluation != nil
        settings.formats = SiteFormats(list: formats) ?? .all
        settings.force = force
        settings.shard = shard.flatMap(SiteShard.init)
        settings.resultsDirectory = results
        settings.otherInputs = [users.map { ("the --users file", $0) }, evaluation.map { ("the evaluation file", $0) }]
            .compactMap { $0 }
        let selection = try UserSelection(file: users, sample: sample, seed: seed), formats = settings.formats
        let cachedEvaluation = try evaluation.map(Self.readEvaluation)
        let evaluate = self.evaluate
        let phases = PhaseTimings()
        let builder = SiteBuilder(options: settings, console: StandardErrorConsole(quiet: quiet), timings: phases) { inputs in
            ReportSite(inputs, evaluation: try evaluate ? Self.runEvaluation(inputs.model) : cachedEvaluation,
                       formats: formats, userPages: try selection.pages(model: inputs.model))
        }
        do {
            let outcome = try signals.map { try builder.build(interruption: $0.interruption) } ?? builder.check()
            if let signals {
                signals.stop()
                // A signal after the new site was in place changes nothing:
                // the build is complete, so it says so and exits 0.
                if let number = signals.interruption.signal {
                    InterruptSignals.reportAfterSwap(number, target: SiteWriter(target: out).target)
                }
            }
            if let timings {
                try TimingsFile.write(phases, total: outcome.elapsed,
                                      counts: [("pages", outcome.pages), ("files", outcome.files)], to: timings)
            }
            if check {
                for line in outcome.diff.lines { print(line) }
                if !outcome.diff.isEmpty { throw ExitCode(1) }
            }
        } catch let error as RecSiteError {
            signals?.stop()
            throw SiteWriteErrors.translate(error)
        }
    }

    /// The evaluation of `recsite evaluate` with its default protocol, on this build's data, k and weights.
    private static func runEvaluation(_ model: RecommenderModel) throws -> EvaluationResult {
        let options = EvaluationOptions(k: model.config.k)
        return try Evaluator(dataset: model.dataset, weights: model.config.weights, options: options)
            .run(Evaluator.algorithms(variants: true))
    }

    /// - Throws: `RecSiteError.invalidConfig` naming the file.
    private static func readEvaluation(_ path: String) throws -> EvaluationResult {
        let data: [UInt8]
        do { data = try FileBytes.input(path) } catch {
            throw RecSiteError.invalidConfig(path: path, reason: "\(error)")
        }
        return try EvaluationDocument.decode(data, path: path)
    }
}

/// `--users FILE` or `--sample N --seed S`: which users get pages, known once the data is loaded.
struct UserSelection: Sendable {
    let list: (path: String, text: String)?
    let sample: (count: Int, seed: UInt64)?

    /// Reads `--users FILE` now, so an unreadable file stops the build before any work.
    /// - Throws: `RecSiteError.invalidConfig` naming the file.
    init(file: String?, sample: Int?, seed: UInt64) throws {
        list = try file.map { path in
            let data: [UInt8]
            do { data = try FileBytes.input(path) } catch {
                throw RecSiteError.invalidConfig(path: path, reason: "\(error)")
            }
            return (path, String(decoding: data, as: UTF8.self))
        }
        self.sample = sample.map { ($0, seed) }
    }

    /// - Throws: `RecSiteError.invalidConfig` naming `file:line` for an unknown user ID.
    func pages(model: RecommenderModel) throws -> UserPages {
        if let list { return try UserPages.listed(in: list.path, text: list.text, model: model) }
        if let sample { return UserPages.sample(sample.count, seed: sample.seed, users: model.dataset.users) }
        return .all
    }
}
