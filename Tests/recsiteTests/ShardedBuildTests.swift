import Foundation
import RecSite
import Testing

/// `recsite build --shard I/N` and `recsite merge` (issue 20, part 3): the
/// merged shards are the whole build byte for byte, and a merge of folders
/// that are not the shards of one build is refused with nothing written.
@Suite("sharded builds", .serialized)
struct ShardedBuildTests {
    /// A synthetic data set (with dirty rows unless `clean`), and its whole site.
    struct Work {
        let root: URL
        var data: String { root.appendingPathComponent("data").path }
        var whole: String { root.appendingPathComponent("whole").path }

        init(clean: Bool = false) throws {
            root = try RecsiteProcess.temporaryDirectory()
            let synth = try RecsiteProcess.run(["synth", "--users", "90", "--items", "40", "--events", "3000",
                                                "--seed", "7", "--out", data] + (clean ? [] : ["--dirty"]))
            #expect(synth.status == 0, "\(synth.stderr)")
            let built = try RecsiteProcess.run(["build", "--data", data, "--out", whole, "--quiet"])
            #expect(built.status == 0, "\(built.stderr)")
        }

        func path(_ name: String) -> String { root.appendingPathComponent(name).path }

        /// Builds shard `i`/`n` into `shard-<i>` and returns its folder.
        @discardableResult
        func shard(_ i: Int, of n: Int, extra: [String] = []) throws -> String {
            let out = path("shard-\(i)")
            let result = try RecsiteProcess.run(["build", "--data", data, "--out", out, "--shard", "\(i)/\(n)", "--quiet"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            return out
        }

        func merge(_ shards: [String], into out: String) throws -> RecsiteProcess.Result {
            try RecsiteProcess.run(["merge", "--out", out, "--quiet"] + shards)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    /// Every regular file under `folder`, with its bytes.
    static func files(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(path)
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    @Test(arguments: [1, 2, 3, 5])
    func mergedShardsAreTheWholeBuild(count: Int) throws {
        let work = try Work()
        defer { work.remove() }
        // In reverse order: the merge takes the folders in any order.
        let shards = try (1...count).reversed().map { try work.shard($0, of: count) }
        let whole = try Self.files(work.whole)
        var seen = Set<String>()
        for shard in shards {
            let files = try Self.files(shard)
            #expect(files[SiteShard.markerPath] != nil)
            for (path, _) in files where path != SiteShard.markerPath && path != SiteWriter.manifestPath {
                #expect(seen.insert(path).inserted, "\(path) is in two shards")
                #expect(whole[path] != nil, "\(path) is not in the whole build")
            }
        }
        let result = try work.merge(shards, into: work.path("merged"))
        #expect(result.status == 0, "\(result.stderr)")
        let merged = try Self.files(work.path("merged"))
        #expect(merged.keys.sorted() == whole.keys.sorted())
        #expect(merged == whole)
        // The files are linked from the shards, not written again.
        let inode = { (path: String) in try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int }
        #expect(try inode(work.path("merged") + "/index.md") == inode(work.path("shard-1") + "/index.md"))
    }

    /// User u and item i go to shard u mod N + 1 (in ID order: u1 is number
    /// 0, u2 number 1, …, u10 number 9); only shard 1 has the site-wide pages.
    @Test func shardsSplitUsersAndItemsByNumber() throws {
        let work = try Work(clean: true)
        defer { work.remove() }
        let first = try Self.files(try work.shard(1, of: 3)), third = try Self.files(try work.shard(3, of: 3))
        for n in 0..<90 {
            #expect((first["users/u\(n + 1).md"] != nil) == (n % 3 == 0), "u\(n + 1)")
            #expect((third["api/recommendations/u\(n + 1).json"] != nil) == (n % 3 == 2), "u\(n + 1)")
        }
        for n in 0..<40 {
            #expect((third["items/i\(n + 1).html"] != nil) == (n % 3 == 2), "i\(n + 1)")
        }
        for page in ["index.md", "popular.md", "methodology.md", "api/users.json", "api/build.json"] {
            #expect(first[page] != nil && third[page] == nil, "\(page)")
        }
    }

    @Test func foldersThatAreNotOneBuildsShardsAreRefused() throws {
        let work = try Work()
        defer { work.remove() }
        let one = try work.shard(1, of: 3), two = try work.shard(2, of: 3), three = try work.shard(3, of: 3)
        let otherK = work.path("other-k")
        #expect(try RecsiteProcess.run(["build", "--data", work.data, "--out", otherK, "--shard", "3/3", "-k", "5",
                                        "--quiet"]).status == 0)
        let out = work.path("merged")
        let cases: [([String], String)] = [
            ([one, two], "missing shard 3/3 of the 3"),
            ([one, two, two], "shard 2/3 is also in \(two)"),
            ([one, two, otherK], "shard 3/3 of another build than \(one)"),
            ([one, two, work.whole], "\(work.whole)/.recsite-shard: no shard marker"),
        ]
        for (shards, message) in cases {
            let result = try work.merge(shards, into: out)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        // A page missing from a shard (its manifest entry too) is a broken link at the merge.
        let page = try #require(try FileManager.default.contentsOfDirectory(atPath: three + "/users").sorted().first)
        try FileManager.default.removeItem(atPath: three + "/users/" + page)
        let manifest = three + "/" + SiteWriter.manifestPath
        let kept = try String(contentsOfFile: manifest, encoding: .utf8).split(separator: "\n")
            .filter { $0 != "users/" + page }.joined(separator: "\n") + "\n"
        try kept.write(toFile: manifest, atomically: true, encoding: .utf8)
        let broken = try work.merge([one, two, three], into: out)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("users/\(page)"), "\(broken.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: ["0/2", "3/2", "1/0", "a/2", "1/2/3", "1", "-1/2", "１/2"])
    func badShardsAreRefused(_ shard: String) throws {
        let result = try RecsiteProcess.run(["build", "--shard=" + shard, "--out", "/tmp/recsite-no-such-site"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--shard takes I/N with 1 ≤ I ≤ N"), "\(result.stderr)")
    }
}
