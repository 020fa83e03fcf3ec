import Foundation
import RecSite
import Testing

/// `recsite build --results DIR` (issue 20, part 2): a site rendered from a
/// results folder is the ordinary build byte for byte, orders ties by SPEC
/// rather than by the file, and refuses results from other data or
/// settings, from fast sums, or with a number one ulp off.
@Suite("builds from results", .serialized)
struct ResultsBuildTests {
    /// A data folder, its results written by recsite, and its ordinary site.
    struct Work {
        let root: URL
        let data: String
        var results: String { path("results") }
        var ordinary: String { path("ordinary") }

        /// - Parameters:
        ///   - data: a data folder, or nil for a dirty synthetic set made here.
        ///   - extra: flags for both builds (such as `--evaluate`).
        init(data: String? = nil, extra: [String] = []) throws {
            root = try RecsiteProcess.temporaryDirectory()
            self.data = data ?? root.appendingPathComponent("data").path
            if data == nil { try Self.synth(seed: 11, into: self.data) }
            let written = try RecsiteProcess.run(["recommend", "--all", "--data", self.data, "--results-out", results])
            #expect(written.status == 0, "\(written.stderr)")
            let built = try RecsiteProcess.run(["build", "--data", self.data, "--out", ordinary, "--quiet"] + extra)
            #expect(built.status == 0, "\(built.stderr)")
        }

        static func synth(seed: Int, into folder: String) throws {
            let synth = try RecsiteProcess.run(["synth", "--users", "80", "--items", "40", "--events", "2500",
                                                "--seed", String(seed), "--dirty", "--out", folder])
            #expect(synth.status == 0, "\(synth.stderr)")
        }

        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        func build(from results: String, into name: String, _ extra: [String] = []) throws -> RecsiteProcess.Result {
            try RecsiteProcess.run(["build", "--data", data, "--results", results, "--out", path(name), "--quiet"] + extra)
        }

        /// The results folder copied to `name`, with `edit` applied to one file's lines.
        func editedResults(_ name: String, file: String, _ edit: ([String]) -> [String]) throws -> String {
            let copy = path(name)
            try FileManager.default.copyItem(atPath: results, toPath: copy)
            try Self.editLines(of: copy + "/" + file, edit)
            return copy
        }

        static func editLines(of path: String, _ edit: ([String]) -> [String]) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            try (edit(lines).joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static func json(_ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    static func text(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test(arguments: [false, true])
    func aBuildFromResultsIsTheOrdinaryBuild(onDataFolder: Bool) throws {
        let data = onDataFolder ? RecsiteProcess.repositoryRoot.appendingPathComponent("data").path : nil
        // The evaluation trains its own engines on splits, as in an ordinary build.
        let extra = onDataFolder ? [] : ["--evaluate"]
        let work = try Work(data: data, extra: extra)
        defer { work.remove() }
        let built = try work.build(from: work.results, into: "from-results", extra)
        #expect(built.status == 0, "\(built.stderr)")
        let ordinary = try ShardedBuildTests.files(work.ordinary)
        #expect(ordinary.count > 100)
        #expect(try ShardedBuildTests.files(work.path("from-results")) == ordinary)
    }

    @Test func shardsRenderedFromResultsMergeIntoTheOrdinaryBuild() throws {
        let work = try Work()
        defer { work.remove() }
        let shards = try [1, 2].map { i in
            let result = try work.build(from: work.results, into: "shard-\(i)", ["--shard", "\(i)/2"])
            #expect(result.status == 0, "\(result.stderr)")
            return work.path("shard-\(i)")
        }
        let merged = try RecsiteProcess.run(["merge", "--out", work.path("merged"), "--quiet"] + shards)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try ShardedBuildTests.files(work.path("merged")) == ShardedBuildTests.files(work.ordinary))
    }

    /// Every line, list, contributor list and neighbour list reversed: the
    /// pages do not change, as order comes from SPEC's rules, not the file.
    @Test func fileOrderDoesNotOrderThePages() throws {
        let work = try Work()
        defer { work.remove() }
        let reversedLists = try work.editedResults("reversed", file: ResultsFolder.lists) { lines in
            try! lines.reversed().map { line in
                var object = try Self.json(line)
                let items = (object["items"] as! [[String: Any]]).reversed().map { item in
                    var item = item
                    if let contributors = item["contributors"] as? [Any] { item["contributors"] = Array(contributors.reversed()) }
                    return item
                }
                object["items"] = items
                return try Self.text(object)
            }
        }
        try Work.editLines(of: reversedLists + "/" + ResultsFolder.neighbours) { lines in
            try! lines.reversed().map { line in
                var object = try Self.json(line)
                object["neighbours"] = Array((object["neighbours"] as! [Any]).reversed())
                return try Self.text(object)
            }
        }
        let built = try work.build(from: reversedLists, into: "from-reversed")
        #expect(built.status == 0, "\(built.stderr)")
        #expect(try ShardedBuildTests.files(work.path("from-reversed")) == ShardedBuildTests.files(work.ordinary))
    }

    /// Two items with equal scores: u1 watched i1; u2 watched i1, i2 and i3
    /// for the same time, so sim(i1,i2) = sim(i1,i3) and u1's scores for i2
    /// and i3 tie. The results list i3 first; SPEC puts i2 first (ID order).
    @Test func tiedScoresFollowIDOrder() throws {
        let root = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data").path
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "user_id\nu1\nu2\n".write(toFile: data + "/users.csv", atomically: true, encoding: .utf8)
        try "item_id,title\ni1,One\ni2,Two\ni3,Three\n".write(toFile: data + "/items.csv", atomically: true, encoding: .utf8)
        try """
        user_id,item_id,event_type,watch_seconds,timestamp
        u1,i1,play,100,2024-01-01T00:00:00Z
        u2,i1,play,50,2024-01-01T00:00:00Z
        u2,i2,play,50,2024-01-01T00:00:00Z
        u2,i3,play,50,2024-01-01T00:00:00Z

        """.write(toFile: data + "/events.csv", atomically: true, encoding: .utf8)
        let work = try Work(data: data, extra: ["-k", "2"])
        defer { work.remove() }
        let results = work.path("results-k2")
        #expect(try RecsiteProcess.run(["recommend", "--all", "--data", data, "-k", "2", "--results-out", results]).status == 0)
        let swapped = work.path("swapped")
        try FileManager.default.copyItem(atPath: results, toPath: swapped)
        var listed: [[String: Any]] = []
        try Work.editLines(of: swapped + "/" + ResultsFolder.lists) { lines in
            var lines = lines
            var first = try! Self.json(lines[0])
            listed = first["items"] as! [[String: Any]]
            first["items"] = Array(listed.reversed())
            lines[0] = try! Self.text(first)
            return lines
        }
        #expect(listed.map { $0["item_id"] as! String } == ["i2", "i3"])
        #expect(listed[0]["score"] as! Double == listed[1]["score"] as! Double)
        let built = try work.build(from: swapped, into: "from-swapped", ["-k", "2"])
        #expect(built.status == 0, "\(built.stderr)")
        let document = try Self.json(try String(contentsOfFile: work.path("from-swapped") + "/api/recommendations/u1.json",
                                                encoding: .utf8))
        #expect((document["items"] as! [[String: Any]]).map { $0["item_id"] as! String } == ["i2", "i3"])
        #expect(try ShardedBuildTests.files(work.path("from-swapped")) == ShardedBuildTests.files(work.ordinary))
    }

    /// A score one ulp off is not rendered: recsite adds the contributors'
    /// sim × r itself, in history order, and finds the difference.
    @Test func aScoreOneUlpOffIsRefused() throws {
        let work = try Work()
        defer { work.remove() }
        var edited = (line: 0, item: "")
        let results = try work.editedResults("ulp", file: ResultsFolder.lists) { lines in
            var lines = lines
            let n = lines.firstIndex { $0.contains("\"cf\"") }!
            var object = try! Self.json(lines[n])
            var items = object["items"] as! [[String: Any]]
            items[0]["score"] = (items[0]["score"] as! Double).nextUp
            object["items"] = items
            lines[n] = try! Self.text(object)
            edited = (n + 1, items[0]["item_id"] as! String)
            return lines
        }
        let built = try work.build(from: results, into: "from-ulp")
        #expect(built.status == 1)
        #expect(built.stderr.contains("lists.jsonl:\(edited.line): user '"), "\(built.stderr)")
        #expect(built.stderr.contains("the score of '\(edited.item)' is "), "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.path("from-ulp")))
    }

    /// A similarity is taken as the folder states it (docs/rules.md), but
    /// where two lines state one pair, a one-ulp difference is refused.
    @Test func aSimilarityStatedTwiceMustAgreeToTheBit() throws {
        let work = try Work()
        defer { work.remove() }
        var contributed = Set<[String]>()
        for line in try String(contentsOfFile: work.results + "/" + ResultsFolder.lists, encoding: .utf8).split(separator: "\n") {
            for item in try Self.json(String(line))["items"] as! [[String: Any]] {
                for contributor in item["contributors"] as? [[Any]] ?? [] {
                    contributed.insert([item["item_id"] as! String, contributor[0] as! String].sorted())
                }
            }
        }
        var pair: [String] = []
        let results = try work.editedResults("ulp", file: ResultsFolder.neighbours) { lines in
            var lines = lines
            for n in lines.indices {
                var object = try! Self.json(lines[n])
                var neighbours = object["neighbours"] as! [[Any]]
                guard let p = neighbours.firstIndex(where: {
                    contributed.contains([object["item_id"] as! String, $0[0] as! String].sorted())
                }) else { continue }
                neighbours[p][1] = (neighbours[p][1] as! Double).nextUp
                object["neighbours"] = neighbours
                lines[n] = try! Self.text(object)
                pair = [object["item_id"] as! String, neighbours[p][0] as! String]
                break
            }
            return lines
        }
        #expect(pair.count == 2)
        let built = try work.build(from: results, into: "from-ulp")
        #expect(built.status == 1)
        #expect(built.stderr.contains("sim("), "\(built.stderr)")
        #expect(pair.allSatisfy { built.stderr.contains($0) }, "\(built.stderr)")
        #expect(built.stderr.contains("neighbours.jsonl:") && built.stderr.contains("lists.jsonl:"), "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: work.path("from-ulp")))
    }

    @Test func resultsOfOtherSettingsOrDataAreRefused() throws {
        let work = try Work()
        defer { work.remove() }
        // The same users and items, and one more event: one r(u,i) differs.
        let other = work.path("other-data"), otherResults = work.path("other-results")
        try FileManager.default.copyItem(atPath: work.data, toPath: other)
        let events = try FileHandle(forWritingTo: URL(fileURLWithPath: other + "/events.csv"))
        try events.seekToEnd()
        try events.write(contentsOf: Data("u1,i1,play,7,2025-03-01T00:00:00Z\n".utf8))
        try events.close()
        #expect(try RecsiteProcess.run(["recommend", "--all", "--data", other, "--results-out", otherResults]).status == 0)
        let manifest = { (edit: @escaping (String) -> String) in
            try work.editedResults("manifest-\(UUID().uuidString)", file: ResultsFolder.manifest) { $0.map(edit) }
        }
        let cases: [(results: String, flags: [String], message: String)] = [
            (work.results, ["-k", "5"], "results.json: computed with k = 10; this build has k = 5"),
            (work.results, ["--weight", "play=2"], "computed with the weights complete=3.0, like=2.5, pause=0.5, play=1.0"),
            (otherResults, [], "results.json: computed from other data: its key "),
            (try manifest { $0.replacingOccurrences(of: "\"canonical\"", with: "\"fast\"") }, [], "computed with --sums fast"),
            (try manifest { $0.replacingOccurrences(of: "\"version\":1", with: "\"version\":2") }, [], "results format version 2"),
            (try work.editedResults("missing-user", file: ResultsFolder.lists) { Array($0.dropLast()) }, [], "no line for user '"),
            (work.path("no-such-folder"), [], "no-such-folder/results.json: no results manifest"),
            (try work.editedResults("cut-line", file: ResultsFolder.lists) { lines in
                lines.enumerated().map { $0.offset == 2 ? String($0.element.prefix(30)) : $0.element }
            }, [], "lists.jsonl:3: not a line of a recsite results file"),
        ]
        for (results, flags, message) in cases {
            let built = try work.build(from: results, into: "refused", flags)
            #expect(built.status == 1, "\(message): \(built.stderr)")
            #expect(built.stderr.contains(message), "\(built.stderr)")
            #expect(!FileManager.default.fileExists(atPath: work.path("refused")))
        }
    }
}
