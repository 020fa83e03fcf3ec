/// A request's query string as name → value, decoded. A name given twice
/// keeps its first value (`?k=5&k=7` is k = 5), as the original server's
/// framework did.
struct QueryParameters: Sendable, Equatable {
    private(set) var values: [String: String] = [:]

    /// Parses `a=1&b=two%20words`; `nil` when a name or value is not valid
    /// percent-encoded UTF-8.
    init?(_ query: Substring?) {
        guard let query else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = PercentDecoding.decode(parts[0], plusIsSpace: true),
                  let value = PercentDecoding.decode(parts.count > 1 ? parts[1] : "", plusIsSpace: true) else {
                return nil
            }
            if values[name] == nil { values[name] = value }
        }
    }

    subscript(name: String) -> String? { values[name] }
}
