import Testing
@testable import RecEngine

/// Seconds since 1970 by counting days one year and one month at a time
/// (an independent, brute-force check of the parser's calendar arithmetic).
func bruteForceEpochSeconds(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Int64 {
    func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
    func length(_ y: Int, _ m: Int) -> Int { [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] }
    var days = 0
    if year >= 1970 {
        for y in 1970..<year { days += isLeap(y) ? 366 : 365 }
    } else {
        for y in year..<1970 { days -= isLeap(y) ? 366 : 365 }
    }
    for m in 1..<month { days += length(year, m) }
    days += day - 1
    return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
}

@Suite("Timestamps")
struct TimestampParserTests {
    static let newYear2025: Int64 = 1_735_689_600  // 2025-01-01T00:00:00Z

    @Test("valid forms parse to the UTC instant", arguments: [
        ("1970-01-01", Int64(0), ""),
        ("2025-01-01", newYear2025, ""),
        ("2025-01-01T00:00", newYear2025, ""),
        ("2025-01-01 00:00", newYear2025, ""),
        ("2025-01-01T12:34", newYear2025 + 45_240, ""),
        ("2025-01-01 12:34:56", newYear2025 + 45_296, ""),
        ("2025-01-01T12:34:56Z", newYear2025 + 45_296, ""),
        ("2025-01-01T12:34Z", newYear2025 + 45_240, ""),
        ("2025-01-01T12:34:56.123456789123Z", newYear2025 + 45_296, "123456789123"),
        ("2025-01-01T00:00:00.500", newYear2025, "5"),
        ("2025-01-01T00:00:00.0", newYear2025, ""),
        ("2025-01-01T07:00+07:00", newYear2025, ""),
        ("2024-12-31T20:30-03:30", newYear2025, ""),
        ("2025-01-01T23:59:59+00:00", newYear2025 + 86_399, ""),
        ("2025-01-01T00:00:00-00:00", newYear2025, ""),
        ("2025-01-01T05:45:00.25+05:45", newYear2025, "25"),
        ("2024-02-29", Int64(1_709_164_800), ""),
        ("2000-02-29T23:59:59Z", Int64(951_782_400 + 86_399), ""),
        ("1969-12-31T23:59:59Z", Int64(-1), ""),
        ("1970-01-01T00:00:00+01:00", Int64(-3600), ""),
    ])
    func valid(text: String, seconds: Int64, fraction: String) throws {
        let parsed = try #require(TimestampParser.parse(text))
        #expect(parsed.seconds == seconds)
        #expect(parsed.fraction == fraction)
    }

    @Test("invalid dates, times, zones and shapes are rejected", arguments: [
        "2025-02-30", "2025-02-29", "1900-02-29", "2025-13-01", "2025-00-10", "2025-01-00", "2025-04-31",
        "2025-01-32", "2025-01-01T24:00", "2025-01-01T23:60", "2025-01-01T23:59:60", "2025-01-01T10:00:99",
        "2025-01-01t10:00", "2025-01-01T10:00z", "2025-01-01T10:00:00z",
        "2025-01-01Z", "2025-01-01+07:00", "2025-01-01 +07:00",
        "2025-01-01T10:00+0700", "2025-01-01T10:00+07", "2025-01-01T10:00+7:00", "2025-01-01T10:00+24:00",
        "2025-01-01T10:00+07:60", "2025-01-01T10:00Z+07:00", "2025-01-01T10:00+07:00Z",
        "2025-01-01T10:00:00.", "2025-01-01T10:00:00.Z", "2025-01-01T10:00.5", "2025-01-01T10:00:00.5.5",
        "2025-1-01", "2025-01-1", "25-01-01", "12025-01-01", "2025/01/01", "20250101", "2025-01-01T",
        "2025-01-01T10", "2025-01-01T1:00", "2025-01-01T10:0", "2025-01-01T10:00:0", "2025-01-01  10:00",
        "2025-01-01_10:00", "2025-01-01T10:00 Z", "", "today", "\u{662}025-01-01", "2025-01-01T10:00:00Z ",
        " 2025-01-01",
    ])
    func invalid(text: String) {
        #expect(TimestampParser.parse(text) == nil)
    }

    @Test("equal instants compare equal whatever their zone or trailing zeros", arguments: [
        ("2025-01-01T07:00+07:00", "2025-01-01T00:00Z"),
        ("2025-01-01T07:00:00+07:00", "2024-12-31T19:00:00-05:00"),
        ("2025-01-01T00:00:00.5", "2025-01-01 00:00:00.50Z"),
        ("2025-01-01", "2025-01-01T00:00:00.000Z"),
    ])
    func equalInstants(a: String, b: String) throws {
        let x = try #require(TimestampParser.parse(a)), y = try #require(TimestampParser.parse(b))
        #expect(x == y)
        #expect(x.hashValue == y.hashValue)
    }

    @Test("instants order by time, fractions included", arguments: [
        ("2025-01-01T00:00:00.45", "2025-01-01T00:00:00.5"),
        ("2025-01-01T00:00:00", "2025-01-01T00:00:00.000000000001"),
        ("2025-01-01T00:00:00.9", "2025-01-01T00:00:01"),
        ("2025-01-01T08:00+09:00", "2025-01-01T00:00Z"),
    ])
    func ordering(earlier: String, later: String) throws {
        let x = try #require(TimestampParser.parse(earlier)), y = try #require(TimestampParser.parse(later))
        #expect(x < y)
        #expect(!(y < x))
        #expect(x != y)
    }

    @Test("iso8601 shows UTC as YYYY-MM-DDTHH:MM:SSZ, the fraction dropped", arguments: [
        (Int64(0), "1970-01-01T00:00:00Z"),
        (Int64(-1), "1969-12-31T23:59:59Z"),
        (Int64(1_709_164_800 + 3661), "2024-02-29T01:01:01Z"),
        (Int64(951_782_400 + 86_399), "2000-02-29T23:59:59Z"),
        (newYear2025 - 1, "2024-12-31T23:59:59Z"),
    ])
    func iso8601(seconds: Int64, expected: String) {
        #expect(Timestamp(seconds: seconds, fraction: "999").iso8601 == expected)
        #expect(Timestamp(seconds: seconds).day == String(expected.prefix(10)))
    }

    @Test("parsed zones come back in UTC")
    func zoneToUTC() throws {
        let parsed = try #require(TimestampParser.parse("2025-03-01T23:30:15.75-02:00"))
        #expect(parsed.iso8601 == "2025-03-02T01:30:15Z")
    }

    @Test("random dates from 1601 to 2399 parse and print like a brute-force calendar", arguments: [1, 2, 3] as [UInt64])
    func randomRoundTrip(seed: UInt64) throws {
        var rng = TestRandom(seed: seed)
        func pad(_ v: Int, _ width: Int = 2) -> String {
            let digits = String(v)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        for _ in 0..<2000 {
            let year = rng.int(1601...2399), month = rng.int(1...12)
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            let length = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
            let day = rng.int(1...length), hour = rng.int(0...23), minute = rng.int(0...59), second = rng.int(0...59)
            let text = "\(pad(year, 4))-\(pad(month))-\(pad(day))T\(pad(hour)):\(pad(minute)):\(pad(second))Z"
            let parsed = try #require(TimestampParser.parse(text), "\(text)")
            #expect(parsed.seconds == bruteForceEpochSeconds(year, month, day, hour, minute, second), "\(text)")
            #expect(parsed.iso8601 == text)
            // The day after the month's last day does not exist.
            #expect(TimestampParser.parse("\(pad(year, 4))-\(pad(month))-\(pad(length + 1))") == nil)
        }
    }
}
