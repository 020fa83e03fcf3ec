import Foundation
import Testing

/// Everything a user can get wrong ends in a short message on stderr and a
/// documented exit code, never a Swift runtime trap or a backtrace.
@Suite("clear errors")
struct ClearErrorTests {
    static let spec = "Tests/Fixtures/spec-edge"

    /// (arguments, expected exit code, text the message must hold). Files
    /// the cases need are written by `prepare`.
    static let cases: [([String], Int32, String)] = [
        (["check", "--data", "/nonexistent/data"], 1, "/nonexistent/data/users.csv: file not found"),
        (["check", "--data", spec, "--config", "/nonexistent.yml"], 1, "/nonexistent.yml: file not found"),
        (["check", "--data", spec, "--config", "/tmp/recsite-clear-errors/bad.yml"], 1,
         "bad.yml: line 2, column 8: not valid YAML"),
        (["check", "--data", spec, "--config", "/tmp/recsite-clear-errors/k.yml"], 1, "k.yml: line 1: k must be"),
        (["check", "--data", spec, "--weight", "play=1e400"], 1, "the weight of 'play' is not a finite decimal number"),
        (["check", "--data", spec, "--weight", "play"], 1, "expected TYPE=WEIGHT"),
        (["check", "--data", spec, "--weight", "play=-1"], 1, "invalid weight for event type 'play'"),
        (["user", "nobody", "--data", spec], 1, "unknown user 'nobody'"),
        (["explain", "u1", "no such item", "--data", spec], 1, "unknown item 'no such item'"),
        (["recommend", "u1", "-k", "0", "--data", spec], 64, "-k must be at least 1"),
        // Issue 17, class 14: a negative -k, an unknown --weight type, an unknown --type.
        (["recommend", "u1", "-k", "-1", "--data", spec], 64, "-k must be at least 1"),
        (["popular", "-k", "-1", "--data", spec], 64, "-k must be at least 1"),
        (["check", "--data", spec, "--weight", "lik=3"], 1,
         "--weight: unknown event type 'lik' (known: play, complete, like, save, pause, skip)"),
        (["popular", "--type", "movies", "--data", spec], 1, "--type: no item has content type 'movies' (known: "),
        (["build", "--data", spec, "--out", "/"], 3, "refusing to replace"),
        (["build", "--data", spec, "--out", "/tmp/recsite-clear-errors/a-file/site"], 3, "/tmp/recsite-clear-errors/a-file"),
        (["build", "--data", spec, "--out", "/tmp/recsite-clear-errors/out", "--templates", "/nonexistent"], 1, "templates"),
        (["no-such-command"], 64, "no-such-command"),
    ]

    static func prepare() throws {
        let folder = "/tmp/recsite-clear-errors"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "k: [1,2\nweights: {".write(toFile: folder + "/bad.yml", atomically: true, encoding: .utf8)
        try "k: 99999999999999999999999\n".write(toFile: folder + "/k.yml", atomically: true, encoding: .utf8)
        try "not a folder\n".write(toFile: folder + "/a-file", atomically: true, encoding: .utf8)
    }

    @Test(arguments: cases)
    func userErrorsAreShortAndDocumented(_ arguments: [String], _ status: Int32, _ message: String) throws {
        try Self.prepare()
        let result = try RecsiteProcess.run(arguments + (arguments.first == "build" ? ["--quiet"] : []))
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Backtrace"))
        if status != 64 {  // usage errors add ArgumentParser's usage lines
            let lines = result.stderr.split(separator: "\n")
            #expect(lines.count <= 2, "\(arguments): \(result.stderr)")
            #expect(lines.first?.hasPrefix("Error: ") == true)
        }
    }

    @Test func helpDocumentsExitCodes() throws {
        // Help text is wrapped to the terminal; compare with single spaces.
        func help(_ arguments: [String]) throws -> String {
            try RecsiteProcess.run(arguments).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let root = try help(["--help"])
        #expect(root.contains("Exit codes: 0 success; 1 an error the user can fix"))
        #expect(root.contains("64 a usage error"))
        #expect(try help(["build", "--help"]).contains("3 the site could not be written"))
    }
}
