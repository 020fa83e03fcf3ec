/// Fatal errors of loading and configuration. Each names the file, and the
/// line where there is one, so a user can go straight to the problem.
public enum RecEngineError: Error, CustomStringConvertible, Equatable {
    case missingFile(path: String)
    case unreadableFile(path: String, reason: String)
    case emptyFile(path: String)
    /// A file that starts with a UTF-16 byte order mark.
    case utf16File(path: String)
    case missingColumn(path: String, column: String, found: [String])
    case invalidWeight(name: String, reason: String)
    /// A line of an imported file that cannot be read (1-based line).
    case malformedLine(path: String, line: Int, reason: String)
    /// An evaluation or variant setting out of its range.
    case invalidOption(name: String, reason: String)

    public var description: String {
        switch self {
        case .missingFile(let path):
            return "\(path): file not found (recsite needs users.csv, items.csv and events.csv in the data folder)"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read the file: \(reason)"
        case .emptyFile(let path):
            return "\(path):1: the file is empty; expected a header row"
        case .utf16File(let path):
            return "\(path):1: the file is UTF-16; save as UTF-8 (recsite reads UTF-8 only)"
        case .missingColumn(let path, let column, let found):
            let list = found.isEmpty ? "none" : found.joined(separator: ", ")
            return "\(path):1: missing required column '\(column)' (header has: \(list))"
        case .invalidWeight(let name, let reason):
            return "invalid weight for event type '\(name)': \(reason)"
        case .malformedLine(let path, let line, let reason):
            return "\(path):\(line): \(reason)"
        case .invalidOption(let name, let reason):
            return "invalid \(name): \(reason)"
        }
    }
}
