/// Which table, or which query, gives one of the three input tables.
public struct PostgresTableSpec: Sendable, Equatable {
    public enum Role: String, Sendable { case users, items, events }

    public enum Source: Sendable, Equatable {
        /// A table or view, by name as SQL reads it (`events`, `analytics.events`);
        /// its rows are read ordered by every column, left to right.
        case table(String)
        /// A whole `SELECT`; its rows are read in the order it gives them.
        case query(String)
    }

    public let role: Role
    public let source: Source

    /// How messages name it: `table events` or `events query`.
    public var label: String {
        switch source {
        case .table(let table): return "table " + table
        case .query: return name
        }
    }

    /// How reports and examples name the table (`events`, or `events query`):
    /// no host, database or password, so generated files stay the same wherever the database runs.
    public var name: String {
        switch source {
        case .table(let table): return table
        case .query: return role.rawValue + " query"
        }
    }
}
