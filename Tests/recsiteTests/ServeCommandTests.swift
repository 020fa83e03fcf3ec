import Foundation
import Testing

/// `recsite serve` runs the `recsite-serve` beside it with the same
/// arguments; without one it says how to build it.
@Suite struct ServeCommandTests {
    @Test func serveRunsTheServerBinaryBesideRecsite() async throws {
        let process = Process()
        process.executableURL = RecsiteProcess.executable
        process.arguments = ["serve", "--data", "Tests/Fixtures/build-small", "--site", "no-such-site", "--port", "0"]
        process.currentDirectoryURL = RecsiteProcess.repositoryRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The server's own lines arrive through the same process: exec replaced recsite.
        var text = ""
        let handle = errors.fileHandleForReading
        while !text.contains("listening on http://127.0.0.1:") {
            let data = handle.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        #expect(text.contains("recsite-serve: loaded Tests/Fixtures/build-small/: 6 users, 6 items, 13 events"))
        #expect(text.contains("no site at no-such-site/"))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aDatabaseURLIsRefusedWithTheReason() throws {
        let result = try RecsiteProcess.run(["serve", "--data", "postgresql://u:secret@h/db", "--port", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("recsite serve reads a data folder, not a database"))
        #expect(!result.stderr.contains("secret"))
    }

    @Test func aMissingServerBinarySaysHowToBuildIt() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lonely = folder.appendingPathComponent("recsite")
        try FileManager.default.copyItem(at: RecsiteProcess.executable, to: lonely)
        let result = try RecsiteProcess.run(["serve", "--port", "0"], program: lonely)
        #expect(result.status == 1)
        #expect(result.stderr.contains(folder.appendingPathComponent("recsite-serve").path + ": not found"))
        #expect(result.stderr.contains("swift build --product recsite-serve"))
        #expect(result.stderr.contains("make serve-build"))
    }
}
