import Foundation
import Testing

/// Custom templates that cannot work stop the build cleanly, and one that
/// writes data raw is warned about (issue 17, class 8). Each test runs the
/// real tool with `--templates DIR`.
@Suite("templates that fail or write data raw", .serialized)
struct TemplateFailureTests {
    typealias Work = BuildFailureTests.Work

    /// A copy of the repository's templates in `work`, with `change` applied.
    func templates(in work: Work, _ change: (URL) throws -> Void) throws -> URL {
        let folder = work.root.appendingPathComponent("t-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: RecsiteProcess.repositoryRoot.appendingPathComponent("templates"), to: folder)
        try change(folder)
        return folder
    }

    func put(_ text: String, _ name: String, in folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// A partial that includes itself (directly or in a cycle), or one that
    /// is missing, exits 1 with one line naming file:line:column (and the
    /// cycle), before anything is written: the old site is unchanged, and no
    /// staging folder or lock is left.
    @Test func selfIncludingOrMissingPartialsFailCleanly() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let before = try work.snapshot()
        let cases: [(String, (URL) throws -> Void, String)] = [
            ("loop.mustache:2:1: partial 'loop' includes itself (loop → loop)", { folder in
                try put("x\n{{> loop}}\n", "loop.mustache", in: folder)
                try put("{{> loop}}\n", "user.md.mustache", in: folder)
            }, "directly"),
            ("b.mustache:1:1: partial 'a' includes itself (a → b → a)", { folder in
                try put("{{> b}}\n", "a.mustache", in: folder)
                try put("{{> a}}\n", "b.mustache", in: folder)
            }, "in a cycle"),
            ("user.md.mustache:1:1: partial 'nothere' is not in the template folder (no nothere.mustache)", { folder in
                try put("{{> nothere}}\n", "user.md.mustache", in: folder)
            }, "missing"),
        ]
        for (message, change, label) in cases {
            let folder = try templates(in: work, change)
            let result = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path, "--templates", folder.path])
            #expect(result.status == 1, "\(label): \(result.stderr)")
            #expect(result.stderr.contains("Error: \(folder.path)/\(message)"), "\(label): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("Error") }.count == 1, "\(result.stderr)")
            #expect(try work.snapshot() == before)
            #expect(try work.leftovers().filter { !$0.hasPrefix("t-") }.isEmpty, "\(label)")
        }
    }

    /// A custom layout writing a data value with triple mustache builds,
    /// with a warning on stderr (even with --quiet) naming where; the
    /// shipped layout (only `{{{content}}}`) gives none.
    @Test func tripleMustacheOnDataInTheLayoutWarns() throws {
        let work = try Work(users: 20)
        defer { work.remove() }
        let folder = try templates(in: work) { folder in
            let url = folder.appendingPathComponent("layout.html.mustache")
            let text = try String(contentsOf: url, encoding: .utf8)
            try Data(text.replacingOccurrences(of: "<title>{{title}}", with: "<title>{{{title}}}").utf8).write(to: url)
        }
        let result = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path,
                                             "--templates", folder.path, "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Warning: \(folder.path)/layout.html.mustache:7:8: 'title' carries data"),
                "\(result.stderr)")
        #expect(result.stderr.contains("write {{title}}"))
        let plain = try RecsiteProcess.run(["build", "--data", work.a, "--out", work.site.path, "--quiet"])
        #expect(plain.status == 0 && !plain.stderr.contains("Warning"), "\(plain.stderr)")
    }
}
