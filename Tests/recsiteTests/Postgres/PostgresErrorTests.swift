import Foundation
import RecPostgres
import Testing

/// A database that cannot be read stops the command with one line naming
/// the URL (without password), the table and the problem, and a build
/// leaves the site it would have replaced as it was.
@Suite("PostgreSQL errors", .enabled(if: PostgresTestServer.isAvailable, PostgresTestServer.skipReason))
struct PostgresErrorTests {
    static let wrongPassword = "not-the-password-4711"

    @Test("refused connection, wrong password, missing table or column, bad query")
    func errors() async throws {
        let schema = try await PostgresTestServer.schema("errors")
        try await schema.createTextTable("users", columns: ["user_id", "name"], rows: [["u1", "Ann"]])
        try await schema.createTextTable("items", columns: ["item_id", "title"], rows: [["i1", "Alpha"]])
        try await schema.createTextTable("events", columns: ["user_id", "item_id", "event_type", "watch_seconds"], rows: [])
        // The schema's three tables, with one of them changed.
        func url(_ changed: (String, String)) -> String {
            let role = changed.0.replacingOccurrences(of: "_query", with: "")
            return PostgresTestServer.url(["users", "items", "events"].filter { $0 != role }
                .map { ($0, "\(schema.name).\($0)") } + [changed])
        }
        let target = try PostgresURL(PostgresTestServer.url!)
        let server = "postgresql://\(target.user)@\(target.host):\(target.port)/\(target.database)"
        let freePort = try Self.closedPort()
        let cases: [(url: String, message: String)] = [
            ("postgresql://\(target.user):secret-1@127.0.0.1:\(freePort)/db",
             "postgresql://\(target.user)@127.0.0.1:\(freePort)/db: cannot connect: "),
            ("postgresql://\(target.user):\(Self.wrongPassword)@\(target.host):\(target.port)/\(target.database)",
             "\(server): cannot connect: password authentication failed for user \"\(target.user)\""),
            (url(("items", "\(schema.name).nope")), "\(server): table \(schema.name).nope: no such table or view"),
            (url(("users", "\(schema.name).items")),
             "\(server): table \(schema.name).items: missing required column 'user_id' (it has: recsite_line, item_id, title)"),
            (url(("events", "\(schema.name).events")), "\(server): table \(schema.name).events: "
                + "missing required column 'timestamp' (it has: recsite_line, user_id, item_id, event_type, watch_seconds)"),
            (url(("events_query", "SELEC user_id FROM x")),
             "\(server): events query: syntax error at or near \"SELEC\""),
            ("postgresql://u:secret-2@h:http/db", "postgresql://u@h:http/db: the port must be a number from 1 to 65535"),
        ]
        let work = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        let first = try RecsiteProcess.run(["build", "--data", "Tests/Fixtures/build-small", "--out", site.path, "--quiet"])
        try #require(first.status == 0, "\(first.stderr)")
        let before = try PostgresSameSiteTests.files(in: site)
        for (url, message) in cases.dropFirst(3) + cases.prefix(3) {
            for command in [["check"], ["build", "--out", site.path, "--quiet"]] {
                let result = try RecsiteProcess.run(command + ["--data", url])
                #expect(result.status == 1, "\(command) \(url): \(result.stderr)")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines.first?.hasPrefix("Error: " + message) == true, "\(result.stderr)")
                #expect(!result.stderr.contains("secret") && !result.stderr.contains(Self.wrongPassword)
                        && !result.stderr.contains(target.password!))
            }
        }
        #expect(try PostgresSameSiteTests.files(in: site) == before)
        try await schema.drop()
    }

    /// A loopback port nothing listens on (bound, then closed).
    static func closedPort() throws -> Int {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                guard bind(socket, $0, length) == 0, getsockname(socket, $0, &length) == 0 else { throw CocoaError(.fileReadUnknown) }
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
