import Foundation
import Testing
@testable import RecEngine

@Suite("MovieLens import")
struct MovieLensImportTests {
    static func flags(_ on: [Int]) -> String { (0..<19).map { on.contains($0) ? "1" : "0" }.joined(separator: "|") }
    /// Two movies: one with a Latin-1 "é" (byte E9) and a comma, one flagged
    /// "unknown" and Drama (so its genre is drama).
    static let movies: [UInt8] = Array("1|Toy Story (1995)|01-Jan-1995||http://x|\(flags([3, 4, 5]))\n".utf8)
        + Array("2|Vie, La (".utf8) + [0xE9] + Array(")|01-Jan-1991||http://y|\(flags([0, 8]))\n".utf8)
    static let users = Array("1|24|M|technician|85711\r\n2|53|F|other|94043\r\n".utf8)
    static let ratings = Array("1\t2\t5\t874965758\n\n2\t1\t3\t876893171\n1\t1\t4\t0\n".utf8)

    static func convert(ratings: [UInt8] = ratings, movies: [UInt8] = movies, users: [UInt8] = users,
                        genres: [UInt8]? = nil) throws -> MovieLensFiles {
        try MovieLensImport.convert(ratings: ("ml/u.data", ratings), movies: ("ml/u.item", movies),
                                    users: ("ml/u.user", users), genres: genres.map { ("ml/u.genre", $0) })
    }

    @Test("the three files, byte for byte")
    func smallFiles() throws {
        let files = try Self.convert()
        #expect(String(decoding: files.users, as: UTF8.self) == """
            user_id,age,gender,region
            u1,24,m,technician
            u2,53,f,other

            """)
        #expect(String(decoding: files.items, as: UTF8.self) == """
            item_id,title,content_type,genre,genres
            m1,Toy Story (1995),movie,animation,animation|children's|comedy
            m2,"Vie, La (é)",movie,drama,unknown|drama

            """)
        #expect(String(decoding: files.events, as: UTF8.self) == """
            user_id,item_id,event_type,watch_seconds,timestamp
            u1,m2,play,5,1997-09-22T22:02:38Z
            u2,m1,play,3,1997-10-15T05:26:11Z
            u1,m1,play,4,1970-01-01T00:00:00Z

            """)
        #expect((files.userCount, files.itemCount, files.eventCount) == (2, 2, 3))
    }

    @Test("the files load with nothing dropped and r equal to the rating")
    func loads() throws {
        let files = try Self.convert()
        let dataset = try DatasetLoader.load(users: ("users.csv", files.users), items: ("items.csv", files.items),
                                             events: ("events.csv", files.events))
        #expect(dataset.report.totalDropped == 0)
        let model = RecommenderModel(dataset: dataset, workers: 1)
        let u1 = model.user("u1")!
        #expect(model.matrix.rowScore[model.matrix.row(u1)] == [4, 5])
        #expect(dataset.items.map(\.genre) == ["animation", "drama"])
    }

    @Test("a UTF-8 file is read as UTF-8; u.genre names the genres")
    func utf8AndGenreFile() throws {
        let movies = Array("7|Caf\u{E9} \u{FFFD}|x||y|1|0\n".utf8)
        let files = try Self.convert(ratings: Array("1\t7\t2\t5\n".utf8), movies: movies,
                                     genres: Array("Unknown|0\nNoir|1\n".utf8))
        #expect(String(decoding: files.items, as: UTF8.self).hasSuffix("m7,Caf\u{E9} \u{FFFD},movie,unknown,unknown\n"))
    }

    @Test("a line that cannot be read names the file and line", arguments: [
        ("ratings", "1\t2\t5\n", "ml/u.data:1: expected 4 tab-separated fields (user id, item id, rating, timestamp), found 3"),
        ("ratings", "1\t2\t5\t1\n\n3\t1\t4\t1\n", "ml/u.data:3: user '3' is not in ml/u.user"),
        ("ratings", "1\t9\t5\t1\n", "ml/u.data:1: movie '9' is not in ml/u.item"),
        ("ratings", "1\t2\t6\t1\n", "ml/u.data:1: rating '6' is not a whole number from 1 to 5"),
        ("ratings", "1\t2\t4.5\t1\n", "ml/u.data:1: rating '4.5' is not a whole number from 1 to 5"),
        ("ratings", "1\t2\t4\t-1\n", "ml/u.data:1: timestamp '-1' is not a whole number of seconds since 1970"),
        ("ratings", "1\t2\t4\t1\n1\t2\t3\t2\n", "ml/u.data:2: user 1 rates movie 2 again (first on line 1)"),
        ("users", "1|24|M|x|1\nx|3|F|y|2\n", "ml/u.user:2: user id 'x' is not a whole number"),
        ("users", "1|24|M|x|1\n1|3|F|y|2\n", "ml/u.user:2: user id 1 appears again (first on line 1)"),
        ("users", "1|24|M|x\n", "ml/u.user:1: expected 5 |-separated fields (id, age, gender, occupation, zip code), found 4"),
        ("users", "1|old|M|x|1\n", "ml/u.user:1: age 'old' is not a whole number"),
        ("movies", "1|A|d||u|\(flags([]))|0\n",
         "ml/u.item:1: expected 24 |-separated fields (id, title, release date, video release date, IMDb URL and 19 genre flags), found 25"),
        ("movies", "1|A|d||u|\(flags([]).replacingOccurrences(of: "0|0|0", with: "0|2|0"))\n",
         "ml/u.item:1: genre flag 'action' is '2', expected 0 or 1"),
        ("genres", "a|0\nb|2\n", "ml/u.genre:2: expected 'name|1' (genres numbered from 0 in order)"),
    ])
    func malformed(file: String, text: String, message: String) {
        do {
            switch file {
            case "ratings": _ = try Self.convert(ratings: Array(text.utf8))
            case "users": _ = try Self.convert(users: Array(text.utf8))
            case "movies": _ = try Self.convert(movies: Array(text.utf8))
            default: _ = try Self.convert(genres: Array(text.utf8))
            }
            Issue.record("expected an error: \(message)")
        } catch {
            #expect("\(error)" == message)
        }
    }

    /// The shared copy of MovieLens 100k, found from this file's path:
    /// `<repo>/../shared/datasets/ml-100k`.
    static let movieLensFolder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }   // Import, RecEngineTests, Tests, <repo>
        return url.deletingLastPathComponent().appendingPathComponent("shared/datasets/ml-100k").path
    }()

    static var haveMovieLens: Bool { FileManager.default.fileExists(atPath: movieLensFolder + "/u.data") }

    @Test("MovieLens 100k imports exactly: 100,000 events, 943 users, 1,682 items",
          .enabled(if: haveMovieLens, "MovieLens 100k not found at ../shared/datasets/ml-100k next to the repository; skipped"))
    func movieLens100k() throws {
        func read(_ name: String) throws -> (path: String, bytes: [UInt8]) {
            let path = Self.movieLensFolder + "/" + name
            return (path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        let files = try MovieLensImport.convert(ratings: try read("u.data"), movies: try read("u.item"),
                                                users: try read("u.user"), genres: try read("u.genre"))
        #expect((files.eventCount, files.userCount, files.itemCount) == (100_000, 943, 1_682))
        let dataset = try DatasetLoader.load(users: ("users.csv", files.users), items: ("items.csv", files.items),
                                             events: ("events.csv", files.events))
        #expect((dataset.events.count, dataset.users.count, dataset.items.count) == (100_000, 943, 1_682))
        #expect(dataset.report.totalDropped == 0)
        // u.data's first line: 196 242 3 881250949.
        let model = RecommenderModel(dataset: dataset, workers: 2)
        let u196 = model.user("u196")!, m242 = Int32(model.item("m242")!)
        let p = model.matrix.row(u196).first { model.matrix.rowItem[$0] == m242 }!
        #expect(model.matrix.rowScore[p] == 3)
        #expect(Timestamp.format(seconds: model.matrix.rowLastSeen[p]) == "1997-12-04T15:55:49Z")
        #expect(model.matrix.nonZeroCount == 100_000)
        #expect(files == (try MovieLensImport.convert(ratings: try read("u.data"), movies: try read("u.item"),
                                                      users: try read("u.user"), genres: try read("u.genre"))))
    }
}
