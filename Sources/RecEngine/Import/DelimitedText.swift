/// The plain delimited text of data sets such as MovieLens: one record per
/// line, fields split at one separator byte, no quoting.
///
/// A file that is valid UTF-8 (plain ASCII included) is read as UTF-8; any
/// other file as Latin-1 (byte value = code point), the encoding of the
/// original MovieLens 100k `u.item`, whose accented titles are single bytes.
struct DelimitedText {
    let bytes: [UInt8]
    let separator: UInt8
    let isUTF8: Bool

    init(_ bytes: [UInt8], separator: UInt8) {
        self.bytes = bytes
        self.separator = separator
        isUTF8 = String(validating: bytes, as: UTF8.self) != nil
    }

    /// Calls `body` for every line that holds at least one byte (a trailing
    /// CR is dropped first), with its 1-based physical line number and its fields.
    /// - Complexity: O(bytes).
    func forEachLine(_ body: (Int, [ArraySlice<UInt8>]) throws -> Void) rethrows {
        var line = 0
        var start = 0
        while start < bytes.count {
            line += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var content = bytes[start..<end]
            if content.last == 0x0D { content = content.dropLast() }
            if !content.isEmpty {
                try body(line, content.split(separator: separator, omittingEmptySubsequences: false))
            }
            start = end + 1
        }
    }

    /// The field as text in the file's encoding, ASCII spaces and tabs trimmed.
    func text(_ field: ArraySlice<UInt8>) -> String {
        let field = Self.trimmed(field)
        if isUTF8 { return String(decoding: field, as: UTF8.self) }
        return String(String.UnicodeScalarView(field.map { Unicode.Scalar($0) }))
    }

    /// A whole number written as ASCII digits only (at most 18 of them), after trimming.
    static func wholeNumber(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = trimmed(field)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private static func trimmed(_ field: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var field = field
        while let first = field.first, first == 0x20 || first == 0x09 { field = field.dropFirst() }
        while let last = field.last, last == 0x20 || last == 0x09 { field = field.dropLast() }
        return field
    }
}
