import Foundation
import RecSite
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test func keepsKeyOrderAndFullPrecision() {
        let value = JSONValue.object([("z", .integer(1)), ("a", .number(0.1 + 0.2)), ("n", .null), ("b", .bool(true))])
        #expect(value.serialized() == "{\"z\":1,\"a\":0.30000000000000004,\"n\":null,\"b\":true}")
    }

    @Test func escapesStringsSoAnyInputIsValidJSON() throws {
        let hostile = "quote\" back\\slash <script>&\n\t\u{0}\u{1F}\u{2028}é😀"
        let text = JSONValue.object([("s", .string(hostile))]).serialized()
        #expect(!text.contains("<script>"))
        #expect(text.contains("\\u003cscript\\u003e\\u0026"))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: String])
        #expect(parsed["s"] == hostile)
    }

    /// Integers read as `String(_:)` writes them, also at the extremes.
    @Test(arguments: [0, 7, -7, 10, 1_000_000, -1_000_000_007, Int.max, Int.min])
    func integersAsStringWritesThem(_ value: Int) {
        #expect(JSONValue.integer(value).serialized() == String(value))
        #expect(JSONValue.array([.integer(value)]).serializedBytes() == Array("[\(value)]".utf8))
    }

    /// Pretty output indents two spaces a level, also past the 16 made once.
    @Test func deepNestingIndentsEveryLevel() {
        var value = JSONValue.integer(1)
        for _ in 0..<20 { value = .array([value]) }
        let lines = value.serialized(pretty: true).split(separator: "\n")
        #expect(lines.count == 41)
        #expect(lines[20] == Substring(String(repeating: "  ", count: 20) + "1"))
        #expect(lines[21] == Substring(String(repeating: "  ", count: 19) + "]"))
    }

    @Test func prettyOutputParsesToTheSameValue() throws {
        let value = JSONValue.object([("items", .array([.object([("rank", .integer(1)), ("x", .number(2.5))]), .array([])]))])
        let compact = try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) as? NSDictionary
        let pretty = try JSONSerialization.jsonObject(with: Data(value.serialized(pretty: true).utf8)) as? NSDictionary
        #expect(compact == pretty)
        #expect(value.serialized(pretty: true).contains("\n"))
    }
}
