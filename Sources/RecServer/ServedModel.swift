import Foundation
import RecEngine
import RecSite

/// One loaded data set and everything a request reads from it. Immutable:
/// a reload builds a new one and swaps it in whole, so a request never sees
/// half of two models.
public struct ServedModel: Sendable {
    /// The largest `k` a request may ask for (`/recommendations`, `/popular`).
    public static let maxK = 100

    public let model: RecommenderModel
    public let explainer: Explainer
    /// The content types items have, for `/popular?type=`.
    public let contentTypes: Set<String>
    /// What the data files looked like when read, for `--reload`.
    public let inputs: InputFiles
    /// Seconds spent per step: read, cleanse, model (R, popularity), similarity, explanations.
    public let timings: [(name: String, seconds: Double)]

    public var api: APIDocuments { APIDocuments(model: model) }
    /// The k of a build (`recsite.yml`'s `k`, default 10): `/recommendations` without `k`.
    public var defaultK: Int { model.config.k }

    /// Loads, cleanses and models the data as `recsite build` does.
    /// - Throws: the CLI's errors (`RecEngineError`, `RecSiteError`), each naming file and line.
    public static func load(_ options: ServerOptions) throws -> ServedModel {
        let inputs = InputFiles(options)
        let timings = PhaseTimings()
        // Read, not mapped: files that change while the server runs are
        // reloaded, and one cut short during a load must fail the load alone.
        let model = try ModelLoader.load(store: CSVFolder(directory: options.dataDirectory, mapsFiles: false),
                                         configPath: options.configPath, timings: timings)
        let cachePath = options.dataDirectory + "/" + ExplanationCache.fileName
        let explainer = try timings.measure("explanations") { Explainer(cache: try ExplanationCache.load(path: cachePath)) }
        return ServedModel(model: model, explainer: explainer, contentTypes: Set(model.dataset.items.map(\.contentType)),
                           inputs: inputs, timings: timings.phases)
    }

    /// The start-up (and reload) log line: counts and where the time went.
    public var loadSummary: String {
        let counts = "\(model.dataset.users.count) users, \(model.dataset.items.count) items, "
            + "\(model.dataset.events.count) events"
        let steps = timings.map { "\($0.name) \(NumberFormat.fixed($0.seconds * 1000, 1)) ms" }
        return counts + " (" + steps.joined(separator: ", ") + ")"
    }
}
