/// Errors of RecSite: each a one-line message naming what was wrong.
public enum RecSiteError: Error, CustomStringConvertible, Equatable {
    case invalidConfig(path: String, reason: String)
    case unknownUser(id: String, suggestions: [String])
    case unknownItem(query: String, suggestions: [String])
    case ambiguousItem(query: String, candidates: [String])
    case writeFailed(path: String, reason: String)
    case templateError(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidConfig(let path, let reason):
            return "\(path): \(reason)"
        case .unknownUser(let id, let suggestions):
            return "unknown user '\(id)'" + Self.hint(suggestions)
        case .unknownItem(let query, let suggestions):
            return "unknown item '\(query)' (no item ID, title or title prefix matches)" + Self.hint(suggestions)
        case .ambiguousItem(let query, let candidates):
            return "item '\(query)' is ambiguous; it matches: " + candidates.joined(separator: "; ")
        case .writeFailed(let path, let reason):
            return "\(path): cannot write: \(reason)"
        case .templateError(let path, let reason):
            return "\(path): \(reason)"
        }
    }

    private static func hint(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")
    }
}
