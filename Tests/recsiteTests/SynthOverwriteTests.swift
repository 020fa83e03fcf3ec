import Foundation
import Testing

/// Issue 17, class 16: `recsite synth --out DIR` does not overwrite data files
/// already in DIR unless --force is given.
@Suite("synth keeps existing data files")
struct SynthOverwriteTests {
    static let arguments = ["synth", "--users", "10", "--items", "5", "--events", "100", "--seed", "4"]

    @Test func refusesExistingFilesWithoutForce() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let events = folder.appendingPathComponent("events.csv")
        let mine = Data("my,own,log\n".utf8)
        try mine.write(to: events)
        let refused = try RecsiteProcess.run(Self.arguments + ["--out", folder.path])
        #expect(refused.status == 1)
        #expect(refused.stderr == "recsite: \(events.path): refusing to overwrite: the file exists; "
            + "run again with --force to replace it, or choose another --out\n")
        #expect(try Data(contentsOf: events) == mine)
        // Nothing else was written either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["events.csv"])

        let forced = try RecsiteProcess.run(Self.arguments + ["--out", folder.path, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: events) != mine)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            == ["events.csv", "items.csv", "users.csv"])
    }

    @Test func writesIntoAnEmptyOrNewFolder() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RecsiteProcess.run(Self.arguments + ["--out", folder.path]).status == 0)
        let fresh = folder.appendingPathComponent("new/deeper")
        #expect(try RecsiteProcess.run(Self.arguments + ["--out", fresh.path]).status == 0)
        // A second run into the same folder is refused: all three files exist now.
        let again = try RecsiteProcess.run(Self.arguments + ["--out", fresh.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("users.csv, \(fresh.path)/items.csv, \(fresh.path)/events.csv: refusing to overwrite: the files exist"))
    }
}
