import Foundation
import Testing

/// Issue 17, class 6: one long cell must not be copied onto every page that
/// mentions it (three 200 KB titles made a 6.1 GB site from the sample).
/// Each test runs the real tool on the sample data (data/).
@Suite("long cells keep the site small", .serialized)
struct LongTextBudgetTests {
    /// The sample with the titles of i1, i3 and i7 made 200 KB long each.
    static func hugeTitles(in folder: URL) throws -> [String: String] {
        let sample = RecsiteProcess.repositoryRoot.appendingPathComponent("data")
        try FileManager.default.copyItem(at: sample, to: folder)
        let items = folder.appendingPathComponent("items.csv")
        var titles: [String: String] = [:]
        let lines = try String(contentsOf: items, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let rewritten = lines.map { line -> String in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard let id = fields.first, ["i1", "i3", "i7"].contains(id) else { return String(line) }
            // No trailing space: CSV fields are trimmed.
            let title = String(repeating: "Ünïcödé 🎬 \(id) ", count: 200_000 / 16) + "end"
            titles[String(id)] = title
            return ([String(id), title] + fields.dropFirst(2).map(String.init)).joined(separator: ",")
        }
        try rewritten.joined(separator: "\n").write(to: items, atomically: true, encoding: .utf8)
        return titles
    }

    static func bytes(under folder: URL) throws -> Int {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey])!
        var total = 0
        for case let url as URL in enumerator {
            total += try url.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0
        }
        return total
    }

    /// How often `needle` occurs in `haystack` (Data.range is linear enough here).
    static func occurrences(of needle: Data, in haystack: Data) -> Int {
        var count = 0, start = haystack.startIndex
        while let found = haystack.range(of: needle, in: start..<haystack.endIndex) {
            count += 1
            start = found.upperBound
        }
        return count
    }

    @Test("three 200 KB titles: the site stays within 2× the sample's, titles in full once in api/items.json")
    func hugeTitlesStayWithinBudget() throws {
        let work = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let titles = try Self.hugeTitles(in: work.appendingPathComponent("huge"))
        #expect(titles.count == 3 && titles.values.allSatisfy { $0.utf8.count > 200_000 })
        let normal = work.appendingPathComponent("site-normal"), huge = work.appendingPathComponent("site-huge")
        let first = try RecsiteProcess.run(["build", "--data", "data", "--out", normal.path, "--quiet"])
        #expect(first.status == 0, "\(first.stderr)")
        let second = try RecsiteProcess.run(["build", "--data", work.appendingPathComponent("huge").path,
                                             "--out", huge.path, "--quiet"])
        #expect(second.status == 0, "\(second.stderr)")
        let normalBytes = try Self.bytes(under: normal), hugeBytes = try Self.bytes(under: huge)
        #expect(normalBytes > 10_000_000)
        // 3 × 200 KB in api/items.json (once each), api/build.json and the
        // pages' capped copies: about 1.07× measured; 2× is the budget.
        #expect(hugeBytes < 2 * normalBytes, "\(hugeBytes) bytes against \(normalBytes)")
        let items = try Data(contentsOf: huge.appendingPathComponent("api/items.json"))
        let title = try #require(titles["i3"])
        #expect(Self.occurrences(of: Data(("\"" + title + "\"").utf8), in: items) == 1, "the full title once")
        // A page shows the first 199 characters and an ellipsis.
        let page = try String(contentsOf: huge.appendingPathComponent("items/i3.md"), encoding: .utf8)
        #expect(page.contains(String(title.prefix(199)) + "…"))
        #expect(!page.contains(String(title.prefix(200))))
    }

    @Test("a 2 MB dropped row shows at most 300 characters in check and on the data-quality page")
    func hugeDroppedRow() throws {
        let work = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: work) }
        let data = work.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("user_id\nu1\n".utf8).write(to: data.appendingPathComponent("users.csv"))
        try Data("item_id,title\ni1,A\ni2,B\n".utf8).write(to: data.appendingPathComponent("items.csv"))
        let events = "user_id,item_id,event_type,watch_seconds,timestamp\nu1,i1,play,5,2025-01-01\n"
            + "u1,i1,play,1," + String(repeating: "9", count: 2_000_000) + "\n"
        try Data(events.utf8).write(to: data.appendingPathComponent("events.csv"))
        let check = try RecsiteProcess.run(["check", "--data", data.path])
        let shown = "u1,i1,play,1," + String(repeating: "9", count: 286) + "…"
        #expect(check.stdout.contains(shown), "\(check.stdout.prefix(2000))")
        #expect(check.stdout.utf8.count < 20_000)
        let site = work.appendingPathComponent("site")
        let build = try RecsiteProcess.run(["build", "--data", data.path, "--out", site.path, "--quiet"])
        #expect(build.status == 0, "\(build.stderr)")
        let quality = try String(contentsOf: site.appendingPathComponent("data-quality.md"), encoding: .utf8)
        #expect(quality.contains(shown))
        #expect(quality.utf8.count < 50_000)
    }
}
