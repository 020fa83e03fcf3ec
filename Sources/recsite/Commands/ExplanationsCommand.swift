import ArgumentParser
import Dispatch
import Foundation
import RecEngine
import RecSite

struct ExplanationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explanations",
        abstract: "Measure the recommendations' explanations, or fill their cache from a language model.",
        discussion: """
        Without --with, makes no network call: prints how many distinct sentences and template \
        shapes the data gives, how many come from the cache (<data>/explanations.jsonl) and how \
        many users get the same sentence on every recommendation.

        With --with gemini or --with openai, asks the model for every collaborative-filtering \
        recommendation whose prompt (facts only: the user's top genres and types, the item, its \
        top contributors and their shares) the cache lacks, rejects replies that name an item, \
        title or number not among the facts, adds the rest to the cache, and prints a summary \
        line. `recsite build` then shows the cached text, marked with the model's name, and \
        never calls the network. The key comes from GOOGLE_API_KEY or OPENAI_API_KEY, or that \
        line of a .env file; it is never printed or written.

        Examples:
          recsite explanations
          GOOGLE_API_KEY=… recsite explanations --with gemini --users u1,u2
          recsite explanations --with openai --base-url http://127.0.0.1:8080/v1 --model llama3
        """
    )

    @OptionGroup var options: DataOptions
    @OptionGroup var count: RecommendationCount

    @Option(name: .customLong("with"), help: ArgumentHelp("Fill the cache from this provider: gemini or openai.",
                                                           valueName: "provider"))
    var provider: String?

    @Option(help: "The model (default: gemini-2.5-flash, or gpt-4o-mini for openai).")
    var model: String?

    @Option(name: .customLong("base-url"), help: ArgumentHelp(
        "The API's base URL (default: Gemini's v1beta, or https://api.openai.com/v1).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("Only these users (comma-separated IDs).", valueName: "ids"))
    var users: String?

    @Option(name: .customLong("max-requests"), help: "At most this many HTTP requests, retries included.")
    var maxRequests = 500

    @Option(name: .customLong("max-tokens"), help: "At most about this many tokens.")
    var maxTokens = 200_000

    @Option(help: "Requests in flight at once.")
    var concurrency = 4

    @Option(help: "Seconds before a request times out.")
    var timeout = 30.0

    @Option(help: "Retries of a request answered 429 or 5xx (with exponential backoff).")
    var retries = 3

    @Option(help: "Seconds before the first retry; doubled for each next one.")
    var backoff = 1.0

    @Option(name: .customLong("env-file"), help: ArgumentHelp("Where to look for the key when the environment lacks it.",
                                                              valueName: "file"))
    var envFile = ".env"

    func validate() throws {
        if let provider, ExplanationProvider.Kind(rawValue: provider) == nil {
            throw ValidationError("--with must be gemini or openai.")
        }
        if maxRequests < 0 || maxTokens < 0 || concurrency < 1 || timeout <= 0 || retries < 0 || backoff < 0 {
            throw ValidationError("--max-requests, --max-tokens and --retries must be ≥ 0; --concurrency ≥ 1; --timeout > 0.")
        }
    }

    func run() throws {
        guard let folder = try options.store().folder else {
            throw ValidationError("recsite explanations keeps its cache in the data folder: --data must be a folder, not a database.")
        }
        let engine = try options.loadModel(k: count.k)
        let cachePath = OutputFile.join(folder, ExplanationCache.fileName)
        var cache = try ExplanationCache.load(path: cachePath)
        let selected = try users.map { list in
            try list.split(separator: ",").map { try Lookup.user(String($0), in: engine) }
        } ?? Array(engine.dataset.users.indices)
        func reports(_ cache: ExplanationCache) -> [UserReport] {
            selected.map { ReportBuilder.user($0, model: engine, k: engine.config.k, explainer: Explainer(cache: cache)) }
        }
        guard let provider, let kind = ExplanationProvider.Kind(rawValue: provider) else {
            var statistics = ExplanationStatistics()
            for report in reports(cache) { statistics.add(report) }
            print(statistics.text)
            return
        }
        var settings = ExplanationProvider.Settings(kind: kind, model: model, baseURL: baseURL,
                                                    apiKey: APIKey.resolve(kind.keyVariable, envFile: envFile))
        if settings.apiKey == nil && baseURL == nil {
            throw ValidationError("\(kind.keyVariable) is not set (in the environment or \(envFile)).")
        }
        settings.timeout = timeout
        settings.retries = retries
        settings.backoff = backoff
        var limits = ExplanationFill.Limits()
        limits.maxRequests = maxRequests
        limits.maxTokens = maxTokens
        limits.concurrency = concurrency
        let fill = ExplanationFill(provider: ExplanationProvider(settings: settings), limits: limits,
                                   items: engine.dataset.items)
        let jobs = ExplanationFill.jobs(reports(ExplanationCache()), model: engine)
        let start = cache
        let (summary, filled) = Self.blocking {
            var cache = start
            let summary = await fill.run(jobs, cache: &cache) { Terminal.note($0) }
            return (summary, cache)
        }
        cache = filled
        if summary.written > 0 { try OutputFile.write(cache.text, to: cachePath) }
        print(summary.line)
    }

    /// Runs `body` on the concurrency pool and waits for it (the tool's commands are synchronous).
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>(), done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries a task's result to the thread waiting on the semaphore.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
