import Foundation
import Testing

/// `recsite import movielens` and `recsite evaluate`, run as a process.
@Suite("import and evaluate commands")
struct EvaluateCommandTests {
    static let flags = Array(repeating: "0", count: 18).joined(separator: "|")

    static func movieLensFolder(ratings: String = "1\t1\t4\t881250949\n2\t2\t5\t891717742\n") throws -> URL {
        let folder = try RecsiteProcess.temporaryDirectory()
        try Data(ratings.utf8).write(to: folder.appendingPathComponent("u.data"))
        try Data("1|A (1995)|x||u|1|\(flags)\n2|B, The (1996)|x||u|0|1|\(flags.dropLast(2))\n".utf8)
            .write(to: folder.appendingPathComponent("u.item"))
        try Data("1|24|M|technician|85711\n2|53|F|other|94043\n".utf8).write(to: folder.appendingPathComponent("u.user"))
        return folder
    }

    @Test func importWritesTheThreeFiles() throws {
        let source = try Self.movieLensFolder()
        defer { try? FileManager.default.removeItem(at: source) }
        let out = source.appendingPathComponent("out")
        let result = try RecsiteProcess.run(["import", "movielens", source.path, "--out", out.path])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("import movielens: 2 users, 2 items, 2 events → \(out.path) in "))
        let items = try String(contentsOf: out.appendingPathComponent("items.csv"), encoding: .utf8)
        #expect(items == "item_id,title,content_type,genre,genres\nm1,A (1995),movie,unknown,unknown\nm2,\"B, The (1996)\",movie,action,action\n")
        let check = try RecsiteProcess.run(["check", "--data", out.path, "--strict"])
        #expect(check.status == 0)
    }

    @Test func importStopsAtAMalformedLineAndWritesNothing() throws {
        let source = try Self.movieLensFolder(ratings: "1\t1\t4\t881250949\n2\t2\t9\t891717742\n")
        defer { try? FileManager.default.removeItem(at: source) }
        let out = source.appendingPathComponent("out")
        let result = try RecsiteProcess.run(["import", "movielens", source.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr == "Error: \(source.path)/u.data:2: rating '9' is not a whole number from 1 to 5\n")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func importNamesAMissingFile() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try RecsiteProcess.run(["import", "movielens", folder.path, "--out", folder.path + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("Error: \(folder.path)/u.data: cannot read the file: file not found"))
    }

    @Test func evaluatePrintsBothTables() throws {
        let result = try RecsiteProcess.run(["evaluate", "--data", "data", "-k", "5"])
        #expect(result.status == 0)
        let text = result.stdout
        #expect(text.hasPrefix("Offline evaluation: stratified random split per user (seed 42), 75 % of each user's items train, top 5"))
        for line in ["Accuracy", "Beyond accuracy", "  item-CF (SPEC) ", "  most popular ", "  random "] {
            #expect(text.contains(line), "missing \(line)")
        }
        #expect(!text.contains("SAR"), "the published figures are for top 10 only")
        #expect(result.stderr.hasPrefix("evaluate: 3 algorithms over "))
    }

    @Test func evaluateJSONIsTheResultFile() throws {
        let result = try RecsiteProcess.run(["evaluate", "--data", "data", "--json", "--variants", "--split", "temporal"])
        #expect(result.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "recsite-evaluation/1")
        let rows = try #require(root["results"] as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["engine", "engine:shrinkage=10", "engine:shrinkage=100",
                                                     "engine:neighbours=20", "engine:neighbours=100",
                                                     "engine:normalise=max", "engine:normalise=l2", "most-popular", "random"])
        #expect((root["protocol"] as? [String: Any])?["split"] as? String == "temporal")
    }

    @Test(arguments: [["--split", "weekly"], ["--ratio", "1"], ["--neighbours", "0"], ["--normalise", "z"], ["-k", "0"]])
    func evaluateRejectsBadFlags(flags: [String]) throws {
        let result = try RecsiteProcess.run(["evaluate", "--data", "data"] + flags)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
    }
}
