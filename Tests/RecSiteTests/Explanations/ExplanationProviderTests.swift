import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Both providers against `Tests/Fixtures/llm/fake_llm_server.py` on 127.0.0.1.
@Suite(.serialized) struct ExplanationProviderTests {
    static let key = "sk-test-Zq81-secret"

    /// The fake server: its base URL and the file where it logs each request's mode.
    final class FakeServer {
        let process = Process()
        let port: Int
        let log: String

        init() throws {
            log = NSTemporaryDirectory() + "fake-llm-\(UUID().uuidString).log"
            FileManager.default.createFile(atPath: log, contents: nil)
            let out = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", PageFixture.root + "/Tests/Fixtures/llm/fake_llm_server.py", ExplanationProviderTests.key, log]
            process.standardOutput = out
            try process.run()
            var line = Data()
            while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
                line.append(byte)
            }
            port = Int(String(decoding: line, as: UTF8.self))!
        }

        func base(_ mode: String) -> String { "http://127.0.0.1:\(port)/\(mode)" }
        var modes: [String] { (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? [] }
        deinit {
            // SIGKILL, not terminate()'s SIGTERM: the test process may block
            // SIGTERM (the interruption tests), and a child inherits the mask.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(atPath: log)
        }
    }

    /// u1's one cf recommendation of `TemplateExplanationTests`, as a job.
    static func job() throws -> (ExplanationFill.Job, RecommenderModel) {
        let t = TemplateExplanationTests.self
        let model = try PageFixture.model(users: t.users, items: t.items, events: t.events, k: 2)
        let report = ReportBuilder.user(0, model: model, k: 2)
        let jobs = ExplanationFill.jobs([report], model: model)
        #expect(jobs.count == 1)
        return (try #require(jobs.first), model)
    }

    static func run(_ kind: ExplanationProvider.Kind, _ base: String, key: String? = key, cache: ExplanationCache = .init(),
                    limits: ExplanationFill.Limits = .init()) async throws
        -> (ExplanationFill.Summary, ExplanationCache, [String]) {
        let (job, model) = try job()
        var settings = ExplanationProvider.Settings(kind: kind, model: "test-model", baseURL: base, apiKey: key)
        // Long enough for a first request on a busy two-core machine, short enough for the hang test.
        settings.timeout = 2
        settings.retries = 2
        settings.backoff = 0.01
        let fill = ExplanationFill(provider: ExplanationProvider(settings: settings), limits: limits, items: model.dataset.items)
        let lines = LogLines()
        var cache = cache
        let summary = await fill.run([job], cache: &cache) { lines.add($0) }
        return (summary, cache, lines.all)
    }

    final class LogLines: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []
        func add(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return lines }
    }

    @Test(arguments: ExplanationProvider.Kind.allCases)
    func success(kind: ExplanationProvider.Kind) async throws {
        let server = try FakeServer()
        let (summary, cache, log) = try await Self.run(kind, server.base("success"))
        #expect(summary.called == 1 && summary.requests == 1 && summary.written == 1 && summary.fellBack == 0)
        #expect(summary.tokens == 42)
        #expect(log.isEmpty)
        let (job, _) = try Self.job()
        let entry = try #require(cache.lookup(prompt: job.prompt, model: "test-model"))
        let share = NumberFormat.fixed(job.facts.contributors[0].share * 100, 1)
        #expect(entry.text == "You spent a lot of time on \"Alpha One\", which gives \(share)% of this score.")
        // The build shows it, marked with the model.
        let explained = Explainer(cache: cache).explain(job.facts)
        #expect(explained == Explanation(text: entry.text, source: .model("test-model")))
        #expect(server.modes == ["success"])
    }

    @Test(arguments: ExplanationProvider.Kind.allCases)
    func retriesA429(kind: ExplanationProvider.Kind) async throws {
        let server = try FakeServer()
        let (summary, _, _) = try await Self.run(kind, server.base("429-then-success"))
        #expect(summary.requests == 2 && summary.written == 1 && summary.failed == 0)
        #expect(server.modes == ["429-then-success", "429-then-success"])
    }

    @Test(arguments: ExplanationProvider.Kind.allCases)
    func gives500Up(kind: ExplanationProvider.Kind) async throws {
        let server = try FakeServer()
        let (summary, cache, log) = try await Self.run(kind, server.base("500"))
        // One request and two retries, then the template.
        #expect(summary.requests == 3 && summary.failed == 1 && summary.written == 0 && summary.fellBack == 1)
        #expect(cache.isEmpty)
        #expect(log == ["u1 x: HTTP 500 after 3 attempts; the template sentence stays"])
    }

    /// The server never answers: the request must fail as a timeout, once,
    /// and the run end. No wall-clock bound (on a loaded machine the 2 s
    /// timeout once fired after 25 s); the time limit catches a hang.
    @Test(.timeLimit(.minutes(1)), arguments: ExplanationProvider.Kind.allCases)
    func timesOut(kind: ExplanationProvider.Kind) async throws {
        let server = try FakeServer()
        let (summary, _, log) = try await Self.run(kind, server.base("hang"))
        #expect(summary.failed == 1 && summary.requests == 1)
        #expect(log == ["u1 x: timed out after 2.0 s; the template sentence stays"])
    }

    @Test(arguments: ExplanationProvider.Kind.allCases)
    func malformedJSON(kind: ExplanationProvider.Kind) async throws {
        let server = try FakeServer()
        let (summary, cache, log) = try await Self.run(kind, server.base("malformed"))
        #expect(summary.failed == 1 && cache.isEmpty)
        #expect(log.first?.contains("malformed reply") == true)
    }

    @Test(arguments: ExplanationProvider.Kind.allCases)
    func rejectsAnInventedItem(kind: ExplanationProvider.Kind) async throws {
        let server = try FakeServer()
        let (summary, cache, log) = try await Self.run(kind, server.base("invent"))
        #expect(summary.rejected == 1 && summary.written == 0 && summary.fellBack == 1 && cache.isEmpty)
        #expect(log == ["u1 x: reply rejected: quotes “Galaxy Quest 7”, which is not among the facts; the template sentence stays"])
    }

    @Test func cacheHitMakesNoCall() async throws {
        let server = try FakeServer()
        let (_, filled, _) = try await Self.run(.openai, server.base("success"))
        let (summary, again, _) = try await Self.run(.openai, server.base("success"), cache: filled)
        #expect(summary.cached == 1 && summary.called == 0 && summary.requests == 0)
        #expect(again.text == filled.text)
        #expect(server.modes.count == 1)
        // Another model misses.
        let (job, _) = try Self.job()
        #expect(filled.lookup(prompt: job.prompt, model: "other-model") == nil)
        #expect(filled.lookup(prompt: job.prompt + " ", model: "test-model") == nil)
    }

    @Test func requestCapSkips() async throws {
        let server = try FakeServer()
        var limits = ExplanationFill.Limits()
        limits.maxRequests = 0
        let (summary, _, _) = try await Self.run(.gemini, server.base("success"), limits: limits)
        #expect(summary.skipped == 1 && summary.called == 0 && server.modes.isEmpty)
        #expect(summary.line == "explanations: 1 prompts, 0 cached, 0 called (0 requests, 0 tokens), 0 written, 0 failed, "
            + "0 rejected, 1 skipped by caps; 1 fell back to the template")
    }

    @Test func wrongKeyIsRefusedAndNoKeyAppearsAnywhere() async throws {
        let server = try FakeServer()
        // The server answers 401 to any other key: a success proves the key was sent.
        let (bad, _, badLog) = try await Self.run(.gemini, server.base("success"), key: "wrong")
        #expect(bad.failed == 1 && badLog == ["u1 x: HTTP 401; the template sentence stays"])
        for kind in ExplanationProvider.Kind.allCases {
            for mode in ["success", "500", "hang", "malformed", "invent"] {
                let (summary, cache, log) = try await Self.run(kind, server.base(mode))
                for text in log + [summary.line, cache.text] { #expect(!text.contains(Self.key), "\(kind) \(mode)") }
            }
        }
    }
}
