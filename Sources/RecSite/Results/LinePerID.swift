import RecEngine

/// Which line of a results file holds each kept user's (or item's) entry:
/// one line each, no more, no fewer.
struct LinePerID {
    /// `user` or `item`, for messages.
    let kind: String
    let ids: IDIndex
    let path: String
    private(set) var lines: [Int?]

    init(kind: String, ids: IDIndex, count: Int, path: String) {
        self.kind = kind
        self.ids = ids
        self.path = path
        lines = [Int?](repeating: nil, count: count)
    }

    /// The index of `id`, now held by `line`.
    /// - Throws: `RecSiteError.invalidResults` for an ID the build did not keep, or one a line already holds.
    mutating func claim(_ id: String, line: Int) throws -> Int {
        func refuse(_ reason: String) -> RecSiteError { .invalidResults(path: "\(path):\(line)", reason: reason) }
        guard let index = ids[id].map(Int.init) else {
            throw refuse("unknown \(kind) '\(id)' (not a kept \(kind) of this build's data)")
        }
        if let first = lines[index] { throw refuse("a second line for \(kind) '\(id)' (the first is line \(first))") }
        lines[index] = line
        return index
    }

    /// Every index's line.
    /// - Parameter id: the ID of an index, for the message.
    /// - Throws: `RecSiteError.invalidResults` naming the first ID without a line, and how many lack one.
    func all(id: (Int) -> String) throws -> [Int] {
        if let missing = lines.firstIndex(where: { $0 == nil }) {
            let count = lines.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
            throw RecSiteError.invalidResults(
                path: path, reason: "no line for \(kind) '\(id(missing))' (\(count) kept \(kind)s have none)")
        }
        return lines.map { $0! }
    }
}
