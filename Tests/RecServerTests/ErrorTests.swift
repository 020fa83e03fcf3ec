import Foundation
import RecServer
import Testing

/// Bad requests get a JSON error with the right status.
@Suite struct ErrorTests {
    static let cases: [(target: String, status: Int, message: String)] = [
        ("/recommendations?user_id=nobody", 404, "unknown user 'nobody'"),
        ("/recommendations", 400, "missing parameter user_id"),
        ("/recommendations?user_id=", 400, "missing parameter user_id"),
        ("/recommendations?user_id=u1&k=0", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=u1&k=-1", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=u1&k=101", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=u1&k=ten", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=u1&k=2.5", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=u1&k=", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=u1&k=99999999999999999999999", 400, "k must be an integer from 1 to 100"),
        ("/recommendations?user_id=%zz", 400, "the query is not valid percent-encoded UTF-8"),
        ("/recommendations?user_id=%ff", 400, "the query is not valid percent-encoded UTF-8"),
        ("/user_history?user_id=nobody", 404, "unknown user 'nobody'"),
        ("/user_history", 400, "missing parameter user_id"),
        ("/explain?user_id=u1", 400, "missing parameter item_id"),
        ("/explain?user_id=u1&item_id=i99", 404, "unknown item 'i99'"),
        ("/explain?user_id=nobody&item_id=i1", 404, "unknown user 'nobody'"),
        ("/popular?k=0", 400, "k must be an integer from 1 to 100"),
        ("/popular?type=podcast", 400, "no item has content type 'podcast'"),
        ("/no/such/route", 404, "not found"),
        ("/api/recommendations/nobody.json", 404, "not found"),
    ]

    @Test func everyBadRequestGetsAJSONErrorWithItsStatus() async throws {
        try await ServerFixture.withServer { port, _ in
            for (target, status, message) in Self.cases {
                let response = try await RawHTTP.get(port: port, target)
                #expect(response.status == status, "\(target)")
                #expect(response.header("content-type") == "application/json; charset=utf-8", "\(target)")
                #expect(response.json?["error"] as? String == message, "\(target): \(response.text)")
                #expect(response.json?["status"] as? Int == status, "\(target)")
            }
        }
    }

    @Test func theLargestKIsAccepted() async throws {
        try await ServerFixture.withServer { port, _ in
            let response = try await RawHTTP.get(port: port, "/recommendations?user_id=u1&k=100")
            #expect(response.status == 200)
            #expect(response.json?["k"] as? Int == 100)
        }
    }

    @Test func anUnknownUserGetsTheClosestIDs() async throws {
        try await ServerFixture.withServer { port, _ in
            let response = try await RawHTTP.get(port: port, "/recommendations?user_id=u11")
            let suggestions = try #require(response.json?["suggestions"] as? [String])
            // One edit from u11: u1 and u10.
            #expect(suggestions.contains("u1") && suggestions.contains("u10"))
            #expect(response.json?["user_id"] as? String == "u11")
        }
    }

    @Test func onlyGetAndHeadAreAllowed() async throws {
        try await ServerFixture.withServer { port, _ in
            let post = try await RawHTTP.get(port: port, "/health", method: "POST")
            #expect(post.status == 405)
            #expect(post.header("allow") == "GET, HEAD")
            let head = try await RawHTTP.get(port: port, "/health", method: "HEAD")
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
        }
    }
}
