import Foundation
import Testing

/// `recsite build --users`, `--sample` and `--formats` as a user types them.
@Suite struct BuildSelectionCommandTests {
    @Test func anUnknownIDInTheUsersFileIsAnErrorNamingFileAndLine() throws {
        let temp = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let list = temp.appendingPathComponent("users.txt").path
        try "u1\nnobody\n".write(toFile: list, atomically: true, encoding: .utf8)
        let out = temp.appendingPathComponent("site").path
        let result = try RecsiteProcess.run(["build", "--data", "data", "--out", out, "--users", list, "--quiet"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(list):2: unknown user ID 'nobody'"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func badSelectionFlagsAreUsageErrors() throws {
        for arguments in [["--formats", "md,pdf"], ["--formats", ""], ["--users", "x", "--sample", "3"], ["--sample", "-1"]] {
            let result = try RecsiteProcess.run(["build", "--check", "--quiet"] + arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }

    @Test func aSampledHTMLOnlySiteFromTheCommandLine() throws {
        let temp = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("site").path
        let result = try RecsiteProcess.run(["build", "--data", "data", "--out", out, "--formats", "html",
                                             "--sample", "3", "--seed", "9", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let users = try FileManager.default.contentsOfDirectory(atPath: out + "/users").filter { $0 != "index.html" }
        #expect(users.count == 3 && users.allSatisfy { $0.hasSuffix(".html") })
        // Of the API, only the build summary (always written).
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/api") == ["build.json"])
        #expect(!FileManager.default.fileExists(atPath: out + "/csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/index.md"))
    }
}

/// A sampled site's change report links only the users that have a page.
@Suite struct SampledChangesTests {
    @Test func changedUsersWithoutAPageAreNotLinked() throws {
        let temp = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let previous = temp.appendingPathComponent("previous").path, out = temp.appendingPathComponent("site").path
        let data = temp.appendingPathComponent("data")
        try FileManager.default.copyItem(at: RecsiteProcess.repositoryRoot.appendingPathComponent("data"), to: data)
        #expect(try RecsiteProcess.run(["build", "--data", data.path, "--out", previous, "--quiet"]).status == 0)
        // u1 gets one more event; a sample of 3 users (seed 9) leaves u1 without a page.
        let events = data.appendingPathComponent("events.csv")
        let handle = try FileHandle(forWritingTo: events)
        handle.seekToEndOfFile()
        handle.write(Data("u1,i17,play,600,2025-02-01T10:00:00Z\n".utf8))
        try handle.close()
        let result = try RecsiteProcess.run(["build", "--data", data.path, "--out", out, "--previous", previous,
                                             "--sample", "3", "--seed", "9", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let changes = try String(contentsOfFile: out + "/changes.md", encoding: .utf8)
        #expect(changes.contains("| u1 | 47 → 48 |"))
        #expect(!FileManager.default.fileExists(atPath: out + "/users/u1.md"))
    }
}
