import RecEngine

/// `recsite explanations --with PROVIDER`: asks a model for the
/// recommendations whose prompt the cache lacks, checks each reply
/// (`ReplyCheck`) and adds the accepted ones to the cache. Bounded by a cap
/// on requests and on tokens, and by a limit on calls in flight; everything
/// not written falls back to the template sentence.
public struct ExplanationFill: Sendable {
    /// One recommendation to explain.
    public struct Job: Sendable {
        public let facts: ExplanationFacts
        public let prompt: String
    }

    public struct Limits: Sendable {
        /// HTTP requests per run, retries included.
        public var maxRequests = 500
        /// Tokens per run (the servers' counts; a call is only started while
        /// the estimate of its tokens fits, so in-flight calls may pass it by
        /// at most their own replies).
        public var maxTokens = 200_000
        /// Calls in flight.
        public var concurrency = 4

        public init() {}
    }

    /// What a run did; `line` is the one-line summary.
    public struct Summary: Sendable, Equatable {
        /// Recommendations with a prompt (cf items).
        public var prompts = 0
        public var cached = 0
        /// Prompts sent, and HTTP requests made (retries included).
        public var called = 0
        public var requests = 0
        public var tokens = 0
        public var written = 0
        public var failed = 0
        public var rejected = 0
        /// Not asked: a cap was reached.
        public var skipped = 0

        /// Recommendations that show the template sentence after this run.
        public var fellBack: Int { failed + rejected + skipped }

        public var line: String {
            "explanations: \(prompts) prompts, \(cached) cached, \(called) called (\(requests) requests, \(tokens) tokens), "
                + "\(written) written, \(failed) failed, \(rejected) rejected, \(skipped) skipped by caps; "
                + "\(fellBack) fell back to the template"
        }
    }

    public let provider: ExplanationProvider
    public let limits: Limits
    public let check: ReplyCheck

    public init(provider: ExplanationProvider, limits: Limits, items: [Item]) {
        self.provider = provider
        self.limits = limits
        check = ReplyCheck(items: items)
    }

    /// The jobs of a set of reports: every cf recommendation, in user and rank order.
    public static func jobs(_ reports: [UserReport], model: RecommenderModel) -> [Job] {
        reports.flatMap { report in
            let collaborative = report.collaborative.count
            return report.recommendations.compactMap { entry -> Job? in
                let facts = ExplanationFacts(
                    userID: report.user.id, recommendation: entry.recommendation, breakdown: entry.breakdown,
                    genres: report.genrePreferences, types: report.contentBreakdown, totalScore: report.totalScore,
                    historyCount: report.history.count, collaborativeCount: collaborative, model: model)
                return ExplanationPrompt.text(facts).map { Job(facts: facts, prompt: $0) }
            }
        }
    }

    /// Runs the jobs the cache lacks, adds accepted replies to `cache`, and
    /// reports each failure or rejection on `log` (one line, no key).
    public func run(_ jobs: [Job], cache: inout ExplanationCache, log: @escaping @Sendable (String) -> Void) async -> Summary {
        var summary = Summary()
        summary.prompts = jobs.count
        let model = provider.settings.model
        var seen: Set<String> = []
        let missing = jobs.filter { job in
            let key = ExplanationCache.key(model: model, prompt: job.prompt)
            if cache.entries[key] != nil { summary.cached += 1; return false }
            return seen.insert(key).inserted  // one call per distinct prompt
        }
        summary.cached += jobs.count - summary.cached - missing.count  // duplicates of a prompt asked once
        let budget = Budget(maxRequests: limits.maxRequests, maxTokens: limits.maxTokens)
        let estimate = provider.settings.maxOutputTokens
        let outcomes = await withTaskGroup(of: (Int, Outcome).self) { group in
            var next = 0, results: [(Int, Outcome)] = []
            func start() {
                let index = next, job = missing[index]
                next += 1
                group.addTask {
                    guard await budget.startCall(estimate: job.prompt.utf8.count / 4 + estimate) else { return (index, .skipped) }
                    let reply = await provider.complete(job.prompt) { await budget.takeRequest() }
                    switch reply {
                    case .success(let reply):
                        await budget.spend(tokens: reply.tokens, estimate: job.prompt.utf8.count / 4 + estimate)
                        return (index, .reply(reply))
                    case .failure(let failure):
                        await budget.spend(tokens: 0, estimate: job.prompt.utf8.count / 4 + estimate)
                        return (index, failure.requests == 0 ? .skipped : .failed(failure))
                    }
                }
            }
            while next < min(missing.count, max(1, limits.concurrency)) { start() }
            for await result in group {
                results.append(result)
                if next < missing.count { start() }
            }
            return results.sorted { $0.0 < $1.0 }
        }
        for (index, outcome) in outcomes {
            let job = missing[index]
            let label = "\(job.facts.userID) \(job.facts.item.id)"
            switch outcome {
            case .skipped:
                summary.skipped += 1
            case .failed(let failure):
                summary.called += 1
                summary.requests += failure.requests
                summary.failed += 1
                log("\(label): \(failure.description); the template sentence stays")
            case .reply(let reply):
                summary.called += 1
                summary.requests += reply.requests
                summary.tokens += reply.tokens
                switch check.check(reply.text, facts: job.facts) {
                case .success(let text):
                    summary.written += 1
                    cache.insert(.init(key: ExplanationCache.key(model: model, prompt: job.prompt), model: model,
                                       userID: job.facts.userID, itemID: job.facts.item.id, text: text))
                case .failure(let rejection):
                    summary.rejected += 1
                    log("\(label): reply rejected: \(rejection.reason); the template sentence stays")
                }
            }
        }
        return summary
    }

    private enum Outcome: Sendable {
        case reply(ExplanationProvider.Reply)
        case failed(ExplanationProvider.Failure)
        case skipped
    }

    /// The run's caps, shared by the calls in flight.
    private actor Budget {
        let maxRequests: Int, maxTokens: Int
        var requests = 0, tokens = 0, reserved = 0

        init(maxRequests: Int, maxTokens: Int) {
            self.maxRequests = maxRequests
            self.maxTokens = maxTokens
        }

        func startCall(estimate: Int) -> Bool {
            guard requests < maxRequests, tokens + reserved + estimate <= maxTokens else { return false }
            reserved += estimate
            return true
        }

        func takeRequest() -> Bool {
            guard requests < maxRequests else { return false }
            requests += 1
            return true
        }

        func spend(tokens used: Int, estimate: Int) {
            reserved -= estimate
            tokens += used
        }
    }
}
