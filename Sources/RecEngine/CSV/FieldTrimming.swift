/// Trimming of CSV fields. White space is what Python's `str.strip()` removes
/// (ASCII white space, U+001C–U+001F, U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000), so a field means the same here as
/// in the pandas tool recsite replaces.
enum FieldTrimming {
    /// Trims ASCII white space on the bytes; falls back to a scalar-level trim
    /// only when a non-ASCII byte sits at either end.
    static func trimmed(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = field.count
        while lo < hi, isASCIISpace(field[lo]) { lo += 1 }
        while hi > lo, isASCIISpace(field[hi - 1]) { hi -= 1 }
        if lo < hi, field[lo] >= 0x80 || field[hi - 1] >= 0x80 {
            return trimUnicode(UnsafeBufferPointer(rebasing: field[lo..<hi]))
        }
        return UnsafeBufferPointer(rebasing: field[lo..<hi])
    }

    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    @inline(__always)
    static func isASCIISpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A,
             0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// Trims white-space scalars, decoding UTF-8 at the edges only.
    private static func trimUnicode(_ field: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lo = 0, hi = field.count
        while lo < hi, let (scalar, length) = decode(field, at: lo), isSpace(scalar) { lo += length }
        while hi > lo, let (scalar, start) = decodeBackward(field, endingAt: hi), start >= lo, isSpace(scalar) {
            hi = start
        }
        return UnsafeBufferPointer(rebasing: field[lo..<hi])
    }

    private static func decode(_ s: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        var iterator = s[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return nil
    }

    private static func decodeBackward(_ s: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (Unicode.Scalar, Int)? {
        var start = end - 1
        while start > 0, s[start] & 0xC0 == 0x80, end - start < 4 { start -= 1 }
        guard let (scalar, length) = decode(s, at: start), start + length == end else { return nil }
        return (scalar, start)
    }
}
