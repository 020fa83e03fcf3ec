/// A kept row of `users.csv`.
public struct User: Sendable, Equatable {
    public let id: String
    /// The name, or "" when the file has none.
    public let name: String
    /// The age, or `nil` when it is empty or invalid (SPEC §2).
    public let age: Int?
    /// Lower-cased gender, or "".
    public let gender: String
    public let region: String

    public init(id: String, name: String = "", age: Int? = nil, gender: String = "", region: String = "") {
        self.id = id
        self.name = name
        self.age = age
        self.gender = gender
        self.region = region
    }
}
