/// The ISO 8601 spellings the generator writes; all valid under SPEC §2.
enum TimestampForm: UInt8 {
    /// `2025-03-04T10:00:00Z`
    case utc
    /// `2025-03-04 17:00:00+07:00`, in the viewer's local zone.
    case localSpace
    /// `2025-03-04T17:00:00+07:00`
    case localT
    /// `2025-03-04T10:00:00` (no zone means UTC)
    case naive
    /// `2025-03-04T10:00Z`; written only when seconds and fraction are zero.
    case minutes
}

/// Writes instants (UTC milliseconds since 1970) as timestamp text.
enum SynthTimestamp {
    /// 2025-01-01T00:00:00Z in milliseconds.
    static let yearStart = CivilDate.days(year: 2025, month: 1, day: 1) * 86_400_000
    /// The last instant generated: local times up to UTC+09:00 stay in 2025.
    static let yearEnd = CivilDate.days(year: 2025, month: 12, day: 31) * 86_400_000 + 14 * 3_600_000

    /// Appends `ms` in `form`; the fraction is written (3 digits, or
    /// `paddedFraction` digits) whenever the instant has one.
    /// - Parameters:
    ///   - zoneMinutes: the offset used by the local forms (e.g. 420 for +07:00).
    static func write(
        _ ms: Int64, form: TimestampForm, zoneMinutes: Int,
        paddedFraction: Int = 3, into out: inout CSVByteWriter
    ) {
        let millis = Int(ms % 1000)
        let local = form == .localSpace || form == .localT
        let shifted = ms / 1000 + (local ? Int64(zoneMinutes) * 60 : 0)
        let days = shifted / 86_400
        let secondOfDay = Int(shifted - days * 86_400)
        let (y, m, d) = CivilDate.civil(fromDays: days)
        out.padded(Int(y), width: 4); out.byte(0x2D)
        out.padded(Int(m), width: 2); out.byte(0x2D)
        out.padded(Int(d), width: 2)
        out.byte(form == .localSpace ? 0x20 : 0x54)
        out.padded(secondOfDay / 3600, width: 2); out.byte(0x3A)
        out.padded(secondOfDay % 3600 / 60, width: 2)
        let second = secondOfDay % 60
        if form == .minutes, second == 0, millis == 0 { out.byte(0x5A); return }
        out.byte(0x3A)
        out.padded(second, width: 2)
        if millis != 0 {
            out.byte(0x2E)
            out.padded(millis, width: 3)
            for _ in 3..<max(3, paddedFraction) { out.byte(0x30) }
        }
        switch form {
        case .utc, .minutes: out.byte(0x5A)
        case .naive: break
        case .localSpace, .localT:
            out.byte(zoneMinutes < 0 ? 0x2D : 0x2B)
            out.padded(abs(zoneMinutes) / 60, width: 2); out.byte(0x3A)
            out.padded(abs(zoneMinutes) % 60, width: 2)
        }
    }

    /// The text of one instant, for the few rows built as strings.
    static func text(_ ms: Int64, form: TimestampForm, zoneMinutes: Int, paddedFraction: Int = 3) -> String {
        var out = CSVByteWriter(capacity: 40)
        write(ms, form: form, zoneMinutes: zoneMinutes, paddedFraction: paddedFraction, into: &out)
        return String(decoding: out.bytes, as: UTF8.self)
    }
}
