import Foundation
import RecServer
import RecSite
import Testing

/// The `build-small` fixture built into a real site (the repository's
/// templates and settings) once per test process, with a secret file beside
/// the site and symlinks inside it pointing at it, for the traversal tests.
enum ServerFixture {
    static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static let data = repository.appendingPathComponent("Tests/Fixtures/build-small").path
    static let config = repository.appendingPathComponent("recsite.yml").path
    /// What the secret file holds: no answer may ever contain it.
    static let secret = "TOP-SECRET-\(UUID().uuidString)"

    /// scratch/site (the built site) and scratch/secret.txt.
    static let scratch: Result<String, any Error> = Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-serve-\(UUID().uuidString)").path
        var options = SiteBuilder.Options()
        options.dataDirectory = data
        options.outputDirectory = scratch + "/site"
        options.templatesDirectory = repository.appendingPathComponent("templates").path
        options.configPath = config
        options.workers = 2
        _ = try SiteBuilder(options: options, console: MemoryConsole(), makeContent: { ReportSite($0) }).build()
        try secret.write(toFile: scratch + "/secret.txt", atomically: true, encoding: .utf8)
        let files = FileManager.default
        try files.createSymbolicLink(atPath: scratch + "/site/leak.txt", withDestinationPath: "../secret.txt")
        try files.createSymbolicLink(atPath: scratch + "/site/leak-absolute.txt", withDestinationPath: scratch + "/secret.txt")
        try files.createSymbolicLink(atPath: scratch + "/site/outside", withDestinationPath: scratch)
        return scratch
    }

    static var site: String { get throws { try scratch.get() + "/site" } }

    static func options(data: String = ServerFixture.data) -> ServerOptions {
        var options = ServerOptions()
        options.dataDirectory = data
        options.configPath = config
        options.host = "127.0.0.1"
        options.port = 0
        return options
    }

    /// A running server on a free loopback port for the duration of `body`.
    static func withServer<T: Sendable>(
        data: String = ServerFixture.data, site: String? = nil, log: ServerLog = .silent,
        _ body: @Sendable (_ port: Int, _ store: ModelStore) async throws -> T
    ) async throws -> T {
        let options = options(data: data)
        let store = ModelStore(try ServedModel.load(options), options: options, log: log)
        let staticSite = try site.map { try #require(StaticSite(directory: $0)) } ?? StaticSite(directory: try Self.site)
        let ports = PortBox()
        let app = RecServer.application(options: options, store: store, site: staticSite, log: log) { port in
            ports.set(port)
        }
        let server = Task { try await app.run() }
        defer { server.cancel() }
        let port = try await ports.wait()
        let result = try await body(port, store)
        server.cancel()
        _ = await server.result
        return result
    }
}

/// The bound port, handed from the server's start-up to the test.
final class PortBox: @unchecked Sendable {
    private let lock = NSLock()
    private var port: Int?

    func set(_ value: Int) {
        lock.lock()
        port = value
        lock.unlock()
    }

    func wait() async throws -> Int {
        for _ in 0..<1000 {
            if let value = lock.withLock({ port }) { return value }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        throw RawHTTP.Failure(description: "the server did not start within 10 s")
    }
}
