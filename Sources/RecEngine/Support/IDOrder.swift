#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The "ID order" of SPEC §7: a prefix compared by code points, then a trailing
/// run of ASCII digits compared as an integer, then the whole ID.
///
/// `u2 < u10 < v1`; an ID without trailing digits sorts before one with digits
/// under the same prefix. Comparison is on UTF-8 bytes, whose order equals
/// Unicode code point order (Swift's `String <` compares canonically instead).
public enum IDOrder {
    /// Whether `a` comes strictly before `b`.
    /// - Complexity: O(length of the IDs).
    public static func less(_ a: String, _ b: String) -> Bool {
        compare(a, b) < 0
    }

    /// Three-way comparison: negative, zero or positive.
    public static func compare(_ a: String, _ b: String) -> Int {
        var a = a, b = b
        return a.withUTF8 { ua in b.withUTF8 { ub in compare(bytes: ua, ub) } }
    }

    static func compare(bytes a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let da = trailingDigitsStart(a), db = trailingDigitsStart(b)
        let prefix = lexicographic(a, 0..<da, b, 0..<db)
        if prefix != 0 { return prefix }
        let hasA = da < a.count, hasB = db < b.count
        if hasA != hasB { return hasA ? 1 : -1 }
        if hasA {
            let numeric = compareDigitRuns(a, da..<a.count, b, db..<b.count)
            if numeric != 0 { return numeric }
        }
        return lexicographic(a, 0..<a.count, b, 0..<b.count)
    }

    private static func trailingDigitsStart(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        var i = s.count
        while i > 0, s[i - 1] >= 0x30, s[i - 1] <= 0x39 { i -= 1 }
        return i
    }

    /// Compares two runs of ASCII digits as integers of any length.
    private static func compareDigitRuns(
        _ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>,
        _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>
    ) -> Int {
        var ia = ra.lowerBound, ib = rb.lowerBound
        while ia < ra.upperBound - 1, a[ia] == 0x30 { ia += 1 }
        while ib < rb.upperBound - 1, b[ib] == 0x30 { ib += 1 }
        let la = ra.upperBound - ia, lb = rb.upperBound - ib
        if la != lb { return la < lb ? -1 : 1 }
        return lexicographic(a, ia..<ra.upperBound, b, ib..<rb.upperBound)
    }

    private static func lexicographic(
        _ a: UnsafeBufferPointer<UInt8>, _ ra: Range<Int>,
        _ b: UnsafeBufferPointer<UInt8>, _ rb: Range<Int>
    ) -> Int {
        var ia = ra.lowerBound, ib = rb.lowerBound
        while ia < ra.upperBound, ib < rb.upperBound {
            if a[ia] != b[ib] { return a[ia] < b[ib] ? -1 : 1 }
            ia += 1; ib += 1
        }
        let la = ra.count, lb = rb.count
        return la == lb ? 0 : (la < lb ? -1 : 1)
    }
}

/// Compares strings by Unicode code points (UTF-8 byte order), not canonically.
/// Native strings are compared with `memcmp`: sorting a 100k-user site's
/// 900k paths element by element through `UTF8View` took seconds.
public func codePointLess(_ a: String, _ b: String) -> Bool {
    let fast = a.utf8.withContiguousStorageIfAvailable { ua in
        b.utf8.withContiguousStorageIfAvailable { ub in
            let common = min(ua.count, ub.count)
            let order = common == 0 ? 0 : memcmp(ua.baseAddress!, ub.baseAddress!, common)
            return order != 0 ? order < 0 : ua.count < ub.count
        }
    }
    return (fast ?? nil) ?? a.utf8.lexicographicallyPrecedes(b.utf8)
}
