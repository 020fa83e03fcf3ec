/// Appends CSV text to a byte buffer without building a `String` per row:
/// numbers are formatted digit by digit, fields are quoted only when RFC 4180
/// requires it.
struct CSVByteWriter {
    private(set) var bytes: [UInt8]

    init(capacity: Int) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always) mutating func byte(_ b: UInt8) { bytes.append(b) }
    @inline(__always) mutating func comma() { bytes.append(0x2C) }
    @inline(__always) mutating func newline() { bytes.append(0x0A) }

    /// Appends bytes exactly as given (already encoded fields, raw dirty text).
    @inline(__always) mutating func raw<C: Collection>(_ b: C) where C.Element == UInt8 {
        bytes.append(contentsOf: b)
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// Appends a field, quoted when it holds a comma, quote or line break or
    /// starts with a quote.
    mutating func field(_ text: String) {
        CSVByteWriter.encodeField(text, into: &bytes)
    }

    /// Appends a header or row of fields followed by a line end.
    mutating func row(_ fields: [String]) {
        for (index, text) in fields.enumerated() {
            if index > 0 { comma() }
            field(text)
        }
        newline()
    }

    static func encodeField(_ text: String, into bytes: inout [UInt8]) {
        let utf8 = text.utf8
        let needsQuotes = utf8.first == 0x22 || utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else { bytes.append(contentsOf: utf8); return }
        bytes.append(0x22)
        for b in utf8 {
            if b == 0x22 { bytes.append(0x22) }
            bytes.append(b)
        }
        bytes.append(0x22)
    }

    /// Appends a non-negative integer in decimal.
    @inline(__always) mutating func int(_ value: Int) {
        if value < 10 { bytes.append(0x30 &+ UInt8(truncatingIfNeeded: value)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            }
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }

    /// Appends a non-negative integer left-padded with zeros to `width` digits.
    @inline(__always) mutating func padded(_ value: Int, width: Int) {
        var limit = 10
        for _ in 1..<width {
            if value < limit { bytes.append(0x30) }
            limit *= 10
        }
        int(value)
    }

    /// Appends tenths as a decimal: `1234` → `123.4`, `1230` → `123`.
    @inline(__always) mutating func tenths(_ value: Int) {
        int(value / 10)
        let tenth = value % 10
        if tenth != 0 {
            bytes.append(0x2E)
            bytes.append(0x30 &+ UInt8(truncatingIfNeeded: tenth))
        }
    }
}

/// Many short fields encoded once and stored back to back, so the hot event
/// loop appends a user's or item's ID with one copy.
struct EncodedFields {
    private var storage: [UInt8] = []
    private var ends: [Int] = []

    init<S: Sequence>(_ texts: S) where S.Element == String {
        for text in texts {
            CSVByteWriter.encodeField(text, into: &storage)
            ends.append(storage.count)
        }
    }

    @inline(__always) subscript(index: Int) -> ArraySlice<UInt8> {
        storage[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
