import Foundation
import Testing

/// Runs `recsite check --json` on every case of `Tests/Fixtures/bad/` and
/// compares the cleansing counts (or the fatal error) with its expected.json.
///
/// A case folder holds only the files it breaks; the others come from
/// `_base/`. `remove` lists files to delete, `generate` names a case whose
/// large file is written here rather than committed.
@Suite("bad-input corpus")
struct BadInputCorpusTests {
    static let corpus = RecsiteProcess.repositoryRoot.appendingPathComponent("Tests/Fixtures/bad")

    static let cases: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix("_") && !$0.hasPrefix(".") }.sorted()
    }()

    @Test func corpusIsThere() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func badInput(_ name: String) throws {
        let caseFolder = Self.corpus.appendingPathComponent(name)
        let expected = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: caseFolder.appendingPathComponent("expected.json"))) as? [String: Any])
        let data = try Self.assemble(caseFolder, expected)
        defer { try? FileManager.default.removeItem(at: data.deletingLastPathComponent()) }

        let result = try RecsiteProcess.run(["check", "--json", "--data", data.path])
        // Nothing a user can put in a file may crash recsite.
        #expect(!result.stderr.contains("Fatal error"), "\(name): \(result.stderr)")
        #expect(!result.stderr.contains("Backtrace"), "\(name): \(result.stderr)")
        let exit = try #require(expected["exit"] as? Int)
        #expect(result.status == Int32(exit), "\(name): exit \(result.status), stderr \(result.stderr)")

        if let stderr = expected["stderr"] as? String {
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == stderr.replacingOccurrences(of: "$DATA", with: data.path))
            #expect(result.stderr.split(separator: "\n").count <= 2, "a fatal error is one or two lines")
            return
        }
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(document["files"] as? [[String: Any]])
        let wanted = try #require(expected["files"] as? [[String: Any]])
        #expect(files.count == wanted.count)
        for (got, want) in zip(files, wanted) {
            let file = want["file"] as? String ?? "?"
            #expect(got["file"] as? String == file)
            for key in ["rows", "kept", "dropped"] {
                #expect(got[key] as? Int == want[key] as? Int, "\(name) \(file) \(key)")
            }
            for key in ["reasons", "repairs"] {
                #expect(got[key] as? [String: Int] != nil, "\(name) \(file) \(key) is an object of counts")
                #expect(got[key] as? [String: Int] == want[key] as? [String: Int], "\(name) \(file) \(key)")
            }
            if let examples = want["examples"] as? [[String: Any]] {
                let gotLines = (got["examples"] as? [[String: Any]] ?? []).map { "\($0["reason"] ?? ""):\($0["line"] ?? "")" }
                let wantLines = examples.map { "\($0["reason"] ?? ""):\($0["line"] ?? "")" }
                #expect(gotLines == wantLines, "\(name) \(file) example lines")
            }
        }
    }

    /// Copies `_base/`, lays the case's files over it, removes and generates
    /// what expected.json asks for; returns the data folder.
    static func assemble(_ caseFolder: URL, _ expected: [String: Any]) throws -> URL {
        let manager = FileManager.default
        let data = try RecsiteProcess.temporaryDirectory().appendingPathComponent("data")
        try manager.createDirectory(at: data, withIntermediateDirectories: true)
        for file in ["users.csv", "items.csv", "events.csv"] {
            let own = caseFolder.appendingPathComponent(file)
            let source = manager.fileExists(atPath: own.path) ? own : corpus.appendingPathComponent("_base/\(file)")
            try manager.copyItem(at: source, to: data.appendingPathComponent(file))
        }
        for file in expected["remove"] as? [String] ?? [] {
            try manager.removeItem(at: data.appendingPathComponent(file))
        }
        if let generator = expected["generate"] as? String {
            try generate(generator, into: data)
        }
        return data
    }

    static func append(_ text: [UInt8], to file: URL) throws {
        let handle = try FileHandle(forWritingTo: file)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text))
    }

    static func generate(_ name: String, into data: URL) throws {
        switch name {
        case "huge-field":
            // 10 MB in one title (kept) and 10 MB of digits as watch_seconds
            // (a finite-looking number that overflows: invalid).
            let tenMB = 10 * 1024 * 1024
            try append(Array("i3,".utf8) + [UInt8](repeating: 0x61, count: tenMB) + Array(",movie,drama\n".utf8),
                       to: data.appendingPathComponent("items.csv"))
            try append(Array("u1,i1,play,".utf8) + [UInt8](repeating: 0x39, count: tenMB) + Array(",2025-01-03\n".utf8),
                       to: data.appendingPathComponent("events.csv"))
        case "many-columns":
            // 100,000 columns; the last row is one field short.
            let columns = 100_000
            var text = "user_id," + (1..<columns).map { "c\($0)" }.joined(separator: ",") + "\n"
            let filler = String(repeating: ",x", count: columns - 2)
            text += "u1,Ann" + filler + "\n" + "u2,Bob" + filler + "\n" + "u3,Cy" + filler.dropLast(2) + "\n"
            try Data(text.utf8).write(to: data.appendingPathComponent("users.csv"))
        default:
            Issue.record("unknown generator \(name)")
        }
    }
}
