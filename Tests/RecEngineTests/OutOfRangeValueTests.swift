import Testing
@testable import RecEngine

/// Issue 17, class 11: values that would overflow a score, and timestamps
/// whose UTC instant leaves the years 0001–9999, are dropped at cleansing
/// with a counted reason (docs/rules.md, "Numbers out of range").
@Suite("Numbers out of range")
struct OutOfRangeValueTests {
    @Test("watch_seconds above 1e12 is invalid", arguments: [
        "1000000000001", "1.0000001e12", "1e13", "1e300", "1.7976931348623157e308",
    ])
    func tooLargeWatchSeconds(value: String) throws {
        #expect(try reasonFor("u1,i1,play,\(value),2025-01-01") == .invalidWatchSeconds)
    }

    @Test("watch_seconds up to 1e12 is kept")
    func largestWatchSeconds() throws {
        let dataset = try TestFiles.loadEvents(["u1,i1,play,1e12,2025-01-01", "u1,i1,play,999999999999.5,2025-01-02"])
        #expect(dataset.report.events.kept == 2)
        #expect(dataset.events.watchSeconds == [1e12, 999_999_999_999.5])
    }

    @Test("two events of 1e308 (3 × 1e308 was ∞) are both dropped and counted")
    func overflowingEventsCounted() throws {
        let dataset = try TestFiles.loadEvents([
            "u1,i1,complete,1e308,2025-01-01", "u1,i2,play,1e308,2025-01-01", "u2,i1,play,7,2025-01-01",
        ])
        #expect(dataset.report.events.counts == [.invalidWatchSeconds: 2])
        #expect(dataset.report.events.kept == 1)
    }

    @Test("scores from the largest values stay finite: 3e12/√2 by hand")
    func largestValuesScoreFinitely() throws {
        var catalog = TestCatalog()
        catalog.users = ["u1", "u2"]
        catalog.items = [.init(id: "i1"), .init(id: "i2")]
        catalog.event("u1", "i1", "complete", 1e12)
        catalog.event("u1", "i2", "complete", 1e12)
        catalog.event("u2", "i1", "complete", 1e12)
        let model = try catalog.model()
        // r = 3e12 everywhere; columns i1 = (3e12, 3e12), i2 = (3e12, 0): sim = 1/√2.
        let list = model.recommendations(user: model.user("u2")!)
        let cf = try #require(list.first)
        #expect(cf.source == .cf)
        #expect(model.dataset.items[Int(cf.item)].id == "i2")
        let score = try #require(cf.score)
        #expect(score.isFinite)
        #expect(abs(score - 3e12 / 2.0.squareRoot()) <= 1e-9 * score)
    }

    @Test("a weight above 1e6 is a settings error; 1e6 itself is accepted")
    func weightLimit() throws {
        var weights = EventWeights.standard
        try weights.set("play", 1e6)
        #expect(weights.weight(of: "play") == 1e6)
        #expect(throws: RecEngineError.self) { try weights.set("play", 1_000_001) }
        #expect(throws: RecEngineError.self) { try weights.set("boost", 1e300) }
    }

    @Test("the first and last instants of years 0001–9999, in seconds since 1970 (Python's datetime agrees)")
    func bounds() {
        #expect(TimestampParser.earliestSeconds == -62_135_596_800)
        #expect(TimestampParser.latestSeconds == 253_402_300_799)
    }

    @Test("timestamps whose UTC instant is in 0001–9999 are kept", arguments: [
        ("0001-01-01T00:00:00Z", -62_135_596_800),
        ("0001-01-01T00:30-01:00", -62_135_596_800 + 5400),  // 01:30Z
        ("9999-12-31T23:59:59Z", 253_402_300_799),
        ("9999-12-31T22:30-01:00", 253_402_299_000),  // 23:30Z
    ] as [(String, Int64)])
    func inRange(text: String, seconds: Int64) throws {
        #expect(TimestampParser.parse(text)?.seconds == seconds)
        #expect(try reasonFor("u1,i1,play,1,\(text)") == nil)
    }

    @Test("timestamps whose UTC instant leaves 0001–9999 are invalid", arguments: [
        "0000-12-31T23:30:00Z", "0000-01-01", "0001-01-01T00:30+01:00", "0001-01-01T00:00:00+00:01",
        "9999-12-31T23:30-01:00", "9999-12-31T23:59:59-00:01",
    ])
    func outOfRange(text: String) throws {
        #expect(TimestampParser.parse(text) == nil)
        #expect(try reasonFor("u1,i1,play,1,\(text)") == .invalidTimestamp)
    }
}
