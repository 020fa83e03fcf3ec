import Foundation
import Testing

@Suite("recsite movies")
struct MoviesCommandTests {
    @Test func moviesOnlyViewOfU1() throws {
        let result = try RecsiteProcess.run(["movies", "u1"])
        #expect(result.status == 0)
        let out = result.stdout
        #expect(out.contains("Showing 7 of 25 history items"))
        #expect(out.contains("18 non-movie items hidden (15 series, 3 anime)"))
        let genres = TableRows.section(out, "Genre preferences over movies")
        let expected = [("romance", "6166.00"), ("family", "2507.00"), ("action", "972.00"), ("thriller", "279.00")]
        let rows = genres.split(separator: "\n").map(TableRows.cells).filter { $0.count == 4 && $0[0] != "Genre" && !$0[0].hasPrefix("-") }
        #expect(rows.map { $0[0] } == expected.map(\.0))
        #expect(rows.map { $0[2] } == expected.map(\.1))
        let popular = TableRows.section(out, "Top 10 popular movies (all users)")
        let movieRows = popular.split(separator: "\n").map(TableRows.cells).filter { Int($0.first ?? "") != nil }
        #expect(movieRows.count == 10)
        #expect(movieRows.allSatisfy { $0[3] == "movie" })
        #expect(out.contains("Content-type statistics (all users)"))
    }

    @Test func csvExports() throws {
        let folder = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try RecsiteProcess.run(["movies", "u1", "--csv", folder.path]).status == 0)
        let report = try String(contentsOf: folder.appendingPathComponent("user_u1_movie_report.csv"), encoding: .utf8)
        #expect(report.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 8)
        let popular = try String(contentsOf: folder.appendingPathComponent("popular_movies_report.csv"), encoding: .utf8)
        #expect(popular.hasPrefix("movie_rank,global_rank,item_id,title,genre,popularity,viewers\r\n1,"))
    }
}
