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

    /// Full precision: the shortest text that reads back as the same double.
    public static func exact(_ value: Double) -> String {
        value == 0 ? "0.0" : "\(value)"
    }

    /// `value` with `decimals` digits after the point; never `-0.00`.
    public static func fixed(_ value: Double, _ decimals: Int) -> String {
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
}
