import Foundation
import RecSite
import Testing

/// Atomic replacement, unchanged files kept as they are, diffs, and refusals.
@Suite("site writer")
struct SiteWriterTests {
    let fixture: BuildFixture
    var site: String { fixture.scratch + "/out/site" }

    init() throws { fixture = try BuildFixture() }

    func files(_ pairs: [(String, String)]) -> [SiteFile] { pairs.map { SiteFile(path: $0.0, text: $0.1) } }

    func read(_ path: String) throws -> String { try String(contentsOfFile: site + "/" + path, encoding: .utf8) }

    @Test func writesEveryFileAndAManifest() throws {
        defer { fixture.cleanUp() }
        let diff = try SiteWriter(target: site).write(files([
            ("index.html", "i"), ("users/u1.md", "u"), ("a/b/c.csv", "c"), ("assets/vendor/x.css", "v"),
        ]))
        #expect(diff.added == [".recsite-manifest", "a/b/c.csv", "assets/vendor/x.css", "index.html", "users/u1.md"])
        #expect(diff.changed.isEmpty && diff.removed.isEmpty && diff.unchanged == 0)
        #expect(try read("users/u1.md") == "u")
        #expect(try read(".recsite-manifest") == """
            # Files of this site, written by `recsite build`; it replaces only folders holding this file.
            a/b/c.csv
            assets/vendor/x.css
            index.html
            users/u1.md

            """)
        #expect(try BuildFixture.leftovers(in: fixture.scratch + "/out") == [])
        let mode = try FileManager.default.attributesOfItem(atPath: site)[.posixPermissions] as? Int
        #expect(mode == 0o755)
    }

    @Test func unchangedFilesKeepTheirInodeAndTime() throws {
        defer { fixture.cleanUp() }
        let writer = SiteWriter(target: site)
        _ = try writer.write(files([("same.txt", "same"), ("changes.txt", "old"), ("goes.txt", "bye")]))
        let before = try FileManager.default.attributesOfItem(atPath: site + "/same.txt")
        Thread.sleep(forTimeInterval: 0.05)
        let diff = try writer.write(files([("same.txt", "same"), ("changes.txt", "new"), ("comes.txt", "hi")]))
        #expect(diff.added == ["comes.txt"])
        #expect(diff.changed == [".recsite-manifest", "changes.txt"])
        #expect(diff.removed == ["goes.txt"])
        #expect(diff.unchanged == 1)
        #expect(diff.written == 3)
        let after = try FileManager.default.attributesOfItem(atPath: site + "/same.txt")
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(try read("changes.txt") == "new")
        #expect(!FileManager.default.fileExists(atPath: site + "/goes.txt"))
        #expect(try BuildFixture.leftovers(in: fixture.scratch + "/out") == [])
    }

    /// `diff` writes nothing; it covers the copied Bootstrap files unless
    /// told to leave a folder out.
    @Test func diffWritesNothingAndCoversVendor() throws {
        defer { fixture.cleanUp() }
        let writer = SiteWriter(target: site)
        let first = files([("a.txt", "a"), ("assets/vendor/bootstrap/x.css", "v1"), ("b.txt", "b")])
        _ = try writer.write(first)
        #expect(try writer.diff(first).isEmpty)
        #expect(try writer.diff(first).unchanged == 4)  // a, b, x.css and the manifest
        let second = files([("a.txt", "A"), ("assets/vendor/bootstrap/x.css", "v2"), ("c.txt", "c")])
        #expect(try writer.diff(second).lines == [
            "changed .recsite-manifest", "changed a.txt", "changed assets/vendor/bootstrap/x.css", "removed b.txt",
            "added   c.txt",
        ])
        #expect(try read("a.txt") == "a")
        try FileManager.default.removeItem(atPath: site + "/assets/vendor")
        #expect(try writer.diff(first).added == ["assets/vendor/bootstrap/x.css"])
        #expect(try writer.diff(first, ignoring: ["assets/vendor/"]).added.isEmpty)
    }

    @Test func diffOfAMissingSiteAddsEverything() throws {
        defer { fixture.cleanUp() }
        let diff = try SiteWriter(target: site).diff(files([("a.txt", "a")]))
        #expect(diff.added == [".recsite-manifest", "a.txt"])
        #expect(!FileManager.default.fileExists(atPath: site))
    }

    @Test func aFolderRecsiteDidNotWriteIsNotReplaced() throws {
        defer { fixture.cleanUp() }
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        try "precious".write(toFile: site + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(throws: RecSiteError.refusingToReplace(
            path: site, reason: "the folder holds files recsite did not write (it has no .recsite-manifest); "
                + "remove it or choose another output folder")) {
            try SiteWriter(target: site).write(files([("a.txt", "a")]))
        }
        #expect(try read("notes.txt") == "precious")
        #expect(try BuildFixture.leftovers(in: fixture.scratch + "/out") == [])
    }

    @Test func anEmptyFolderOrATrailingSlashIsFine() throws {
        defer { fixture.cleanUp() }
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        _ = try SiteWriter(target: site + "/").write(files([("a.txt", "a")]))
        #expect(try read("a.txt") == "a")
    }

    @Test(arguments: ["/abs.txt", "a/../b.txt", "./a.txt", "a//b.txt", "", "a/", ".recsite-manifest"])
    func invalidPathsAreRefusedBeforeWriting(path: String) throws {
        defer { fixture.cleanUp() }
        #expect(throws: RecSiteError.writeFailed(path: path, reason: "not a valid site-relative file path")) {
            try SiteWriter(target: site).write([SiteFile(path: path, text: "x")])
        }
        #expect(!FileManager.default.fileExists(atPath: fixture.scratch + "/out"))
    }

    @Test func duplicateAndClashingPathsAreRefused() throws {
        defer { fixture.cleanUp() }
        #expect(throws: RecSiteError.writeFailed(path: "a.txt", reason: "two files of the build have this path")) {
            try SiteWriter(target: site).write(files([("a.txt", "1"), ("a.txt", "2")]))
        }
        #expect(throws: RecSiteError.writeFailed(path: "a", reason: "the build makes this path both a file and a folder")) {
            try SiteWriter(target: site).write(files([("a", "1"), ("a/b.txt", "2")]))
        }
    }

    @Test func aFailureInsideStagingLeavesTheOldSiteAndNoStagingFolder() throws {
        defer { fixture.cleanUp() }
        let writer = SiteWriter(target: site)
        _ = try writer.write(files([("a.txt", "a"), ("b.txt", "b")]))
        let before = try BuildFixture.contents(of: site)
        // A name longer than the file system allows fails half-way through
        // staging. (Tests run as root, so permissions cannot make it fail.)
        let tooLong = String(repeating: "x", count: 300) + ".txt"
        let error = try #require(throws: RecSiteError.self) {
            try writer.write(files([("a.txt", "changed"), ("c.txt", "c"), (tooLong, "y")]))
        }
        #expect(error.description.contains("File name too long"))
        #expect(try BuildFixture.contents(of: site) == before)
        #expect(try BuildFixture.leftovers(in: fixture.scratch + "/out") == [])
    }

    @Test func aParentThatIsAFileFailsCleanly() throws {
        defer { fixture.cleanUp() }
        let parentAsFile = fixture.scratch + "/file"
        try "x".write(toFile: parentAsFile, atomically: true, encoding: .utf8)
        #expect(throws: RecSiteError.writeFailed(path: parentAsFile, reason: "File exists")) {
            try SiteWriter(target: parentAsFile + "/site").write(files([("a.txt", "b")]))
        }
        #expect(try String(contentsOfFile: parentAsFile, encoding: .utf8) == "x")
    }

    @Test func namelessTargetsAreRefused() throws {
        defer { fixture.cleanUp() }
        for target in [".", "..", "/", "a/.."] {
            #expect(throws: RecSiteError.refusingToReplace(path: target, reason: "the output must be a named folder, such as site")) {
                try SiteWriter(target: target).write(files([("a.txt", "a")]))
            }
        }
    }
}
