import Foundation
import Testing

/// Bad IDs, missing files and bad flags: one-line errors and documented exit codes.
@Suite("errors and exit codes")
struct ErrorTests {
    @Test func unknownUserSuggestsClosestIDs() throws {
        let result = try RecsiteProcess.run(["user", "u1000"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix("Error: unknown user 'u1000'; closest: u100") == true)
    }

    @Test func unknownItem() throws {
        let result = try RecsiteProcess.run(["explain", "u1", "Nonexistent Show"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("unknown item 'Nonexistent Show'"))
    }

    @Test func missingFileNamesThePath() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try RecsiteProcess.run(["check", "--data", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: \(folder.path)/users.csv: file not found (recsite needs users.csv, items.csv and events.csv in the data folder)\n")
    }

    @Test func missingColumnNamesFileAndColumn() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "user_id\nu1\n".write(to: folder.appendingPathComponent("users.csv"), atomically: true, encoding: .utf8)
        try "item_id\ni1\n".write(to: folder.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try "user_id,item_id,event_type,timestamp\n".write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let result = try RecsiteProcess.run(["check", "--data", folder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("events.csv:1: missing required column 'watch_seconds'"))
    }

    @Test func badFlagsAreUsageErrors() throws {
        #expect(try RecsiteProcess.run(["recommend", "u1", "-k", "0"]).status == 64)
        #expect(try RecsiteProcess.run(["user"]).status == 64)
        // An unknown content type is a fact of the data, like an unknown
        // user: exit 1 and one line listing the known types, no usage text
        // (it was 64 with the usage; issue 17, class 14).
        let type = try RecsiteProcess.run(["popular", "--type", "podcast"])
        #expect(type.status == 1)
        #expect(type.stderr.hasPrefix("Error: --type: no item has content type 'podcast' (known: "), "\(type.stderr)")
        #expect(!type.stderr.contains("Usage"))
    }

    @Test func invalidWeightOverride() throws {
        let result = try RecsiteProcess.run(["check", "--weight", "play=-1"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--weight: invalid weight for event type 'play'"))
    }

    @Test func strictCheckFailsOnDirtyData() throws {
        let result = try RecsiteProcess.run(["check", "--strict"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("Cleansing report"))
        #expect(result.stderr.contains("--strict:"))
    }

    @Test func strictCheckPassesOnCleanData() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RecsiteProcess.run(["synth", "--users", "20", "--items", "10", "--events", "200", "--seed", "3",
                                        "--out", folder.path]).status == 0)
        let result = try RecsiteProcess.run(["check", "--strict", "--data", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("No rows dropped."))
    }
}
