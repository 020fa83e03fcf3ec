import Testing
@testable import RecEngine

@Suite("ID order")
struct IDOrderTests {
    @Test("pairs in ID order", arguments: [
        ("u2", "u10"), ("u10", "v1"), ("u2", "v1"),
        ("u", "u0"), ("u", "u1"), ("u", "u999"),                 // no digits sorts first under a prefix
        ("u01", "u1"), ("u001", "u01"), ("u9", "u00010"),         // equal numbers: the whole ID decides
        ("9", "10"), ("10", "9a"),                                // all digits: empty prefix
        ("a1", "ab"), ("a9", "a_1"),                              // prefixes first
        ("U1", "u1"), ("Z9", "a1"),                               // code points: upper case first
        ("u18446744073709551615", "u18446744073709551616"),      // beyond UInt64
        ("u99999999999999999999", "u100000000000000000000"),
        ("u000000000000000000000000000000000000002", "u10"),
        ("u2", "u\u{661}"),                                       // only ASCII digits are digits
        ("z", "\u{E9}"),                                          // é (U+00E9) after z
        ("e\u{301}", "\u{E9}"),                                   // decomposed é (65 CC 81) before precomposed (C3 A9)
        ("e\u{301}9", "e\u{301}10"),
        ("\u{FF61}", "\u{1F600}"),                                // code points, not UTF-16 units
        ("x\u{FF61}2", "x\u{1F600}1"),
        ("item9", "item10"), ("item10", "item10a"),
    ])
    func ordered(a: String, b: String) {
        #expect(IDOrder.less(a, b))
        #expect(!IDOrder.less(b, a))
        #expect(IDOrder.compare(a, b) < 0)
        #expect(IDOrder.compare(b, a) > 0)
        // The test's own implementation agrees, so the table is checked twice.
        #expect(ReferenceIDOrder.less(a, b))
    }

    @Test("an ID equals only itself", arguments: ["u1", "", "é", "e\u{301}", "u007"])
    func equal(id: String) {
        #expect(IDOrder.compare(id, id) == 0)
        #expect(!IDOrder.less(id, id))
    }

    @Test("random IDs: the engine agrees with the reference on every pair and sorts alike", arguments: [11, 12, 13] as [UInt64])
    func randomAgainstReference(seed: UInt64) {
        var rng = TestRandom(seed: seed)
        let pieces = ["u", "U", "v", "x_", "é", "e\u{301}", "z", "0", "00", "1", "2", "9", "10", "99999999999999999999", "\u{1F600}", "\u{FF61}", "-", "a"]
        let ids = (0..<150).map { _ in (0..<rng.int(1...4)).map { _ in rng.pick(pieces) }.joined() }
        var disagreements: [String] = []
        for a in ids {
            for b in ids {
                let engine = IDOrder.compare(a, b).signum(), reference = ReferenceIDOrder.compare(a, b).signum()
                if engine != reference { disagreements.append("\(a.debugDescription) vs \(b.debugDescription): \(engine), expected \(reference)") }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(bytes(ids.sorted(by: IDOrder.less)) == bytes(ids.sorted(by: ReferenceIDOrder.less)))
    }

    @Test("codePointLess orders by UTF-8 bytes, as a byte-by-byte comparison does", arguments: [UInt64(3), 17])
    func codePointLessAgainstBytes(seed: UInt64) {
        var rng = TestRandom(seed: seed)
        let pieces = ["", "a", "b", "ab", "é", "e\u{301}", "\u{1F600}", "\u{FF61}", "/", "users/", "0", "\u{7F}", "\u{80}"]
        // Bridged-free native strings take the memcmp path; Substring-made ones too.
        let strings = (0..<120).map { _ in String((0..<rng.int(0...5)).map { _ in rng.pick(pieces) }.joined()[...]) }
        var disagreements: [String] = []
        for a in strings {
            for b in strings where codePointLess(a, b) != Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) {
                disagreements.append("\(a.debugDescription) vs \(b.debugDescription)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(10))")
        #expect(codePointLess("users/u1", "users/u1.md") && !codePointLess("users/u1.md", "users/u1"))
        #expect(codePointLess("e\u{301}", "\u{E9}") && !codePointLess("", ""))
    }

    @Test("Dataset.users and Dataset.items come out in ID order, with indices to match")
    func datasetOrder() throws {
        let userIDs = ["u10", "u2", "v1", "u", "u01", "u1", "z", "\u{E9}", "e\u{301}", "U5"]
        let expected = ["U5", "e\u{301}", "u", "u01", "u1", "u2", "u10", "v1", "z", "\u{E9}"]
        let dataset = try TestFiles.load(
            users: "user_id\n" + userIDs.joined(separator: "\n") + "\n",
            items: "item_id\n" + userIDs.map { "item-" + $0 }.joined(separator: "\n") + "\n")
        #expect(bytes(dataset.users.map(\.id)) == bytes(expected))
        #expect(bytes(dataset.items.map(\.id)) == bytes(expected.map { "item-" + $0 }))
        for (index, id) in expected.enumerated() {
            #expect(dataset.userIndex[id] == Int32(index), "\(id.debugDescription)")
            #expect(dataset.itemIndex["item-" + id] == Int32(index), "\(id.debugDescription)")
        }
    }
}
