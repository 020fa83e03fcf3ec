import RecEngine

/// How a new build differs from the site on disk. Paths are site-relative
/// and sorted by their bytes.
public struct SiteDiff: Sendable, Equatable {
    /// Files the build adds.
    public var added: [String] = []
    /// Files whose bytes change.
    public var changed: [String] = []
    /// Files on disk that the build no longer makes.
    public var removed: [String] = []
    /// Files whose bytes stay the same.
    public var unchanged: Int = 0

    public init(added: [String] = [], changed: [String] = [], removed: [String] = [], unchanged: Int = 0) {
        self.added = added
        self.changed = changed
        self.removed = removed
        self.unchanged = unchanged
    }

    /// Whether the site on disk already is the build's output.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// Files written: added plus changed.
    public var written: Int { added.count + changed.count }

    /// One line per differing file, `added   path` / `changed path` / `removed path`, in path order.
    public var lines: [String] {
        let entries = added.map { ("added  ", $0) } + changed.map { ("changed", $0) } + removed.map { ("removed", $0) }
        return entries.sorted { codePointLess($0.1, $1.1) }.map { "\($0.0) \($0.1)" }
    }
}
