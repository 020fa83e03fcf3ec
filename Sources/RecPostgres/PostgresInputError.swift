/// A database input that cannot be read: one line naming the database (its
/// URL without password), the table or query, and the problem.
public struct PostgresInputError: Error, Equatable, CustomStringConvertible {
    /// The URL without password (`PostgresURL.description`).
    public let store: String
    /// `table events`, `events query`, or `nil` for the connection.
    public let table: String?
    public let problem: String

    public init(store: String, table: String? = nil, problem: String) {
        self.store = store
        self.table = table
        self.problem = problem
    }

    public var description: String {
        [store, table, problem].compactMap { $0 }.joined(separator: ": ")
    }
}
