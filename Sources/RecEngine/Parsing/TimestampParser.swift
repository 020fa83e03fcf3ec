/// Parses the timestamps of SPEC §2: `YYYY-MM-DD`, optionally `T` or a space
/// and `HH:MM[:SS[.fff]]`, optionally `Z` or `±HH:MM` after a time. No zone
/// means UTC. The date must exist; hours 00–23, minutes and seconds 00–59.
/// The instant, in UTC, must fall in the years 0001–9999 (docs/rules.md):
/// `0000-01-01` and `0001-01-01T00:30+01:00` are refused, as they could not
/// be written back as `YYYY-MM-DDTHH:MM:SSZ`.
public enum TimestampParser {
    /// 0001-01-01T00:00:00Z, in seconds since 1970.
    public static let earliestSeconds: Int64 = CivilDate.days(year: 1, month: 1, day: 1) * 86_400
    /// 9999-12-31T23:59:59Z, in seconds since 1970.
    public static let latestSeconds: Int64 = CivilDate.days(year: 10_000, month: 1, day: 1) * 86_400 - 1

    /// - Returns: the instant, or `nil` when the text is not such a timestamp
    ///   or its UTC year is outside 0001–9999.
    /// - Complexity: O(length).
    public static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        instant(s).map { Timestamp(seconds: $0.seconds, fraction: String(decoding: $0.fraction, as: UTF8.self)) }
    }

    /// `parse(_:)` without making a String: the UTC seconds, and the digits
    /// of the fraction of a second with trailing zeros removed (empty for
    /// none), a slice of `s`.
    static func instant(_ s: UnsafeBufferPointer<UInt8>)
        -> (seconds: Int64, fraction: Slice<UnsafeBufferPointer<UInt8>>)? {
        guard let time = parseAnyYear(s), (earliestSeconds...latestSeconds).contains(time.seconds) else { return nil }
        return time
    }

    private static func parseAnyYear(_ s: UnsafeBufferPointer<UInt8>)
        -> (seconds: Int64, fraction: Slice<UnsafeBufferPointer<UInt8>>)? {
        var cursor = Cursor(s)
        guard let year = cursor.digits(4), cursor.take(0x2D),
              let month = cursor.digits(2), cursor.take(0x2D),
              let day = cursor.digits(2),
              (1...12).contains(month), day >= 1,
              day <= CivilDate.daysInMonth(year: year, month: month)
        else { return nil }
        var seconds = CivilDate.days(year: year, month: month, day: day) * 86_400
        var fraction = s[0..<0]
        if cursor.atEnd { return (seconds, fraction) }
        guard cursor.take(0x54) || cursor.take(0x20),
              let hour = cursor.digits(2), hour <= 23, cursor.take(0x3A),
              let minute = cursor.digits(2), minute <= 59
        else { return nil }
        seconds += hour * 3600 + minute * 60
        if cursor.take(0x3A) {
            guard let second = cursor.digits(2), second <= 59 else { return nil }
            seconds += second
            if cursor.take(0x2E) {
                guard let digits = cursor.digitRun(), !digits.isEmpty else { return nil }
                var end = digits.endIndex
                while end > digits.startIndex, digits[end - 1] == 0x30 { end -= 1 }
                fraction = s[digits.startIndex..<end]
            }
        }
        if cursor.atEnd { return (seconds, fraction) }
        if cursor.take(0x5A) {
            return cursor.atEnd ? (seconds, fraction) : nil
        }
        let sign: Int64
        if cursor.take(0x2B) { sign = 1 } else if cursor.take(0x2D) { sign = -1 } else { return nil }
        guard let offsetHours = cursor.digits(2), offsetHours <= 23, cursor.take(0x3A),
              let offsetMinutes = cursor.digits(2), offsetMinutes <= 59, cursor.atEnd
        else { return nil }
        seconds -= sign * (offsetHours * 3600 + offsetMinutes * 60)
        return (seconds, fraction)
    }

    public static func parse(_ text: String) -> Timestamp? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    private struct Cursor {
        let s: UnsafeBufferPointer<UInt8>
        var i = 0
        init(_ s: UnsafeBufferPointer<UInt8>) { self.s = s }

        var atEnd: Bool { i == s.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard i < s.count, s[i] == byte else { return false }
            i += 1
            return true
        }

        mutating func digits(_ count: Int) -> Int64? {
            guard i + count <= s.count else { return nil }
            var value: Int64 = 0
            for j in i..<(i + count) {
                guard DecimalNumber.isDigit(s[j]) else { return nil }
                value = value * 10 + Int64(s[j] - 0x30)
            }
            i += count
            return value
        }

        mutating func digitRun() -> Slice<UnsafeBufferPointer<UInt8>>? {
            let start = i
            while i < s.count, DecimalNumber.isDigit(s[i]) { i += 1 }
            return s[start..<i]
        }
    }
}
