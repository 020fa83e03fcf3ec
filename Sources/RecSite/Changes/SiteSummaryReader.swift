import Foundation

/// Reads a site's build summary (`api/build.json`) from a folder, or from a
/// revision of a git repository without checking it out (`git show`).
public enum SiteSummaryReader {
    /// The summary inside the site folder `site`.
    /// - Throws: `RecSiteError.invalidSummary` when it is missing or unreadable.
    public static func folder(_ site: String) throws -> BuildSummary {
        let path = OutputFile.join(site, SitePaths.buildSummary)
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: site)
                ? "missing (a site built before recsite wrote build summaries? build it again)"
                : "the folder \(site) does not exist"
            throw RecSiteError.invalidSummary(path: path, reason: reason)
        }
        return try BuildSummary(json: data, source: path)
    }

    /// The summary of the site folder `site` (a path inside a git work tree)
    /// as it is at `revision`.
    /// - Throws: `RecSiteError.gitFailed` when git cannot show it.
    public static func git(revision: String, site: String) throws -> BuildSummary {
        let directory = FileManager.default.fileExists(atPath: site) ? site : "."
        let top = try run(["rev-parse", "--show-prefix"], in: directory).trimmingCharacters(in: .newlines)
        // The site's path from the repository's root: the prefix of the folder git ran in, plus the folder.
        let inRepository = FileManager.default.fileExists(atPath: site) ? top : top + site + "/"
        let object = "\(revision):\(inRepository)\(SitePaths.buildSummary)"
        let text = try run(["show", object], in: directory)
        return try BuildSummary(json: Data(text.utf8), source: object)
    }

    private static func run(_ arguments: [String], in directory: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let command = "git " + arguments.joined(separator: " ")
        do { try process.run() } catch {
            throw RecSiteError.gitFailed(command: command, reason: "cannot start git (\(error.localizedDescription))")
        }
        // Read before waiting: a summary is larger than a pipe's buffer.
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw RecSiteError.gitFailed(command: command, reason: reason.isEmpty ? "exit status \(process.terminationStatus)" : reason)
        }
        return String(decoding: data, as: UTF8.self)
    }
}
