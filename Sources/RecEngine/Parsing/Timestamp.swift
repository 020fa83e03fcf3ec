/// An instant parsed from an ISO 8601 timestamp, normalised to UTC.
///
/// Two timestamps are equal when they denote the same instant:
/// `2025-01-01T07:00+07:00` equals `2025-01-01T00:00Z`, and `.5` equals `.500`.
public struct Timestamp: Hashable, Comparable, Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// The fractional digits with trailing zeros removed ("" for none). Kept as
    /// digits so a fraction of any length compares exactly.
    public let fraction: String

    public init(seconds: Int64, fraction: String = "") {
        self.seconds = seconds
        self.fraction = fraction
    }

    public static func < (a: Timestamp, b: Timestamp) -> Bool {
        if a.seconds != b.seconds { return a.seconds < b.seconds }
        // Digit strings without trailing zeros order like the fractions they spell.
        return a.fraction.utf8.lexicographicallyPrecedes(b.fraction.utf8)
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` in UTC, the fraction dropped (SPEC §9).
    public var iso8601: String { Timestamp.format(seconds: seconds) }

    /// The UTC year and month (1–12) of `seconds` since 1970.
    public static func yearMonth(seconds: Int64) -> (year: Int64, month: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let (y, m, _) = CivilDate.civil(fromDays: days)
        return (y, m)
    }

    /// `YYYY-MM-DD` in UTC.
    public var day: String { String(Timestamp.format(seconds: seconds).prefix(10)) }

    static func format(seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (y, m, d) = CivilDate.civil(fromDays: days)
        let hh = secondOfDay / 3600, mm = secondOfDay % 3600 / 60, ss = secondOfDay % 60
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
            + pad(hh, 2) + ":" + pad(mm, 2) + ":" + pad(ss, 2) + "Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Days-from-civil conversions (proleptic Gregorian calendar), after
/// Howard Hinnant's `chrono`-compatible date algorithms.
enum CivilDate {
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z: Int64) -> (Int64, Int64, Int64) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
