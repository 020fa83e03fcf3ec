#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses the finite decimal numbers of SPEC §2:
/// `[+-]?(digits[.digits?] | .digits)([eE][+-]?digits)?`.
/// `inf`, `nan`, hex and values that overflow to infinity are rejected; `-0` is 0.
public enum DecimalNumber {
    /// - Returns: the value, or `nil` when the bytes are not such a number.
    /// - Complexity: O(length).
    public static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        guard matchesGrammar(s) else { return nil }
        if let exact = clingerFastPath(s) { return exact }
        // strtod needs a NUL-terminated copy; a stack buffer avoids a heap
        // allocation per value on million-row files.
        let value = withUnsafeTemporaryAllocation(of: CChar.self, capacity: s.count + 1) { buffer in
            for i in 0..<s.count { buffer[i] = CChar(bitPattern: s[i]) }
            buffer[s.count] = 0
            return strtod(buffer.baseAddress!, nil)
        }
        return finite(value)
    }

    /// Parses a string; convenient for tests and configuration.
    public static func parse(_ text: String) -> Double? {
        var text = text
        return text.withUTF8 { parse($0) }
    }

    /// Exactly-representable powers of ten (10²² is the last).
    private static let powersOfTen: [Double] = (0...22).map { exponent in
        (0..<exponent).reduce(1.0) { value, _ in value * 10 }
    }

    /// `digits[.digits]` with at most 15 significant digits, computed as
    /// mantissa ÷ 10^fraction digits: both are exact doubles and IEEE
    /// division rounds correctly, so this is strtod's value (Clinger's fast
    /// path) without the NUL-terminated copy. Anything else returns nil.
    private static func clingerFastPath(_ s: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if i < s.count, s[i] == 0x2B || s[i] == 0x2D { negative = s[i] == 0x2D; i += 1 }
        var mantissa: Int64 = 0
        var digits = 0, fractionDigits = 0, inFraction = false
        while i < s.count {
            let b = s[i]
            if isDigit(b) {
                mantissa = mantissa * 10 + Int64(b - 0x30)
                digits += 1
                if inFraction { fractionDigits += 1 }
                guard digits <= 15 else { return nil }
            } else if b == 0x2E, !inFraction {
                inFraction = true
            } else {
                return nil  // an exponent: left to strtod
            }
            i += 1
        }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return finite(negative ? -magnitude : magnitude)
    }

    private static func finite(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        return value == 0 ? 0 : value
    }

    static func matchesGrammar(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = s.count
        if i < n, s[i] == 0x2B || s[i] == 0x2D { i += 1 }
        let intStart = i
        while i < n, isDigit(s[i]) { i += 1 }
        let intDigits = i - intStart
        var fracDigits = 0
        if i < n, s[i] == 0x2E {
            i += 1
            let fracStart = i
            while i < n, isDigit(s[i]) { i += 1 }
            fracDigits = i - fracStart
        }
        guard intDigits > 0 || fracDigits > 0 else { return false }
        if i < n, s[i] == 0x65 || s[i] == 0x45 {
            i += 1
            if i < n, s[i] == 0x2B || s[i] == 0x2D { i += 1 }
            let expStart = i
            while i < n, isDigit(s[i]) { i += 1 }
            guard i > expStart else { return false }
        }
        return i == n
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}

/// Parses the ages of SPEC §2: an integer `[+-]?[0-9]+` in 0…120.
public enum AgeValue {
    /// - Returns: the age, or `nil` when it is not such an integer.
    public static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if i < s.count, s[i] == 0x2B || s[i] == 0x2D { negative = s[i] == 0x2D; i += 1 }
        guard i < s.count else { return nil }
        var value = 0
        while i < s.count {
            guard DecimalNumber.isDigit(s[i]) else { return nil }
            value = value * 10 + Int(s[i] - 0x30)
            if value > 120 { value = 121 }  // out of range either way; avoids overflow
            i += 1
        }
        if negative { return value == 0 ? 0 : nil }
        return value <= 120 ? value : nil
    }
}
