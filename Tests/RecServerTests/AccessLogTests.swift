@testable import RecServer
import Testing

@Suite struct AccessLogTests {
    @Test func aLineHoldsMethodTargetStatusBytesAndTime() {
        #expect(AccessLog.line(method: "GET", target: "/recommendations?user_id=u1&k=5", status: 200, bytes: 4711,
                               seconds: 0.000_842_4) == "GET /recommendations?user_id=u1&k=5 200 4711 0.842ms")
    }

    @Test func clientBytesCannotBreakOrFakeTheLine() {
        // A line break, an escape sequence, a quote, a backslash, a space and non-ASCII.
        let line = AccessLog.line(method: "GET", target: "/a\r\nGET /b 200\u{1B}[2J\"\\ é", status: 404, bytes: 9, seconds: 0)
        #expect(line == "GET /a%0D%0AGET%20/b%20200%1B[2J%22%5C%20%C3%A9 404 9 0.0ms")
    }
}

@Suite struct QueryParametersTests {
    @Test func valuesAreDecodedAndTheFirstOfARepeatedNameWins() throws {
        let query = try #require(QueryParameters("user_id=%C3%BC%2F..%2Fx+y&k=5&k=7&flag"))
        #expect(query["user_id"] == "ü/../x y")
        #expect(query["k"] == "5")
        #expect(query["flag"] == "")
        #expect(query["missing"] == nil)
    }

    @Test func badEncodingIsRefusedWhole() {
        #expect(QueryParameters("user_id=%2") == nil)
        #expect(QueryParameters("user_id=%zz") == nil)
        #expect(QueryParameters("user_id=%C3") == nil)  // a lone lead byte is not UTF-8
    }
}

@Suite struct ContentTypeTests {
    @Test func everyKindTheBuildWritesHasItsType() {
        let expected = [
            "a/index.html": "text/html; charset=utf-8", "x.css": "text/css; charset=utf-8",
            "x.js": "text/javascript; charset=utf-8", "api/u.json": "application/json; charset=utf-8",
            "csv/x.csv": "text/csv; charset=utf-8", "c.svg": "image/svg+xml; charset=utf-8", "p.PNG": "image/png",
            "index.md": "text/markdown; charset=utf-8", "README": "application/octet-stream",
            "v.1.2/bin": "application/octet-stream",
        ]
        for (path, type) in expected { #expect(ContentType.of(path: path) == type, "\(path)") }
    }
}
