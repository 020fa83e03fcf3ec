import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 17, class 12: exit codes and lines that match the help. Each test
/// runs the real tool.
@Suite("exit codes match the help", .serialized)
struct ExitCodeTests {
    typealias Work = BuildFailureTests.Work

    /// `ulimit -n 4` crashed with an illegal instruction (exit 132) and
    /// `-n 6` printed a raw system message; both now get one line and exit 3.
    @Test(arguments: [4, 6, 12])
    func tooFewOpenFiles(limit: Int) throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let before = try work.snapshot()
        let result = try RecsiteProcess.run(
            ["-c", "ulimit -n \(limit) && exec \"$0\" build --data \"$1\" --out \"$2\" --quiet",
             RecsiteProcess.executable.path, work.b, work.site.path],
            program: URL(fileURLWithPath: "/bin/sh"))
        #expect(result.status == 3)
        #expect(result.stderr == "Error: only \(limit) files may be open at once (ulimit -n \(limit)); recsite build needs "
            + "at least 32: raise the limit (ulimit -n 32) and build again; nothing was changed\n")
        #expect(try work.snapshot() == before)
    }

    /// The help lists every status a signal gives: 129 (SIGHUP) too.
    @Test func helpListsTheSignalStatuses() throws {
        let top = try RecsiteProcess.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(top.contains("129/130/143 a build stopped by SIGHUP/SIGINT/SIGTERM (nothing changed)"), "\(top)")
        let build = try RecsiteProcess.run(["build", "--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(build.contains("129/130/143 interrupted by SIGHUP/SIGINT/SIGTERM before the new site was in place"))
        #expect(build.contains("a signal after it lets the build finish and exit 0"))
    }

    #if os(Linux)
    /// Whether `pid` has a handler for `number` (`SigCgt` in /proc): the
    /// dispatch source's, from when on a signal gets recsite's line.
    static func catches(_ pid: Int32, _ number: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("SigCgt:") }),
              let mask = UInt64(line.dropFirst("SigCgt:".count).trimmingCharacters(in: .whitespaces), radix: 16)
        else { return false }
        return mask & (1 << UInt64(number - 1)) != 0
    }

    /// A signal as soon as the handlers exist, before the lock or while the
    /// build computes: one line, exit 128 + the signal, nothing changed
    /// (it used to end the process without a word).
    @Test(arguments: [(SIGINT, "SIGINT"), (SIGHUP, "SIGHUP")])
    func earlySignalSaysSo(_ number: Int32, _ name: String) throws {
        let work = try Work(users: 120)
        defer { work.remove() }
        let before = try work.snapshot()
        let (process, err) = try work.startBuild()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, !Self.catches(process.processIdentifier, number) { usleep(100) }
        let stderr = Work.stop(process, err, with: number)
        #expect(process.terminationStatus == 128 + number, "\(stderr)")
        #expect(work.isInterruptedLine(stderr, name), "\(stderr)")
        #expect(try work.snapshot() == before)
        #expect(try work.leftovers().isEmpty)
    }
    #endif
}
