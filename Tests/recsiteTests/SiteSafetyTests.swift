import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a build may touch on disk: only files it made and can prove it made
/// (issue 17, classes 1–5). Each test runs the real tool.
@Suite("a build touches only what it made", .serialized)
struct SiteSafetyTests {
    typealias Work = BuildFailureTests.Work

    // MARK: 1. The lock file

    /// A link planted at the lock's path is never followed: the linked file
    /// keeps its bytes, the build is refused with exit 3 and a clear line, and
    /// nothing is written. The same for a file at that path that is not a
    /// recsite lock (other content, or a second name of another file).
    @Test func lockNeverFollowsLinksNorEmptiesForeignFiles() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let before = try work.snapshot()
        let victim = work.root.appendingPathComponent("precious.txt")
        let lockPath = work.root.appendingPathComponent(".site.lock").path
        let precious = Data("do not touch\n".utf8)
        try precious.write(to: victim)
        let plants: [(String, () throws -> Void)] = [
            ("it is a symbolic link", { try FileManager.default.createSymbolicLink(atPath: lockPath, withDestinationPath: victim.path) }),
            ("it has other names (hard links)", { try FileManager.default.linkItem(atPath: victim.path, toPath: lockPath) }),
            ("it holds something other than a process ID", { try Data("notes\n".utf8).write(to: URL(fileURLWithPath: lockPath)) }),
        ]
        for (reason, plant) in plants {
            try plant()
            let result = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet"])
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: \(lockPath): refusing to replace: \(reason)"), "\(result.stderr)")
            #expect(try Data(contentsOf: victim) == precious)
            #expect(try work.snapshot() == before)
            if reason.contains("process ID") { #expect(try Data(contentsOf: URL(fileURLWithPath: lockPath)) == Data("notes\n".utf8)) }
            try FileManager.default.removeItem(atPath: lockPath)
        }
        // A lock a killed build left (its process ID) is replaced, and removed at the end.
        try Data("999999\n".utf8).write(to: URL(fileURLWithPath: lockPath))
        let built = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: lockPath))
        #expect(try work.snapshot() != before)
    }

    // MARK: 2. Inputs inside the output

    /// Data, templates or settings inside the folder being replaced are
    /// refused before anything is read or removed (exit 3, one clear line).
    @Test func inputsInsideTheOutputAreRefused() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let manager = FileManager.default
        let inside = work.site.appendingPathComponent("inputs")
        try manager.copyItem(atPath: work.a, toPath: inside.appendingPathComponent("data").path)
        try manager.copyItem(at: RecsiteProcess.repositoryRoot.appendingPathComponent("templates"),
                             to: inside.appendingPathComponent("templates"))
        try Data("k: 5\n".utf8).write(to: inside.appendingPathComponent("recsite.yml"))
        let before = try work.snapshot()
        let cases: [(String, [String])] = [
            ("the data folder", ["--data", inside.appendingPathComponent("data").path]),
            ("the templates folder", ["--data", work.a, "--templates", inside.appendingPathComponent("templates").path]),
            ("the settings file", ["--data", work.a, "--config", inside.appendingPathComponent("recsite.yml").path]),
            ("the data folder", ["--data", work.site.path + "/../site/inputs/data"]),
        ]
        for (what, flags) in cases {
            let result = try RecsiteProcess.run(["build", "--out", work.site.path, "--quiet"] + flags)
            #expect(result.status == 3, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("Error: \(work.site.path): refusing to replace: \(what) "), "\(result.stderr)")
            #expect(result.stderr.contains("lies inside it"), "\(result.stderr)")
            #expect(try work.snapshot() == before)
            #expect(try work.leftovers().isEmpty)
        }
    }

    // MARK: 3. Paths through symbolic links

    /// An output reached through a linked folder builds and rebuilds; an
    /// output that is itself a link to a folder is followed (the link stays,
    /// the folder it names is replaced); a dangling link is refused clearly.
    @Test func outputThroughLinkedFolders() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let manager = FileManager.default
        let real = work.root.appendingPathComponent("real")
        try manager.createDirectory(at: real, withIntermediateDirectories: true)
        let linked = work.root.appendingPathComponent("linked")
        try manager.createSymbolicLink(at: linked, withDestinationURL: real)
        for data in [work.a, work.b] {  // a new site, then a rebuild
            let result = try RecsiteProcess.run(["build", "--data", data, "--out", linked.path + "/x/site", "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        #expect(manager.fileExists(atPath: real.appendingPathComponent("x/site/index.html").path))

        let siteLink = work.root.appendingPathComponent("site-link")
        try manager.createSymbolicLink(at: siteLink, withDestinationURL: work.site)
        let before = try work.snapshot()
        let followed = try RecsiteProcess.run(["build", "--data", work.b, "--out", siteLink.path, "--quiet"])
        #expect(followed.status == 0, "\(followed.stderr)")
        #expect(try manager.destinationOfSymbolicLink(atPath: siteLink.path) == work.site.path)
        #expect(try work.snapshot() != before, "the folder the link names was rebuilt")
        #expect(try manager.contentsOfDirectory(atPath: work.root.path).allSatisfy { !$0.hasPrefix(".site.") })

        let dangling = work.root.appendingPathComponent("dangling")
        try manager.createSymbolicLink(atPath: dangling.path, withDestinationPath: work.root.appendingPathComponent("nowhere").path)
        let refused = try RecsiteProcess.run(["build", "--data", work.a, "--out", dangling.path, "--quiet"])
        #expect(refused.status == 3)
        #expect(refused.stderr == "Error: \(dangling.path): refusing to replace: it is a symbolic link to a missing "
                + "folder or to something not a folder\n", "\(refused.stderr)")
    }

    // MARK: 4. Files recsite did not write

    /// `.git`, `CNAME` and `.nojekyll` survive every rebuild; any other file
    /// the manifest does not list is named and the build refused (exit 3,
    /// nothing changed) unless `--force` is given.
    @Test func foreignFilesAreKeptOrRefused() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let manager = FileManager.default
        func put(_ path: String, _ text: String) throws {
            let url = work.site.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try put(".git/HEAD", "ref: refs/heads/gh-pages\n")
        try put("CNAME", "recs.example.org\n")
        try put("notes.txt", "mine\n")
        try put("users/extra/x.md", "mine too\n")
        let before = try work.snapshot()
        let refused = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet"])
        #expect(refused.status == 3)
        #expect(refused.stderr == "Error: \(work.site.path): refusing to replace: it holds 2 files recsite did not "
                + "write (not in its .recsite-manifest): notes.txt, users/extra/x.md; move them out, or build with "
                + "--force to remove them (.git, CNAME, .nojekyll are always kept)\n", "\(refused.stderr)")
        #expect(try work.snapshot() == before)
        #expect(try work.leftovers().isEmpty)

        let forced = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let after = try work.snapshot()
        #expect(after["notes.txt"] == nil && after["users/extra/x.md"] == nil)
        #expect(after[".git/HEAD"] == Data("ref: refs/heads/gh-pages\n".utf8))
        #expect(after["CNAME"] == Data("recs.example.org\n".utf8))
        #expect(after[".nojekyll"] != nil)
        let again = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path, "--quiet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try work.snapshot()[".git/HEAD"] == after[".git/HEAD"])
        #expect(try work.snapshot()["CNAME"] == after["CNAME"])
        // --check ignores the kept names too.
        let check = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path, "--check", "--quiet"])
        #expect(!check.stdout.contains("CNAME") && !check.stdout.contains(".git"), "\(check.stdout)")
    }

    /// Folders beside the site named like recsite's staging or old folders,
    /// but not provably recsite's, are left as they are.
    @Test func lookAlikeFoldersBesideTheSiteAreKept() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let names = [".site.staging-backup", ".site.staging-ABC123", ".site.old-XYZ789", ".site.old-"]
        for name in names {
            let folder = work.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("mine\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        }
        // A marker alone, but not the start of recsite's bytes for this folder.
        let marked = work.root.appendingPathComponent(".site.staging-JKL012")
        try FileManager.default.createDirectory(at: marked, withIntermediateDirectories: false)
        try Data("recsite staging folder .site.staging-ABC123\n".utf8).write(to: marked.appendingPathComponent(".recsite-staging"))
        let result = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        for name in names {
            #expect(try Data(contentsOf: work.root.appendingPathComponent(name + "/notes.txt")) == Data("mine\n".utf8))
        }
        #expect(FileManager.default.fileExists(atPath: marked.appendingPathComponent(".recsite-staging").path))
    }

    /// The staging folder of a build killed with SIGKILL (and its lock) is
    /// removed by the next build, as its marker proves it recsite's, or the
    /// start of its marker alone when the kill came while writing it.
    @Test func aKilledBuildsStagingFolderIsRemoved() throws {
        let work = try Work(users: 600)
        defer { work.remove() }
        let process = Process()
        process.executableURL = RecsiteProcess.executable
        process.arguments = ["build", "--data", work.b, "--out", work.site.path, "--quiet"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        try work.waitForStaging(process)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(try work.leftovers().contains { $0.hasPrefix(".site.staging-") })
        let result = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try work.leftovers().isEmpty)
    }

    // MARK: 5. Regular files only, within a size limit

    /// A FIFO, a device or a folder where an input belongs is refused at once
    /// (exit 1, one line), never read or waited on; an input over
    /// RECSITE_MAX_INPUT_SIZE is refused naming the limit; an asset link
    /// leading out of the templates folder stops the build before any write.
    @Test func onlyRegularInputsWithinTheLimit() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let manager = FileManager.default
        func dataWith(_ name: String, _ file: String, _ make: (String) throws -> Void) throws -> String {
            let folder = work.root.appendingPathComponent(name).path
            try manager.copyItem(atPath: work.a, toPath: folder)
            try manager.removeItem(atPath: folder + "/" + file)
            try make(folder + "/" + file)
            return folder
        }
        let cases = [
            (try dataWith("fifo", "events.csv") { #expect(mkfifo($0, 0o644) == 0) }, "events.csv", "a FIFO"),
            (try dataWith("zero", "users.csv") { try manager.createSymbolicLink(atPath: $0, withDestinationPath: "/dev/zero") },
             "users.csv", "a device"),
            (try dataWith("folder", "items.csv") { try manager.createDirectory(atPath: $0, withIntermediateDirectories: false) },
             "items.csv", "a folder"),
        ]
        for (data, file, kind) in cases {
            let result = try RecsiteProcess.runShell("exec timeout 60 \"$0\" check --data \"$1\"",
                                                     RecsiteProcess.executable.path, data)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr == "Error: \(data)/\(file): cannot read the file: not a regular file (it is \(kind)); "
                    + "recsite reads regular files only\n", "\(result.stderr)")
        }
        let limited = try RecsiteProcess.runShell("RECSITE_MAX_INPUT_SIZE=1K exec \"$0\" check --data \"$1\"",
                                                  RecsiteProcess.executable.path, work.a)
        #expect(limited.status == 1)
        #expect(limited.stderr.contains("over the limit of 1024 bytes for an input (set RECSITE_MAX_INPUT_SIZE"),
                "\(limited.stderr)")
        #expect(try RecsiteProcess.runShell("RECSITE_MAX_INPUT_SIZE=1G exec \"$0\" check --data \"$1\"",
                                            RecsiteProcess.executable.path, work.a).status == 0)

        let templates = work.root.appendingPathComponent("templates")
        try manager.copyItem(at: RecsiteProcess.repositoryRoot.appendingPathComponent("templates"), to: templates)
        let secret = work.root.appendingPathComponent("secret.txt")
        try Data("private\n".utf8).write(to: secret)
        try manager.createSymbolicLink(atPath: templates.path + "/assets/leak.txt", withDestinationPath: secret.path)
        let before = try work.snapshot()
        let leaked = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet",
                                             "--templates", templates.path])
        #expect(leaked.status == 1, "\(leaked.stderr)")
        #expect(leaked.stderr.hasPrefix("Error: \(templates.path)/assets/leak.txt: a symbolic link to a file outside "
                + "the templates folder"), "\(leaked.stderr)")
        #expect(try work.snapshot() == before)
        // A link to a file inside the templates folder is copied as a file.
        try manager.removeItem(atPath: templates.path + "/assets/leak.txt")
        try manager.createSymbolicLink(atPath: templates.path + "/assets/inside.css", withDestinationPath: "site.css")
        let inside = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet",
                                             "--templates", templates.path])
        #expect(inside.status == 0, "\(inside.stderr)")
        #expect(try work.snapshot()["assets/inside.css"] == work.snapshot()["assets/site.css"])
    }
}
