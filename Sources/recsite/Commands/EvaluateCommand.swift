import ArgumentParser
import Foundation
import RecEngine
import RecSite

/// `recsite evaluate`: offline accuracy of the engine, its variants and baselines.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure the recommendations offline: precision, recall, nDCG, MAP, hit rate, coverage, novelty, diversity.",
        discussion: """
        Splits each user's history items into train and test (all events of a user-item pair \
        on one side), fits the engine on the training events only, lists k items per user that \
        the user has not watched in training, and averages the metrics over the users with \
        held-out items. Every held-out item counts as relevant. The most-popular and random \
        baselines are measured the same way. --variants adds similarity shrinkage, top-N \
        neighbours and per-user normalisation of r. --json prints the result file a site build \
        can read. See docs/evaluation.md.

        Examples:
          recsite import movielens /path/to/ml-100k --out /tmp/ml-100k
          recsite evaluate --data /tmp/ml-100k --variants
          recsite evaluate --data /tmp/ml-100k --split temporal -k 20
          recsite evaluate --data /tmp/ml-100k --shrinkage 10 --neighbours 50
          recsite evaluate --data /tmp/ml-100k --json > evaluation.json
        """
    )

    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp("How each user's items are split: stratified (random) or temporal (latest held out).",
                               valueName: "stratified|temporal"))
    var split = "stratified"

    @Option(help: "Share of each user's items kept for training, between 0 and 1.")
    var ratio = 0.75

    @Option(help: "Seed of the stratified split and the random baseline.")
    var seed = 42

    @Option(name: .short, parsing: .unconditional, help: "List length and metric cut-off (default: 10, or 'k' in the settings file).")
    var k: Int?

    @Flag(help: "Print the result as JSON (the cached result file format).")
    var json = false

    @Flag(help: "Also evaluate the engine variants (shrinkage, top-N neighbours, per-user normalisation).")
    var variants = false

    @Option(help: ArgumentHelp("Evaluate the engine with similarity shrinkage sim × n/(n + λ) (n = co-raters).",
                               valueName: "λ"))
    var shrinkage: Double?

    @Option(help: ArgumentHelp("Evaluate the engine keeping only each item's N most similar neighbours.", valueName: "N"))
    var neighbours: Int?

    @Option(help: ArgumentHelp("Evaluate the engine with r divided per user by its max or L2 norm.",
                               valueName: "none|max|l2"))
    var normalise = "none"

    func validate() throws {
        guard TrainTestSplit.Method(rawValue: split) != nil else {
            throw ValidationError("--split must be stratified or temporal, not '\(split)'.")
        }
        guard ratio > 0, ratio < 1 else { throw ValidationError("--ratio must be between 0 and 1 (exclusive).") }
        guard seed >= 0 else { throw ValidationError("--seed must be 0 or more.") }
        if let k, k < 1 { throw ValidationError("-k must be at least 1.") }
        guard InteractionNormalisation(rawValue: normalise) != nil else {
            throw ValidationError("--normalise must be none, max or l2, not '\(normalise)'.")
        }
        do { try engineVariant.validate() } catch let error as RecEngineError {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        let start = ContinuousClock.now
        let config = try RecsiteConfig.load(path: options.config, weightOverrides: options.weights, k: k)
        let dataset = try options.store().load(weights: config.weights)
        let protocolOptions = EvaluationOptions(
            split: TrainTestSplit.Method(rawValue: split)!, ratio: ratio, seed: UInt64(seed), k: config.k)
        let evaluator = try Evaluator(dataset: dataset, weights: config.weights, options: protocolOptions)
        let result = try evaluator.run(Evaluator.algorithms(engine: engineVariant, variants: variants))
        if json {
            print(EvaluationDocument.make(result).serialized(pretty: true))
        } else {
            print(EvaluationReport.render(result), terminator: "")
        }
        let seconds = Double((ContinuousClock.now - start) / .milliseconds(1)) / 1000
        Terminal.note("evaluate: \(result.rows.count) algorithms over \(result.counts.evaluatedUsers) users "
            + "in \(NumberFormat.fixed(seconds, 3)) s")
    }

    private var engineVariant: EngineVariant {
        EngineVariant(similarity: SimilarityOptions(shrinkage: shrinkage ?? 0, neighbours: neighbours),
                      normalisation: InteractionNormalisation(rawValue: normalise) ?? .none)
    }
}
