import RecEngine

/// Resolves user and item arguments of the commands.
public enum Lookup {
    /// The index of user `id`.
    /// - Throws: `RecSiteError.unknownUser` with the closest IDs.
    public static func user(_ id: String, in model: RecommenderModel) throws -> Int {
        if let u = model.user(id) { return u }
        throw RecSiteError.unknownUser(id: id, suggestions: IDSuggestions.closest(to: id, among: model.dataset.users.map(\.id)))
    }

    /// Resolves an item given as an ID, an exact title (case-insensitive), or
    /// a unique title prefix (case-insensitive), in that order.
    /// - Throws: `RecSiteError.ambiguousItem` listing candidates, or `unknownItem`.
    public static func item(_ query: String, in model: RecommenderModel) throws -> Int {
        if let i = model.item(query) { return i }
        let items = model.dataset.items
        let needle = query.lowercased()
        let exact = items.indices.filter { items[$0].title.lowercased() == needle }
        if exact.count == 1 { return exact[0] }
        if exact.count > 1 { throw ambiguous(query, exact, items) }
        let prefixed = items.indices.filter { items[$0].title.lowercased().hasPrefix(needle) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.count > 1 { throw ambiguous(query, prefixed, items) }
        throw RecSiteError.unknownItem(query: query, suggestions: IDSuggestions.closestItems(to: query, among: items))
    }

    private static func ambiguous(_ query: String, _ matches: [Int], _ items: [Item]) -> RecSiteError {
        let shown = matches.prefix(10).map { "\(items[$0].id) \(items[$0].title)" }
        let more = matches.count > 10 ? ["… \(matches.count - 10) more"] : []
        return .ambiguousItem(query: query, candidates: shown + more)
    }
}
