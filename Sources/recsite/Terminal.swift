import Foundation

/// Writes messages for people to stderr, keeping stdout for results.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("recsite: \(message)\n".utf8))
    }

    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
