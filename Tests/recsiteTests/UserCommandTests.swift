import Foundation
import Testing

/// `recsite user u1` on the committed sample reproduces the original tool's tables.
@Suite("recsite user")
struct UserCommandTests {
    /// (title, type, genre, score) of u1's top nine, from the table.
    static let u1TopNine: [(String, String, String, String)] = [
        ("Blue Lock S1E11", "series", "anime", "8000.00"),
        ("Vincenzo S2E3", "series", "thriller", "6000.00"),
        ("La La Land Part 4", "movie", "romance", "3338.00"),
        ("Koala Kumal Part 4", "movie", "romance", "2828.00"),
        ("Hotel Transylvania", "movie", "family", "1844.00"),
        ("The Incredibles", "movie", "family", "663.00"),
        ("Captain America: Civil War Part 4", "movie", "action", "650.00"),
        ("The Dark Knight Part 2", "movie", "action", "322.00"),
        ("The Bourne Ultimatum Part 3", "movie", "thriller", "279.00"),
    ]

    @Test func profileAndCompleteHistory() throws {
        let result = try RecsiteProcess.run(["user", "u1"])
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("Name: Sari Hidayat"))
        #expect(out.contains("Age: 55"))
        #expect(out.contains("Gender: f"))
        #expect(out.contains("Region: Bandung"))
        #expect(out.contains("Summary: 25 items (15 series, 7 movie, 3 anime)"))
        let history = TableRows.section(out, "Complete history")
        let rows = history.split(separator: "\n").map(TableRows.cells).filter { Int($0.first ?? "") != nil }
        #expect(rows.count == 25)
        for (index, expected) in Self.u1TopNine.enumerated() {
            let row = try #require(rows.count > index ? rows[index] : nil)
            #expect(row[0] == String(index + 1))
            #expect(Array(row[2...4]) == [expected.0, expected.1, expected.2])
            #expect(row[6] == expected.3)
        }
    }

    @Test func contentBreakdownAndRecommendations() throws {
        let out = try RecsiteProcess.run(["user", "u1"]).stdout
        let breakdown = TableRows.section(out, "Content breakdown")
        #expect(TableRows.rows(in: breakdown, withCell: "series").first?[1] == "15")
        #expect(TableRows.rows(in: breakdown, withCell: "movie").first?[1] == "7")
        #expect(TableRows.rows(in: breakdown, withCell: "anime").first?[1] == "3")
        let recommendations = TableRows.section(out, "Recommendations (k = 10)")
        let rows = recommendations.split(separator: "\n").map(TableRows.cells).filter { Int($0.first ?? "") != nil }
        #expect(rows.count == 10)
        #expect(rows.allSatisfy { $0.contains("cf") && $0.last!.hasPrefix("Because you watched ") })
        #expect(TableRows.section(out, "Top 10 favourites").split(separator: "\n").count == 12)
    }

    @Test func smallerKAndCSVExports() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try RecsiteProcess.run(["user", "u1", "-k", "3", "--csv", folder.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Recommendations (k = 3)"))
        let history = try String(contentsOf: folder.appendingPathComponent("user_u1_complete_history.csv"), encoding: .utf8)
        let lines = history.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 26)
        #expect(lines[0] == "rank,item_id,title,content_type,genre,events,interaction_score,last_watched")
        #expect(lines[1].hasPrefix("1,i64,Blue Lock S1E11,series,anime,2,8000.0,"))
        #expect(lines[7].hasPrefix("7,i131,Captain America: Civil War Part 4,movie,action,2,650.0,"))
        let recommendations = try String(contentsOf: folder.appendingPathComponent("user_u1_recommendations.csv"), encoding: .utf8)
        #expect(recommendations.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
    }
}
