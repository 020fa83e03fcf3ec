#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// SPEC §8 number display. Doubles are rounded correctly from their binary
/// value (C's `%.*f`), so "2.675" shows as 2.67 or 2.68 exactly as Python would.
public enum NumberFormat {
    /// Interaction and popularity scores: 2 decimals.
    public static func interaction(_ value: Double) -> String { fixed(value, 2) }
    /// Recommendation scores and contributions: 4 decimals.
    public static func score(_ value: Double) -> String { fixed(value, 4) }
    /// Similarities: 4 decimals.
    public static func similarity(_ value: Double) -> String { fixed(value, 4) }
    /// A fraction shown as a percent with 1 decimal and a `%` sign.
    public static func percent(_ fraction: Double) -> String { fixed(fraction * 100, 1) + "%" }
    /// `+1.5%` / `−1.5%`: a relative difference with its sign.
    public static func signedPercent(_ fraction: Double) -> String {
        (fraction < 0 ? "−" : "+") + percent(abs(fraction))
    }

    /// Full precision: the shortest text that reads back as the same double.
    public static func exact(_ value: Double) -> String {
        // `description` is the text interpolation writes, without the
        // TextOutputStream round trip (4% of a build through the CSV exports).
        value == 0 ? "0.0" : value.description
    }

    /// `value` with `decimals` digits after the point; never `-0.00`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
        if let text = exactFixed(value, decimals) { return text }
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([Int32(decimals), value]) { vsnprintf(&buffer, 64, "%.*f", $0) }
        var text = written > 0 && written < 64
            ? String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : String(value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        return text
    }

    /// `fixed` without C varargs, whose boxing made it the costliest call of
    /// a site build: the double's exact binary value `m / 2^shift`, times
    /// 10^decimals, divided in 128-bit integers and rounded half to even,
    /// as `%.*f` rounds. Only for 0…4 decimals and magnitudes below 1e14,
    /// where the quotient fits 64 bits; nil elsewhere.
    static func exactFixed(_ value: Double, _ decimals: Int) -> String? {
        guard value.isFinite, (0...4).contains(decimals), value.magnitude < 1e14 else { return nil }
        let exponentBits = Int(value.exponentBitPattern)
        let significand = exponentBits == 0 ? value.significandBitPattern : value.significandBitPattern | 1 << 52
        let shift = exponentBits == 0 ? 1074 : 1075 - exponentBits  // ≥ 7 below 1e14
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let (high, low) = significand.multipliedFullWidth(by: scale)  // below 2^67
        var quotient: UInt64 = 0
        var roundUp = false  // with shift ≥ 128 the product is far below half of 2^shift
        if shift < 64 {
            let s = UInt64(shift)
            quotient = low >> s | high << (64 - s)
            let remainder = low & (1 << s - 1), half: UInt64 = 1 << (s - 1)
            roundUp = remainder > half || (remainder == half && quotient & 1 == 1)
        } else if shift == 64 {
            quotient = high
            roundUp = low > 1 << 63 || (low == 1 << 63 && quotient & 1 == 1)
        } else if shift < 128 {
            let s = UInt64(shift - 64)
            quotient = high >> s
            let remainder = high & (1 << s - 1), half: UInt64 = 1 << (s - 1)
            roundUp = remainder > half || (remainder == half && (low > 0 || quotient & 1 == 1))
        }
        if roundUp { quotient += 1 }
        return text(quotient, decimals: decimals, negative: value < 0 && quotient > 0)
    }

    /// `quotient / 10^decimals` as text with exactly `decimals` decimals,
    /// written right to left into one buffer (building it as a String and
    /// inserting the point cost more than the arithmetic).
    private static func text(_ quotient: UInt64, decimals: Int, negative: Bool) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
            var position = buffer.count, rest = quotient
            for _ in 0..<decimals {
                position -= 1
                buffer[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            }
            if decimals > 0 {
                position -= 1
                buffer[position] = UInt8(ascii: ".")
            }
            repeat {
                position -= 1
                buffer[position] = 0x30 + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            if negative {
                position -= 1
                buffer[position] = UInt8(ascii: "-")
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[position...]), as: UTF8.self)
        }
    }
}
