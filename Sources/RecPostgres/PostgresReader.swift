import Foundation
import PostgresNIO
import RecEngine

/// Fetches the three tables over one connection, one query each, and
/// turns every failure into a `PostgresInputError` naming the URL (never
/// its password), the table and the problem.
///
/// The commands are synchronous, so it waits on postgres-nio's futures from
/// the calling thread; the connection runs on a one-thread event loop group
/// of its own, shut down before it returns.
struct PostgresReader {
    let url: PostgresURL

    func fetch() throws -> (users: PostgresRowSource, items: PostgresRowSource, events: PostgresRowSource) {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        var logger = Logger(label: "recsite.postgres")
        logger.logLevel = .critical
        let connection = try connect(on: group.next(), logger: logger)
        defer { try? connection.close().wait() }
        let sources = try url.tables.map { try fetch($0, on: connection, logger: logger) }
        return (sources[0], sources[1], sources[2])
    }

    private func connect(on loop: any EventLoop, logger: Logger) throws -> PostgresConnection {
        let tls: PostgresConnection.Configuration.TLS
        switch url.tls {
        case .disable: tls = .disable
        case .require:
            do { tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration())) } catch {
                throw PostgresInputError(store: url.description, problem: "cannot set up TLS: \(error)")
            }
        }
        var configuration = PostgresConnection.Configuration(
            host: url.host, port: url.port, username: url.user, password: url.password, database: url.database, tls: tls)
        // Fixed session settings, so the text forms never depend on the server's defaults.
        configuration.options.additionalStartupParameters = [
            ("TimeZone", "UTC"), ("DateStyle", "ISO, YMD"), ("extra_float_digits", "1"),
        ]
        do {
            return try PostgresConnection.connect(on: loop, configuration: configuration, id: 1, logger: logger).wait()
        } catch {
            throw PostgresInputError(store: url.description, problem: "cannot connect: " + Self.problem(error))
        }
    }

    /// One table: its columns from the catalog, then every row as text.
    private func fetch(_ spec: PostgresTableSpec, on connection: PostgresConnection, logger: Logger) throws -> PostgresRowSource {
        let label = spec.label, relation: String, ordered: Bool
        switch spec.source {
        case .table(let name):
            var binds = PostgresBindings()
            binds.append(name)
            let found = try rows("SELECT to_regclass($1)::text", binds, on: connection, logger: logger, table: label)
            guard let quoted = found.first?.first ?? nil else {
                throw PostgresInputError(store: url.description, table: label, problem: "no such table or view")
            }
            (relation, ordered) = (quoted, true)
        case .query(let sql):
            // A temporary view gives the query's columns and types from the
            // catalog before any row is read; it ends with the session.
            relation = "pg_temp.recsite_\(spec.role.rawValue)"
            try run("CREATE TEMPORARY VIEW \(relation) AS \(sql)", on: connection, logger: logger, table: label)
            ordered = false
        }
        let columns = try self.columns(of: relation, on: connection, logger: logger, table: label)
        guard !columns.isEmpty else { throw PostgresInputError(store: url.description, table: label, problem: "it has no columns") }
        var sql = "SELECT " + columns.map(\.textExpression).joined(separator: ", ")
            + " FROM \(relation) AS \(PostgresColumn.sourceAlias)"
        let order = columns.compactMap(\.orderExpression)
        if ordered, !order.isEmpty { sql += " ORDER BY " + order.joined(separator: ", ") }
        let table = PostgresTableRows(columnCount: columns.count)
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) { row in
                for cell in row {
                    if let bytes = cell.bytes { bytes.withUnsafeReadableBytes { table.append($0) } } else { table.append(nil) }
                }
            }.wait()
        } catch {
            throw PostgresInputError(store: url.description, table: label, problem: Self.problem(error))
        }
        return PostgresRowSource(name: spec.name, label: label, path: "\(url.description), \(label)",
                                 columns: columns.map { $0.name.trimmingCharacters(in: .whitespaces) }, table: table)
    }

    private func columns(of relation: String, on connection: PostgresConnection, logger: Logger, table: String) throws -> [PostgresColumn] {
        var binds = PostgresBindings()
        binds.append(relation)
        let sql = """
            SELECT a.attname::text, t.typname::text, t.typcategory::text
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum
            """
        return try rows(sql, binds, on: connection, logger: logger, table: table).map {
            PostgresColumn(name: $0[0] ?? "", type: $0[1] ?? "", category: $0[2] ?? "")
        }
    }

    /// A small query's rows as strings.
    private func rows(_ sql: String, _ binds: PostgresBindings, on connection: PostgresConnection, logger: Logger,
                      table: String) throws -> [[String?]] {
        do {
            let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
            return try result.rows.map { row in try row.map { try $0.decode(String?.self) } }
        } catch {
            throw PostgresInputError(store: url.description, table: table, problem: Self.problem(error))
        }
    }

    private func run(_ sql: String, on connection: PostgresConnection, logger: Logger, table: String) throws {
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).wait()
        } catch {
            throw PostgresInputError(store: url.description, table: table, problem: Self.problem(error))
        }
    }

    /// The server's message (`relation "x" does not exist`), or the network's
    /// (`Connection refused`), without NIO's wrapping.
    static func problem(_ error: any Error) -> String {
        guard let error = error as? PSQLError else { return network(error) }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return network(underlying) }
        return "\(error.code)"
    }

    private static func network(_ error: any Error) -> String {
        if let failed = error as? NIOConnectionError {
            if let io = failed.connectionErrors.last?.error as? IOError { return String(cString: strerror(io.errnoCode)) }
            if let dns = failed.dnsAError ?? failed.dnsAAAAError { return "cannot resolve \(failed.host): \(dns)" }
        }
        if let io = error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return "\(error)"
    }
}
