import Testing
@testable import RecEngine

/// The cleanser's hand-made lookups against the plain Swift collections they
/// replace: the ID index by bytes, event type names, and the duplicate-event set.
@Suite("fast lookups in cleansing")
struct FastLookupTests {
    @Test func idIndexFindsEveryIDByStringAndBytesAndNothingElse() {
        var random = SeededRandom(seed: 42, stream: 0)
        var ids: [String] = ["é", "e\u{301}", "u1", "U1", "", " u1", "🎬", String(repeating: "x", count: 300),
                             // Around the 16 bytes kept in a slot: equal heads, different lengths or tails.
                             "a", "a\u{0}", "abcdefghijklmnop", "abcdefghijklmno", "abcdefghijklmnopq",
                             "abcdefghijklmnopr", "abcdefghijklmnopqq", "abcdefgh", "abcdefgh\u{0}"]
        for n in 0..<5000 { ids.append((random.next() % 2 == 0 ? "user-" : "item-") + String(n)) }
        let index = IDIndex(ids)
        #expect(index.count == ids.count)
        for (position, id) in ids.enumerated() {
            #expect(index[id] == Int32(position), "\(id)")
            var bytes = id
            #expect(bytes.withUTF8 { index[utf8: $0] } == Int32(position))
        }
        // Canonically equivalent but different bytes: different IDs.
        #expect(index["é"] == 0 && index["e\u{301}"] == 1)
        for missing in ["user-5000", "u-1", "x", "item-", "é ", String(repeating: "x", count: 299),
                        "abcdefghijklmnopqr", "abcdefghijklmnopp", "abcdefghijklmn", "a\u{0}\u{0}", "abcdefgh\u{0}\u{0}"] {
            #expect(index[missing] == nil, "\(missing)")
        }
        #expect(IDIndex()["u1"] == nil)
    }

    @Test func theLastOfEqualIDsWins() {
        #expect(IDIndex(["a", "b", "a"])["a"] == 2)
        let long = "abcdefghijklmnopqrs"  // past the 16 bytes a slot keeps
        let index = IDIndex([long, "b", long, long + "t"])
        #expect(index[long] == 2 && index[long + "t"] == 3 && index.count == 3)
    }

    @Test("event types match ASCII case-insensitively, as lowercased() does", arguments: [
        ("play", 0 as UInt8?), ("PLAY", 0), ("Complete", 1), ("lIkE", 2), ("skip", 5),
        ("plays", nil), ("pla", nil), ("", nil), ("p1ay", nil), ("play!", nil),
    ])
    func eventTypeNames(field: String, expected: UInt8?) {
        let names = EventTypeNames(EventWeights.standard.types)
        var field = field
        #expect(field.withUTF8 { names.index(ofASCII: $0) } == expected)
        let reference = EventWeights.standard.types.firstIndex(of: field.lowercased()).map(UInt8.init)
        #expect(reference == expected)
    }

    @Test func nonASCIIEventTypesFallBackToLowercasedAndStillMatch() throws {
        let names = EventTypeNames(EventWeights.standard.types)
        var kelvin = "li\u{212A}e"  // KELVIN SIGN lowercases to an ASCII k
        #expect(kelvin.withUTF8 { names.index(ofASCII: $0) } == nil)
        #expect(try reasonFor("u1,i1,li\u{212A}e,10,2025-01-01") == nil)
        #expect(try reasonFor("u1,i1,ｐｌａｙ,10,2025-01-01") == .unknownEventType)
    }

    @Test("duplicate events agree with a Set, with any worker count", arguments: [1, 8, 100, 50_000])
    func duplicateEventsAgreeWithASet(count: Int) {
        var random = SeededRandom(seed: 7, stream: UInt64(count))
        let keys = (0..<count).map { _ in
            EventKey(
                user: Int32(random.next() % 50), item: Int32(random.next() % 40), type: UInt8(random.next() % 3),
                watchBits: Double(random.next() % 5).bitPattern, seconds: Int64(random.next() % 4),
                fractionValue: [0, 5, 5, 25][Int(random.next() % 4)], fractionCount: UInt8(random.next() % 3))
        }
        var reference = Set<ReferenceKey>()
        let expected = keys.map { !reference.insert(ReferenceKey($0)).inserted }
        let hashes = keys.map(\.hash)
        for workers in [1, 2, 3] {
            #expect(DuplicateEvents.flags(hashes: hashes, workers: workers) { keys[$0] } == expected)
        }
        // The hashes in parts, as each part of events.csv keeps them (some empty).
        let cuts = [0, count / 3, count / 3, count * 2 / 3, count]
        let parts = zip(cuts, cuts.dropFirst()).map { Array(hashes[$0..<$1]) }
        #expect(DuplicateEvents.flags(hashParts: parts, workers: 2) { keys[$0] } == expected)
        if count == 50_000 { #expect(reference.count > 1000 && reference.count < 50_000) }
    }

    @Test func keysWhoseHashesCollideAreStillToldApart() {
        // Every hash equal: only the key comparison can tell these apart.
        let keys = (0..<300).map { n in
            EventKey(user: Int32(n % 7), item: 1, type: 0, watchBits: 0, seconds: Int64(n % 11))
        }
        var reference = Set<ReferenceKey>()
        let expected = keys.map { !reference.insert(ReferenceKey($0)).inserted }
        #expect(DuplicateEvents.flags(hashes: Array(repeating: 42, count: keys.count), workers: 2) { keys[$0] }
            == expected)
    }
}

/// `EventKey` through Swift's own hashing, for comparison.
private struct ReferenceKey: Hashable {
    let user: Int32, item: Int32, type: UInt8, watchBits: UInt64, seconds: Int64
    let fractionValue: UInt64, fractionCount: UInt8
    init(_ key: EventKey) {
        (user, item, type, watchBits) = (key.user, key.item, key.type, key.watchBits)
        (seconds, fractionValue, fractionCount) = (key.seconds, key.fractionValue, key.fractionCount)
    }
}
