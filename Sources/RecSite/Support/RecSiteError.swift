/// Errors of RecSite: each a one-line message naming what was wrong.
public enum RecSiteError: Error, CustomStringConvertible, Equatable {
    case invalidConfig(path: String, reason: String)
    case unknownUser(id: String, suggestions: [String])
    case unknownItem(query: String, suggestions: [String])
    case ambiguousItem(query: String, candidates: [String])
    case writeFailed(path: String, reason: String)
    case templateError(path: String, reason: String)
    /// libcmark-gfm failed or lacks an extension.
    case markdownFailed(reason: String)
    /// Internal links that point to no file of the site, as `page: link` lines.
    case brokenLinks([String])
    /// A file a system package provides is missing.
    case missingPackageFile(path: String, package: String)
    /// The site writer will not replace a folder it did not write.
    case refusingToReplace(path: String, reason: String)
    /// A build summary (`api/build.json`) that cannot be read.
    case invalidSummary(path: String, reason: String)
    /// A results folder (`recsite build --results`) that this build cannot use.
    case invalidResults(path: String, reason: String)
    /// A `git` command failed (`recsite diff --git`).
    case gitFailed(command: String, reason: String)
    /// A `BuildInterruption` stopped a build of `target` (`signal` is the
    /// number it was tripped with); nothing was changed.
    case interrupted(signal: Int32, whileWriting: Bool, target: String, previousSiteIntact: Bool)

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
        case .markdownFailed(let reason):
            return "Markdown conversion failed: \(reason)"
        case .brokenLinks(let links):
            let shown = links.prefix(20) + (links.count > 20 ? ["… and \(links.count - 20) more"] : [])
            return "\(links.count) broken internal link\(links.count == 1 ? "" : "s"):\n  " + shown.joined(separator: "\n  ")
        case .missingPackageFile(let path, let package):
            return "\(path) not found (install it with: apt-get install \(package))"
        case .refusingToReplace(let path, let reason):
            return "\(path): refusing to replace: \(reason)"
        case .invalidSummary(let path, let reason):
            return "\(path): not a recsite build summary: \(reason)"
        case .invalidResults(let path, let reason):
            return "\(path): \(reason)"
        case .gitFailed(let command, let reason):
            return "\(command) failed: \(reason)"
        case .interrupted(let signal, let whileWriting, let target, let previousSiteIntact):
            return "interrupted (\(signal)) \(whileWriting ? "while writing" : "before writing") \(target); "
                + "nothing was changed" + (previousSiteIntact ? " (the previous site is intact)" : "")
                + "; build again to finish"
        }
    }

    private static func hint(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; closest: " + suggestions.joined(separator: ", ")
    }
}
