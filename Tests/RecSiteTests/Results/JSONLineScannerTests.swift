import Testing
@testable import RecSite

/// The results folder's line reader: every JSON escape, numbers to the bit,
/// and lines that are not the shapes it knows.
@Suite("JSON line scanner")
struct JSONLineScannerTests {
    static func list(_ text: String) throws -> ResultLines.List {
        try ResultLines.line(ArraySlice(text.utf8), as: ResultLines.List.self)
    }

    static func neighbours(_ text: String) throws -> ResultLines.Neighbours {
        try ResultLines.line(ArraySlice(text.utf8), as: ResultLines.Neighbours.self)
    }

    @Test func escapesAndNumbersReadBack() throws {
        let list = try Self.list(#"""
            { "items" : [ {"source":"cf","item_id":"a\"b\\c\/d\u003c\u00e9\ud83c\udfac\n","score":6984.125672063077,
              "contributors":[["x",1e-05],["y",0.30000000000000004]]}, {"item_id":"p","source":"popular"} ],
              "user_id":"ü1" }
            """#)
        #expect(list.userID == "ü1")
        #expect(list.items[0].itemID == "a\"b\\c/d<é🎬\n")
        #expect(list.items[0].score?.bitPattern == 6984.125672063077.bitPattern)
        #expect(list.items[0].contributors?.map(\.itemID) == ["x", "y"])
        #expect(list.items[0].contributors?.map(\.similarity) == [1e-05, 0.1 + 0.2])
        #expect(list.items[1].score == nil && list.items[1].contributors == nil)
    }

    @Test(arguments: [
        #"{"user_id":"u1"}"#,                                      // no items
        #"{"user_id":"u1","items":[],"user_id":"u2"}"#,            // a key twice
        #"{"user_id":"u1","items":[],"extra":1}"#,                 // an unknown key
        #"{"user_id":"u1","items":[{"item_id":"i","source":"cf","contributors":[["a",1,2]]}]}"#,
        #"{"user_id":"u\ud800","items":[]}"#,                      // a lone surrogate
        #"{"user_id":"u1","items":[{"item_id":"i","source":"cf","score":1e999}]}"#,
        #"{"user_id":"u1","items":[]} x"#,                          // text after the value
        #"{"user_id":"u1","items":[}"#,
    ])
    func malformedLinesAreRefused(_ text: String) {
        #expect(throws: JSONLineScanner.Malformed.self) { _ = try Self.list(text) }
    }

    @Test func neighboursReadBack() throws {
        let line = try Self.neighbours(#"{"neighbours":[["i2",0.5],["i3",1e-3]],"item_id":"i1"}"#)
        #expect(line.itemID == "i1")
        #expect(line.neighbours.map(\.itemID) == ["i2", "i3"])
        #expect(line.neighbours.map(\.similarity) == [0.5, 0.001])
    }

    @Test(arguments: [
        #"{"item_id":"i1"}"#,                                       // no neighbours
        #"{"neighbours":[]}"#,                                      // no item_id
        #"{"item_id":"i1","neighbours":[],"neighbours":[]}"#,       // a key twice
        #"{"item_id":"i1","neighbours":[],"user_id":"u1"}"#,        // a list line's key
        #"{"item_id":"i1","neighbours":[["i2"]]}"#,                 // a pair without its similarity
    ])
    func malformedNeighbourLinesAreRefused(_ text: String) {
        #expect(throws: JSONLineScanner.Malformed.self) { _ = try Self.neighbours(text) }
    }
}
