import Foundation
import RecEngine
import RecSite
import Testing

@Suite("recsite explain")
struct ExplainCommandTests {
    static let model = try! ModelLoader.load(dataDirectory: RecsiteProcess.repositoryRoot.appendingPathComponent("data").path)

    @Test func blueLockByTitle() throws {
        let result = try RecsiteProcess.run(["explain", "u1", "Blue Lock"])
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.hasPrefix("Score of i63 Blue Lock (series, anime) for user u1 (Sari Hidayat)\n"))
        let breakdown = Self.model.breakdown(user: try #require(Self.model.user("u1")), item: try #require(Self.model.item("i63")))
        #expect(out.contains("= \(NumberFormat.score(breakdown.score)) over \(breakdown.contributions.count) contributing"))
        let rows = out.split(separator: "\n").map(TableRows.cells).filter { Int($0.first ?? "") != nil }
        #expect(rows.count == breakdown.contributions.count)
        // Shown contributions are sorted descending and add up to the total (within rounding).
        let contributions = rows.compactMap { Double($0[5]) }
        #expect(contributions == contributions.sorted(by: >))
        #expect(abs(contributions.reduce(0, +) - breakdown.score) < 0.0001 * Double(rows.count))
        #expect(rows[0][1] == "i64")
        #expect(out.contains("Total"))
    }

    @Test func sameItemByIDAndCaseInsensitiveTitle() throws {
        let byID = try RecsiteProcess.run(["explain", "u1", "i63"]).stdout
        #expect(try RecsiteProcess.run(["explain", "u1", "blue lock"]).stdout == byID)
    }

    @Test func ambiguousPrefixListsCandidates() throws {
        let result = try RecsiteProcess.run(["explain", "u1", "Blue"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("item 'Blue' is ambiguous; it matches: "))
        #expect(result.stderr.contains("i63 Blue Lock"))
        #expect(result.stderr.contains("i64 Blue Lock S1E11"))
    }

    @Test func itemAlreadyInHistory() throws {
        let result = try RecsiteProcess.run(["explain", "u1", "i64"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("i64 is already in u1's history (r = 8000.00), so it is never recommended to u1."))
    }

    @Test func csvExport() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RecsiteProcess.run(["explain", "u1", "Blue Lock", "--csv", folder.path]).status == 0)
        let text = try String(contentsOf: folder.appendingPathComponent("score_breakdown_u1_i63.csv"), encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        // Each row carries only its own facts: no repeated score or share.
        #expect(lines[0] == "recommended_item_id,contributor_item_id,contributor_title,interaction_score,similarity,contribution")
        let breakdown = Self.model.breakdown(user: Self.model.user("u1")!, item: Self.model.item("i63")!)
        #expect(lines.count == 1 + breakdown.contributions.count)
        // The contributions read back add up to the score (the same sum the engine makes).
        var total = 0.0
        for line in lines.dropFirst() {
            let cells = line.split(separator: ",")
            #expect(cells[0] == "i63")
            let (r, sim, c) = (Double(cells[cells.count - 3])!, Double(cells[cells.count - 2])!, Double(cells[cells.count - 1])!)
            #expect(c == sim * r)
            total += c
        }
        #expect(abs(total - breakdown.score) <= 1e-9 * breakdown.score)
    }

    @Test func zeroScoreIsSaidPlainly() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "user_id\nu1\nu2\n".write(to: folder.appendingPathComponent("users.csv"), atomically: true, encoding: .utf8)
        try "item_id,title\ni1,Watched\ni2,Never Watched\ni3,Other\n"
            .write(to: folder.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try "user_id,item_id,event_type,watch_seconds,timestamp\nu1,i1,play,10,2025-01-01\nu2,i3,play,5,2025-01-01\n"
            .write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        let result = try RecsiteProcess.run(["explain", "u1", "Never", "--data", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("score(u1, i2) = 0: no item in u1's history with r > 0 shares a viewer with i2"))
        #expect(result.stdout.contains("Rank 2 of 10 in u1's recommendations (popular)."))
    }
}
