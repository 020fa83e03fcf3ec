import Foundation

/// `--data postgresql://user:password@host:port/database?…`: where the
/// tables are and which table or query gives each of users, items and events.
///
/// Query parameters (docs/scale.md, "Reading from PostgreSQL"):
/// `users=`, `items=`, `events=` name a table (default: the role's own name,
/// optionally schema-qualified); `users_query=`, `items_query=`,
/// `events_query=` give a whole `SELECT` instead; `sslmode=disable|require`.
/// Values are percent-decoded, so a query may hold spaces as they are and
/// `&` as `%26`. Without a password in the URL, `PGPASSWORD` is used; the
/// password never appears in `description`.
public struct PostgresURL: Sendable, Equatable {
    public enum TLSMode: String, Sendable { case disable, require }

    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    public let tls: TLSMode
    public let users: PostgresTableSpec
    public let items: PostgresTableSpec
    public let events: PostgresTableSpec

    /// Whether `--data` names a database rather than a folder.
    public static func isDatabase(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// - Parameters:
    ///   - text: the URL as given.
    ///   - environment: `PGPASSWORD`, `PGUSER` (defaults for what the URL leaves out).
    /// - Throws: `PostgresInputError` naming the URL (without password) and the problem.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let schemeEnd = text.range(of: "://") else { throw PostgresInputError(store: text, problem: "not a postgresql:// URL") }
        let rest = text[schemeEnd.upperBound...]
        let (beforeQuery, query) = Self.split(rest, at: "?")
        let (authority, path) = Self.split(beforeQuery, at: "/")
        var credentials: Substring? = nil, hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            credentials = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
        }
        let (rawUser, rawPassword) = credentials.map { Self.split($0, at: ":") } ?? ("", nil)
        user = Self.decoded(rawUser).nonEmpty ?? environment["PGUSER"]?.nonEmpty ?? "postgres"
        password = rawPassword.map(Self.decoded) ?? environment["PGPASSWORD"]
        let (rawHost, rawPort) = Self.hostAndPort(hostPort)
        host = Self.decoded(rawHost).nonEmpty ?? "localhost"
        database = path.map(Self.decoded)?.nonEmpty ?? user
        let safe = Self.describe(user: user, host: host, port: rawPort ?? "5432", database: database)
        guard let port = Int(rawPort ?? "5432"), (1...65535).contains(port) else {
            throw PostgresInputError(store: safe, problem: "the port must be a number from 1 to 65535")
        }
        self.port = port
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") {
            let (key, value) = Self.split(pair, at: "=")
            let name = String(key)
            guard Self.parameterNames.contains(name) else {
                throw PostgresInputError(store: safe, problem: "unknown parameter '\(name)' (known: \(Self.parameterNames.joined(separator: ", ")))")
            }
            guard parameters[name] == nil else { throw PostgresInputError(store: safe, problem: "parameter '\(name)' given twice") }
            parameters[name] = value.map(Self.decoded) ?? ""
        }
        guard let tls = TLSMode(rawValue: parameters["sslmode"] ?? "disable") else {
            throw PostgresInputError(store: safe, problem: "sslmode must be disable or require")
        }
        self.tls = tls
        users = try Self.spec(.users, parameters, store: safe)
        items = try Self.spec(.items, parameters, store: safe)
        events = try Self.spec(.events, parameters, store: safe)
    }

    /// The URL without password or parameters: how messages name the database.
    public var description: String { Self.describe(user: user, host: host, port: String(port), database: database) }

    private static func describe(user: String, host: String, port: String, database: String) -> String {
        "postgresql://\(user)@\(host.contains(":") ? "[\(host)]" : host):\(port)/\(database)"
    }

    /// The three tables in load order.
    public var tables: [PostgresTableSpec] { [users, items, events] }

    static let parameterNames = ["users", "items", "events", "users_query", "items_query", "events_query", "sslmode"]

    private static func spec(_ role: PostgresTableSpec.Role, _ parameters: [String: String], store: String) throws -> PostgresTableSpec {
        let table = parameters[role.rawValue], query = parameters[role.rawValue + "_query"]
        switch (table, query) {
        case (.some, .some):
            throw PostgresInputError(store: store, problem: "give \(role.rawValue)= or \(role.rawValue)_query=, not both")
        case (_, .some(let sql)):
            guard !sql.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw PostgresInputError(store: store, problem: "\(role.rawValue)_query= is empty")
            }
            return PostgresTableSpec(role: role, source: .query(sql))
        case (.some(let name), _):
            guard !name.isEmpty else { throw PostgresInputError(store: store, problem: "\(role.rawValue)= names no table") }
            return PostgresTableSpec(role: role, source: .table(name))
        case (nil, nil):
            return PostgresTableSpec(role: role, source: .table(role.rawValue))
        }
    }

    private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[text.index(after: index)...])
    }

    /// `host`, `host:port`, `[v6]`, `[v6]:port`.
    private static func hostAndPort(_ text: Substring) -> (Substring, String?) {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let host = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            return (host, after.hasPrefix(":") ? String(after.dropFirst()) : nil)
        }
        let (host, port) = split(text, at: ":")
        return (host, port.map(String.init))
    }

    private static func decoded(_ text: Substring) -> String {
        String(text).removingPercentEncoding ?? String(text)
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
