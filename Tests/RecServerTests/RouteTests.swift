import Foundation
import RecEngine
import RecServer
import RecSite
import Testing

/// Every route against the site built from the same data: at the default k
/// an answer is the static file, byte for byte.
@Suite struct RouteTests {
    /// The fixture's user IDs, as users.csv lists them (hand-copied: `..`
    /// and `ü/../x y` are IDs that look like paths).
    static let users = ["u1", "u2", "u10", "ü/../x y", "..", "u3"]

    static func file(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: try ServerFixture.site + "/" + relative)))
    }

    static func encoded(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }

    @Test func recommendationsAtTheDefaultKEqualTheStaticFiles() async throws {
        try await ServerFixture.withServer { port, _ in
            for id in Self.users {
                let expected = try Self.file(SitePaths.recommendationsJSON(id))
                for target in ["/recommendations?user_id=\(Self.encoded(id))&k=10", "/recommendations?user_id=\(Self.encoded(id))"] {
                    let response = try await RawHTTP.get(port: port, target)
                    #expect(response.status == 200, "\(target)")
                    #expect(response.body == expected, "\(target)")
                    #expect(response.header("content-type") == "application/json; charset=utf-8")
                }
            }
        }
    }

    @Test func historyHealthAndPopularEqualTheStaticFiles() async throws {
        try await ServerFixture.withServer { port, _ in
            for id in Self.users {
                let response = try await RawHTTP.get(port: port, "/user_history?user_id=\(Self.encoded(id))")
                #expect(response.status == 200)
                #expect(response.body == (try Self.file(SitePaths.userHistoryJSON(id))), "\(id)")
            }
            #expect(try await RawHTTP.get(port: port, "/health").body == (try Self.file(SitePaths.health)))
            #expect(try await RawHTTP.get(port: port, "/popular").body == (try Self.file(SitePaths.popularJSON)))
        }
    }

    @Test func aSmallerKIsThePrefixOfTheDefaultList() async throws {
        try await ServerFixture.withServer { port, _ in
            let full = try #require(try await RawHTTP.get(port: port, "/recommendations?user_id=u2").json)
            let two = try #require(try await RawHTTP.get(port: port, "/recommendations?user_id=u2&k=2").json)
            let ids = { (document: [String: Any]) in (document["items"] as! [[String: Any]]).map { $0["item_id"] as! String } }
            #expect(two["k"] as? Int == 2)
            // u2 watched i1, i3, i4 of six items: three unwatched remain, whatever k is asked.
            #expect(ids(full).count == 3)
            #expect(ids(two) == Array(ids(full).prefix(2)))
        }
    }

    @Test func popularFiltersByTypeAndCutsAtK() async throws {
        try await ServerFixture.withServer { port, _ in
            let response = try await RawHTTP.get(port: port, "/popular?k=2&type=MOVIE")
            #expect(response.status == 200)
            let items = try #require(response.json?["items"] as? [[String: Any]])
            // The movies watched: i1 (u1, u2, ..), i3 (u1, u2, ü/../x y), it/em 5 (u10, ü/../x y); i6 has no viewer.
            #expect(items.count == 2)
            #expect(items.allSatisfy { $0["content_type"] as? String == "movie" })
            #expect(items.map { $0["rank"] as? Int } == [1, 2])
        }
    }

    @Test func explainBreaksTheRecommendedScoreIntoContributions() async throws {
        try await ServerFixture.withServer { port, _ in
            let list = try #require(try await RawHTTP.get(port: port, "/recommendations?user_id=u1").json)
            let first = try #require((list["items"] as? [[String: Any]])?.first)
            let item = try #require(first["item_id"] as? String)
            let response = try await RawHTTP.get(port: port, "/explain?user_id=u1&item_id=\(Self.encoded(item))")
            #expect(response.status == 200)
            let breakdown = try #require(response.json)
            let rows = try #require(breakdown["contributions"] as? [[String: Any]])
            let score = try #require(breakdown["score"] as? Double)
            #expect(breakdown["user_id"] as? String == "u1")
            #expect(breakdown["in_history"] as? Bool == false)
            // The score is the recommendation's, and the sum of its parts, each r × sim.
            #expect(abs(score - (first["score"] as! Double)) < 1e-9)
            let parts = rows.map { $0["contribution"] as! Double }
            #expect(abs(parts.reduce(0, +) - score) < 1e-9 * max(1, score))
            for row in rows {
                let product = (row["interaction_score"] as! Double) * (row["similarity"] as! Double)
                #expect(abs(product - (row["contribution"] as! Double)) < 1e-9)
            }
            #expect(parts == parts.sorted(by: >))
            // u1's reason is the top contributor.
            let reason = try #require(first["reason"] as? [String: Any])
            #expect(reason["item_id"] as? String == rows.first?["item_id"] as? String)
        }
    }

    @Test func theOpenAPIDocumentNamesEveryRoute() async throws {
        try await ServerFixture.withServer { port, _ in
            let response = try await RawHTTP.get(port: port, "/openapi.yaml")
            #expect(response.status == 200)
            #expect(response.header("content-type") == "application/yaml; charset=utf-8")
            for route in ["/health", "/popular", "/recommendations", "/user_history", "/explain", "/openapi.yaml"] {
                #expect(response.text.contains("\n  \(route):\n"), "\(route)")
            }
            #expect(response.text.contains("maximum: \(ServedModel.maxK)"))
        }
    }
}
