import Foundation
@testable import RecSite
import Testing

/// A tripped `BuildInterruption` stops a write without losing anything, and
/// the library never ends the process: it throws.
@Suite("build interruption")
struct BuildInterruptionTests {
    let fixture: BuildFixture
    var site: String { fixture.scratch + "/out/site" }

    init() throws { fixture = try BuildFixture() }

    func files(_ prefix: String, _ count: Int) -> [SiteFile] {
        (0..<count).map { SiteFile(path: "pages/\($0).md", text: "\(prefix) \($0)") }
    }

    /// Names beside the site other than the site.
    func leftovers() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: fixture.scratch + "/out").filter { $0 != "site" }
    }

    @Test func tripMidWriteRemovesStagingAndKeepsTheOldSite() throws {
        defer { fixture.cleanUp() }
        let writer = SiteWriter(target: site, workers: 2)
        _ = try writer.write(files("old", 50))
        let before = try BuildFixture.files(under: site)
        let oldText = try String(contentsOfFile: site + "/pages/7.md", encoding: .utf8)

        let interruption = BuildInterruption()
        let guarder = try writer.lock(interruption: interruption)
        let staged = try writer.stage(holding: guarder)
        try staged.put(Array(files("new", 100)[..<40]))
        #expect(FileManager.default.fileExists(atPath: staged.staging))
        #expect(interruption.interrupt(signal: 15) == .stopsSoon)
        #expect(interruption.interrupt(signal: 2) == .repeated)
        var thrown: (any Error)?
        do {
            try staged.put(Array(files("new", 100)[40...]))
            _ = try staged.commit()
        } catch {
            thrown = staged.abandon(after: error)
        }
        guarder.finish()

        let error = try #require(thrown as? RecSiteError)
        #expect(error == .interrupted(signal: 15, whileWriting: true, target: site, previousSiteIntact: true))
        #expect(!FileManager.default.fileExists(atPath: staged.staging))
        #expect(try leftovers().isEmpty, "no staging folder and no lock file remain")
        #expect(try BuildFixture.files(under: site) == before)
        #expect(try String(contentsOfFile: site + "/pages/7.md", encoding: .utf8) == oldText)
    }

    /// While the build computes, a trip releases the lock at once (so a
    /// program may end right away) and the build throws before writing.
    @Test func tripWhileComputingReleasesTheLockAndWritesNothing() throws {
        defer { fixture.cleanUp() }
        let writer = SiteWriter(target: site, workers: 2)
        let interruption = BuildInterruption()
        let guarder = try writer.lock(interruption: interruption)
        #expect(try leftovers() == [".site.lock"])
        let expected = RecSiteError.interrupted(signal: 2, whileWriting: false, target: site, previousSiteIntact: false)
        #expect(interruption.interrupt(signal: 2) == .stopNow(expected))
        #expect(try leftovers().isEmpty)
        #expect(throws: expected) { try writer.stage(holding: guarder) }
        guarder.finish()
        #expect(try leftovers().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: site))
        // The lock is free for the next build.
        #expect(try writer.write(files("next", 3)).written == 4)
    }

    @Test func trippedBeforeTheBuildStartsNothingIsMade() throws {
        defer { fixture.cleanUp() }
        let interruption = BuildInterruption()
        #expect(interruption.interrupt(signal: 1) == .notRunning)
        #expect(throws: RecSiteError.interrupted(signal: 1, whileWriting: false, target: site, previousSiteIntact: false)) {
            try SiteWriter(target: site).write(files("x", 3), interruption: interruption)
        }
        #expect(try leftovers().isEmpty)
    }

    @Test func tripAfterTheSwapChangesNothing() throws {
        defer { fixture.cleanUp() }
        let writer = SiteWriter(target: site, workers: 2)
        let interruption = BuildInterruption()
        let guarder = try writer.lock(interruption: interruption)
        let staged = try writer.stage(holding: guarder)
        try staged.put(files("new", 5))
        _ = try staged.commit()
        #expect(interruption.interrupt(signal: 15) == .completes)
        guarder.finish()
        #expect(try leftovers().isEmpty)
        #expect(try BuildFixture.files(under: site).count == 6)
    }

    /// A whole `SiteBuilder.build`, tripped when it reports a phase: as it
    /// starts writing (before the staging folder) or once it renders the
    /// pages (with the staging folder made), it throws and the old site stays.
    @Test(arguments: [("writing", false), ("rendering", true)])
    func builderThrowsAndKeepsTheOldSite(_ phase: String, _ whileWriting: Bool) throws {
        defer { fixture.cleanUp() }
        _ = try fixture.builder(out: "out/site").build()
        let before = try BuildFixture.files(under: site)
        let interruption = BuildInterruption()
        let template = fixture.builder(out: "out/site")
        let builder = SiteBuilder(options: template.options, console: TrippingConsole(phase: phase, interruption: interruption),
                                  makeContent: template.makeContent)
        #expect(throws: RecSiteError.interrupted(signal: 15, whileWriting: whileWriting, target: site,
                                                 previousSiteIntact: true)) {
            _ = try builder.build(interruption: interruption)
        }
        #expect(try leftovers().isEmpty)
        #expect(try BuildFixture.files(under: site) == before)
    }
}

/// Trips `interruption` when a phase starting with `phase` begins.
private struct TrippingConsole: BuildConsole {
    let phase: String
    let interruption: BuildInterruption

    func phase(_ message: String) {
        if message.hasPrefix(phase) { _ = interruption.interrupt(signal: 15) }
    }
    func startProgress(_ label: String, total: Int) {}
    func advanceProgress() {}
    func endProgress() {}
    func note(_ message: String) {}
}
