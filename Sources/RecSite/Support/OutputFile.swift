import Foundation

/// Writes one output file, creating its folder.
public enum OutputFile {
    /// - Throws: `RecSiteError.writeFailed` naming the path.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw RecSiteError.writeFailed(path: path, reason: (error as NSError).localizedFailureReason ?? "\(error.localizedDescription)")
        }
    }

    /// `directory/name`, tolerating a trailing slash.
    public static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
