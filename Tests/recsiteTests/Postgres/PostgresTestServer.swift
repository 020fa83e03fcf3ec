import Foundation
import PostgresNIO
import RecPostgres
import Testing

/// The PostgreSQL server the tests load tables into: `RECSITE_TEST_POSTGRES_URL`,
/// set by `scripts/postgres-test-server.sh` (which `make test` and CI run the
/// tests under). Without it the database tests are reported as skipped, with
/// this reason, rather than passing.
enum PostgresTestServer {
    static let url = ProcessInfo.processInfo.environment["RECSITE_TEST_POSTGRES_URL"]
    static let isAvailable = url != nil
    static let skipReason: Comment =
        "RECSITE_TEST_POSTGRES_URL is not set: run make test, or scripts/postgres-test-server.sh run swift test"

    /// A schema of its own for one test, so tests can run at once; dropped by `drop()`.
    static func schema(_ name: String) async throws -> PostgresSchema {
        let schema = PostgresSchema(name: "t_\(name)_\(UUID().uuidString.prefix(8).lowercased())")
        try await schema.execute("CREATE SCHEMA \(schema.name)")
        return schema
    }

    /// The server's URL with the given query parameters (values percent-encoded).
    static func url(_ parameters: [(String, String)]) -> String {
        let query = parameters.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0.1)" }
        return url! + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}

/// One test's schema on the test server: SQL runs over a connection of its own.
struct PostgresSchema: Sendable {
    let name: String

    func execute(_ sql: String, _ binds: PostgresBindings = PostgresBindings()) async throws {
        let target = try PostgresURL(PostgresTestServer.url!)
        var logger = Logger(label: "recsite.tests.postgres")
        logger.logLevel = .critical
        let configuration = PostgresConnection.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: .disable)
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
            try await connection.close()
        } catch let error as PSQLError {
            try? await connection.close()
            // PSQLError hides the server's message from its description.
            throw PostgresInputError(store: "test server", problem: "\(error.serverInfo?[.message] ?? "\(error.code)"): \(sql.prefix(200))")
        }
    }

    /// A table of text columns (plus an integer `recsite_line` first), filled
    /// with `rows`; `nil` is NULL.
    func createTextTable(_ table: String, columns: [String], rows: [[String?]]) async throws {
        let names = columns.map { "\"\($0)\"" }
        try await execute("CREATE TABLE \(name).\(table) (recsite_line integer, "
                          + names.map { "\($0) text" }.joined(separator: ", ") + ")")
        let perStatement = 60_000 / (columns.count + 1)
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + perStatement)]
            var binds = PostgresBindings(), values: [String] = [], n = 0
            for (offset, row) in chunk.enumerated() {
                binds.append(start + offset + 1)
                var placeholders = ["$\(n + 1)"]
                n += 1
                for field in row {
                    if let field { binds.append(field) } else { binds.appendNull() }
                    n += 1
                    placeholders.append("$\(n)")
                }
                values.append("(" + placeholders.joined(separator: ", ") + ")")
            }
            try await execute("INSERT INTO \(name).\(table) VALUES " + values.joined(separator: ", "), binds)
            start += chunk.count
        }
    }

    /// The query that reads a text table in insertion order, without `recsite_line`.
    func orderedQuery(_ table: String, columns: [String]) -> String {
        "SELECT " + columns.map { "\"\($0)\"" }.joined(separator: ", ") + " FROM \(name).\(table) ORDER BY recsite_line"
    }

    func drop() async throws {
        try await execute("DROP SCHEMA \(name) CASCADE")
    }
}
