import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Builds that fail lose nothing: the previous site stays intact and
/// complete, no staging folder is left, and the message says what happened.
@Suite("build failures lose nothing", .serialized)
struct BuildFailureTests {
    /// A work folder with two synthetic data sets (`a`, `b`) and a site built from `a`.
    struct Work {
        let root: URL
        var site: URL { root.appendingPathComponent("site") }
        var a: String { root.appendingPathComponent("a").path }
        var b: String { root.appendingPathComponent("b").path }

        init(users: Int = 120) throws {
            root = try RecsiteProcess.temporaryDirectory()
            for (name, seed) in [("a", "1"), ("b", "2")] {
                let result = try RecsiteProcess.run([
                    "synth", "--users", String(users), "--items", String(users / 2), "--events", String(users * 50),
                    "--seed", seed, "--out", root.appendingPathComponent(name).path])
                #expect(result.status == 0, "\(result.stderr)")
            }
            let built = try RecsiteProcess.run(["build", "--data", a, "--out", site.path, "--quiet"])
            #expect(built.status == 0, "\(built.stderr)")
        }

        /// Starts `recsite build --data b --out site --quiet` without waiting;
        /// stderr is the returned pipe.
        func startBuild() throws -> (Process, Pipe) {
            let process = Process()
            process.executableURL = RecsiteProcess.executable
            process.arguments = ["build", "--data", b, "--out", site.path, "--quiet"]
            process.currentDirectoryURL = RecsiteProcess.repositoryRoot
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return (process, err)
        }

        /// Waits (up to two minutes) until `process` has made its staging
        /// folder beside the site, or has ended.
        func waitForStaging(_ process: Process) throws {
            let deadline = Date().addingTimeInterval(120)
            while process.isRunning, Date() < deadline, try !hasStaging() { usleep(5_000) }
        }

        /// Whether a staging folder is beside the site.
        func hasStaging() throws -> Bool {
            try FileManager.default.contentsOfDirectory(atPath: root.path).contains { $0.contains(".staging-") }
        }

        /// Sends `signal` to a build from `startBuild()`, waits for it to
        /// end and returns all it wrote to stderr.
        static func stop(_ process: Process, _ err: Pipe, with signal: Int32) -> String {
            kill(process.processIdentifier, signal)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return stderr
        }

        /// The one line a build interrupted by `name` prints, before or
        /// while writing this site.
        func interruptedLine(_ name: String, whileWriting: Bool) -> String {
            "recsite: interrupted by \(name) \(whileWriting ? "while writing" : "before writing") \(site.path); "
                + "nothing was changed (the previous site is intact); build again to finish\n"
        }

        /// Whether `stderr` is the line of a build interrupted by `name`
        /// before its new site was in place. A signal sent "early" may land
        /// before writing or, on a fast machine, once writing has begun: the
        /// handler runs asynchronously, so both lines are right.
        func isInterruptedLine(_ stderr: String, _ name: String) -> Bool {
            stderr == interruptedLine(name, whileWriting: false) || stderr == interruptedLine(name, whileWriting: true)
        }

        /// Every file of the site with its bytes.
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(atPath: site.path)
            while let path = enumerator?.nextObject() as? String {
                let url = site.appendingPathComponent(path)
                if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                    files[path] = try Data(contentsOf: url)
                }
            }
            return files
        }

        /// Names beside the site other than the site, the data and its lock.
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: root.path)
                .filter { !["site", "a", "b"].contains($0) }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test func unwritableOrMissingOutputFolder() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let blocker = work.root.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let result = try RecsiteProcess.run(["build", "--data", work.a, "--out", blocker.path + "/site", "--quiet"])
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("Error: \(blocker.path): cannot write"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        // A missing output folder (and its parents) is made.
        let deep = work.root.appendingPathComponent("x/y/site")
        #expect(try RecsiteProcess.run(["build", "--data", work.a, "--out", deep.path, "--quiet"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: deep.appendingPathComponent("index.html").path))
    }

    @Test func fileSizeLimitLeavesTheOldSite() throws {
        let work = try Work()
        defer { work.remove() }
        let before = try work.snapshot()
        #expect(before.values.contains { $0.count > 10 * 1024 }, "the test needs a file over the limit")
        let result = try RecsiteProcess.runShell(
            "ulimit -f 10; exec \"$0\" build --data \"$1\" --out \"$2\" --quiet",
            RecsiteProcess.executable.path, work.b, work.site.path)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("cannot write: File too large; nothing was changed, the previous site is intact"),
                "\(result.stderr)")
        #expect(!result.stderr.contains(".staging-"), "the message names the site's file, not the staging copy")
        #expect(try work.snapshot() == before)
        #expect(try work.leftovers().isEmpty)
    }

    @Test(arguments: [(SIGTERM, "SIGTERM"), (SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")])
    func signalMidBuildLeavesTheOldSite(_ number: Int32, _ name: String) throws {
        let work = try Work(users: 600)
        defer { work.remove() }
        let before = try work.snapshot()
        let (process, err) = try work.startBuild()
        // Wait for the staging folder: the signal then lands in the middle of writing.
        try work.waitForStaging(process)
        let stderr = Work.stop(process, err, with: number)
        #expect(process.terminationStatus == 128 + number, "\(stderr)")
        #expect(stderr == work.interruptedLine(name, whileWriting: true))
        #expect(try work.snapshot() == before)
        #expect(try work.leftovers().isEmpty)
    }

    @Test func secondBuildWhileOneWritesIsRefused() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let before = try work.snapshot()
        // Hold the lock as a running build does.
        let lock = open(work.root.appendingPathComponent(".site.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(lock >= 0)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        let refused = try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("\(work.site.path): cannot write: another recsite build"), "\(refused.stderr)")
        #expect(refused.stderr.contains("wait for it to finish, then build again"))
        #expect(try work.snapshot() == before)
        close(lock)
        #expect(try RecsiteProcess.run(["build", "--data", work.b, "--out", work.site.path, "--quiet"]).status == 0)
        #expect(try work.snapshot() != before)
    }

    /// The lock is taken before any work: with the lock held, a build over
    /// data that does not even exist is refused for the lock (exit 3), not
    /// for the data (exit 1), so a second build never computes for nothing.
    /// A signal while the build still computes (the lock taken, no staging
    /// folder yet) also ends in one line that says nothing was changed.
    @Test func signalWhileComputingSaysSo() throws {
        let work = try Work(users: 600)
        defer { work.remove() }
        let before = try work.snapshot()
        let (process, err) = try work.startBuild()
        let lockPath = work.root.appendingPathComponent(".site.lock").path
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline, !FileManager.default.fileExists(atPath: lockPath) { usleep(1_000) }
        // The signal handlers are in place before the lock; the pause just lets the build start computing.
        usleep(300_000)
        let stderr = Work.stop(process, err, with: SIGTERM)
        #expect(process.terminationStatus == 128 + SIGTERM, "\(stderr)")
        #expect(work.isInterruptedLine(stderr, "SIGTERM"), "\(stderr)")
        #expect(try work.snapshot() == before)
        #expect(try work.leftovers().isEmpty)
    }

    @Test func secondBuildIsRefusedBeforeItComputes() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let lock = open(work.root.appendingPathComponent(".site.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(flock(lock, LOCK_EX | LOCK_NB) == 0)
        defer { close(lock) }
        let missing = work.root.appendingPathComponent("no-such-data").path
        let refused = try RecsiteProcess.run(["build", "--data", missing, "--out", work.site.path, "--quiet"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("another recsite build"), "\(refused.stderr)")
    }

    /// Progress written to a pipe whose reader has gone (`2>&1 | head -n 1`)
    /// never stops a build: it finishes, exits 0 and leaves no staging
    /// folder or lock (issue 17, class 10).
    @Test func closedProgressPipeNeverStopsABuild() throws {
        let work = try Work(users: 200)
        defer { work.remove() }
        let before = try work.snapshot()
        let result = try RecsiteProcess.runShell(
            "\"$0\" build --data \"$1\" --out \"$2\" 2>&1 | head -n 1 >/dev/null; exit ${PIPESTATUS[0]}",
            RecsiteProcess.executable.path, work.b, work.site.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try work.snapshot() != before)
        #expect(try work.leftovers().isEmpty)
    }

    @Test func leftoversOfAKilledBuildAreCleanedUp() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let manager = FileManager.default
        try manager.createDirectory(at: work.root.appendingPathComponent(".site.staging-ABC123/users"),
                                    withIntermediateDirectories: true)
        // A killed build's staging folder holds its marker (SiteSafetyTests kills a real one).
        try Data("recsite staging folder .site.staging-ABC123\n".utf8)
            .write(to: work.root.appendingPathComponent(".site.staging-ABC123/.recsite-staging"))
        // Builds killed while writing the marker: it alone, empty or cut short.
        for (name, marker) in [(".site.staging-DEF456", ""), (".site.staging-GHI789", "recsite stag")] {
            try manager.createDirectory(at: work.root.appendingPathComponent(name), withIntermediateDirectories: false)
            try Data(marker.utf8).write(to: work.root.appendingPathComponent(name + "/.recsite-staging"))
        }
        // A build killed between its two renames: the old site moved aside, none in place.
        try manager.moveItem(at: work.site, to: work.root.appendingPathComponent(".site.old-XYZ789"))
        let result = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try work.leftovers().isEmpty)
        #expect(manager.fileExists(atPath: work.site.appendingPathComponent("index.html").path))
    }
}

extension RecsiteProcess {
    /// Runs `bash -c script arguments…` (for `ulimit`).
    static func runShell(_ script: String, _ arguments: String...) throws -> Result {
        try run(["-c", script] + arguments, program: URL(fileURLWithPath: "/bin/bash"))
    }
}
