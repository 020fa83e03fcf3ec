import ArgumentParser
import RecEngine
import RecSite

struct RecommendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "List a user's top-k recommendations with reasons.",
        discussion: """
        Items the user has not watched, by score descending (ties in ID order); when fewer than k \
        have a positive score, the list is filled with the most popular unwatched items. \
        --json prints the document of api/recommendations/<user_id>.json (SPEC §9).

        Examples:
          recsite recommend u1
          recsite recommend u1 -k 20 --json
          recsite recommend --all --json > recommendations.jsonl
          recsite recommend --all --json --timings engine.json > /dev/null
          recsite recommend --all --results-out results && recsite build --results results

        --results-out DIR (with --all) also writes the results folder that recsite build --results \
        reads: results.json, lists.jsonl and neighbours.jsonl, the same bytes as the Spark job's \
        (docs/scale.md).
        """
    )

    @Argument(help: "The user's ID (omit with --all).") var user: String?
    @OptionGroup var options: DataOptions
    @OptionGroup var count: RecommendationCount
    @Flag(help: "Print JSON (SPEC §9 shape) instead of a table.") var json = false
    @Flag(help: "Every user, in ID order, computed on all cores; with --json one compact document per line.")
    var all = false
    @Option(help: ArgumentHelp(
        "With --all, write the wall time of each engine step (read … recommend) as JSON to this file (for make bench).",
        valueName: "file"))
    var timings: String?
    @Option(help: ArgumentHelp(
        "With --all, also write the results folder recsite build --results reads (created if missing).",
        valueName: "dir"))
    var resultsOut: String?

    func validate() throws {
        if all == (user != nil) { throw ValidationError("Give either a USER or --all.") }
        if timings != nil && !all { throw ValidationError("--timings needs --all.") }
        if resultsOut != nil && !all { throw ValidationError("--results-out needs --all.") }
    }

    func run() throws {
        let start = ContinuousClock.now
        let phases = PhaseTimings()
        // Every user at once reads column tiles or sparse rows; one user's
        // list and the results' breakdowns read the dense copy.
        let model = try options.loadModel(k: count.k, timings: phases, keepsDenseSimilarity: !all || resultsOut != nil)
        let k = model.config.k
        guard let user else {
            let lists = phases.measure("recommend") { model.recommender.recommendAll(k: k) }
            if let timings {
                try TimingsFile.write(phases, total: ContinuousClock.now - start, counts: [("users", lists.count)],
                                      to: timings)
            }
            if let resultsOut { try ResultsWriter.write(model: model, recommendations: lists, to: resultsOut) }
            return printAll(lists, model: model, k: k)
        }
        let u = try Lookup.user(user, in: model)
        let list = model.recommendations(user: u, k: k)
        if json {
            print(APIDocuments(model: model).recommendations(user: u, list: list, k: k).serialized(pretty: true))
        } else {
            print(TextTable.terminalSafe(RecommendationList.render(user: u, list: list, model: model, k: k)), terminator: "")
        }
    }

    private func printAll(_ lists: [[Recommendation]], model: RecommenderModel, k: Int) {
        let api = APIDocuments(model: model)
        var out = ""
        for (u, list) in lists.enumerated() {
            out += json ? api.recommendations(user: u, list: list, k: k).serialized() + "\n"
                : TextTable.terminalSafe(RecommendationList.render(user: u, list: list, model: model, k: k)) + "\n"
            if out.utf8.count > 1 << 20 { print(out, terminator: ""); out = "" }
        }
        print(out, terminator: "")
    }
}
