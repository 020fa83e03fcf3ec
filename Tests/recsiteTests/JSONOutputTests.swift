import Foundation
import Testing

/// `--json` prints exactly the SPEC §9 shapes.
@Suite("--json output")
struct JSONOutputTests {
    /// The keys of the first object that has `firstKey`, in text order.
    static func keys(after firstKey: String, in text: String, count: Int) -> [String] {
        guard let start = text.range(of: "\"\(firstKey)\":") else { return [] }
        let pattern = try! NSRegularExpression(pattern: "\"([a-z_]+)\":")
        let tail = String(text[start.lowerBound...])
        let matches = pattern.matches(in: tail, range: NSRange(tail.startIndex..., in: tail))
        return matches.prefix(count).map { String(tail[Range($0.range(at: 1), in: tail)!]) }
    }

    @Test func recommendationsDocument() throws {
        let result = try RecsiteProcess.run(["recommend", "u1", "-k", "5", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["user_id", "k", "items"])
        #expect(object["user_id"] as? String == "u1")
        #expect(object["k"] as? Int == 5)
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 5)
        #expect(items.map { $0["rank"] as? Int } == [1, 2, 3, 4, 5])
        let scores = items.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))
        let reason = try #require(items[0]["reason"] as? [String: Any])
        #expect(Set(reason.keys) == ["item_id", "title", "share"])
        let share = try #require(reason["share"] as? Double)
        #expect(share > 0 && share <= 1)
        #expect(Self.keys(after: "user_id", in: result.stdout, count: 3) == ["user_id", "k", "items"])
        #expect(Self.keys(after: "rank", in: result.stdout, count: 11) ==
                ["rank", "item_id", "title", "content_type", "genre", "score", "source", "reason", "item_id", "title", "share"])
    }

    @Test func popularFillHasNullScoreAndReason() throws {
        // u300-range users with no events get popular items only; find one from the data.
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "user_id,name\nn1,Nobody\nw1,Watcher\n".write(to: folder.appendingPathComponent("users.csv"), atomically: true, encoding: .utf8)
        try "item_id,title\ni1,One\ni2,Two\n".write(to: folder.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try "user_id,item_id,event_type,watch_seconds,timestamp\nw1,i2,play,10,2025-01-01\n"
            .write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let result = try RecsiteProcess.run(["recommend", "n1", "--data", folder.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["item_id"] as? String } == ["i2", "i1"])
        #expect(items.allSatisfy { $0["source"] as? String == "popular" && $0["score"] is NSNull && $0["reason"] is NSNull })
    }

    @Test func popularDocument() throws {
        let result = try RecsiteProcess.run(["popular", "-k", "3", "--type", "movie", "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items.allSatisfy { $0["content_type"] as? String == "movie" })
        #expect(Self.keys(after: "rank", in: result.stdout, count: 7) ==
                ["rank", "item_id", "title", "content_type", "genre", "popularity", "viewers"])
    }
}
