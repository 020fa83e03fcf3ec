#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A byte-level RFC 4180 reader: quoted fields may hold commas, doubled quotes
/// and line breaks; LF, CRLF and a lone CR (old Mac files) each end a line;
/// empty lines are skipped.
///
/// A quote opens a quoted field only as the field's first byte; anywhere else
/// it is literal text, and text after a closing quote is appended as it is
/// (the behaviour of Python's `csv` module). A quoted field still open at the
/// end of the file marks the record `unterminatedQuote`.
public struct CSVReader {
    private let bytes: [UInt8]
    private var position: Int
    /// Where this reader stops: the file's end, or the end of its part (`parts(_:)`).
    private let end: Int
    private var line = 1

    /// Creates a reader over a file's bytes; a UTF-8 byte order mark is skipped.
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        end = bytes.count
    }

    private init(bytes: [UInt8], position: Int, end: Int, line: Int) {
        (self.bytes, self.position, self.end, self.line) = (bytes, position, end, line)
    }

    /// The rest of the file as up to `count` readers over consecutive parts,
    /// each starting on a new line with its line number, so the parts can be
    /// read at once on several cores and their rows put back in file order.
    /// A file holding a quote anywhere gives one part: a quoted field may span
    /// lines, and only reading from the start tells where its lines end. A cut
    /// goes after the next LF, CRLF or lone CR, never between a CR and its LF.
    /// - Complexity: O(remaining bytes), one scan.
    public func parts(_ count: Int) -> [CSVReader] {
        let remaining = end - position
        guard count > 1, remaining > 1 << 20 else { return [self] }
        return bytes.withUnsafeBufferPointer { all -> [CSVReader] in
            let rest = UnsafeBufferPointer(rebasing: all[position..<end])
            guard memchr(rest.baseAddress!, Int32(quote), rest.count) == nil else { return [self] }
            var parts: [CSVReader] = []
            var start = position, startLine = line
            for part in 1..<count {
                var cut = position + remaining * part / count
                guard cut > start else { continue }
                while cut < end, all[cut] != lf, all[cut] != cr { cut += 1 }
                guard cut < end else { break }
                cut += all[cut] == cr && cut + 1 < end && all[cut + 1] == lf ? 2 : 1
                parts.append(CSVReader(bytes: bytes, position: start, end: cut, line: startLine))
                var lines = 0
                for index in start..<cut where Self.endsLine(all, index, end) { lines += 1 }
                (start, startLine) = (cut, startLine + lines)
            }
            parts.append(CSVReader(bytes: bytes, position: start, end: end, line: startLine))
            return parts
        }
    }

    /// Whether the byte at `index` ends a physical line: an LF, or a CR not
    /// followed by an LF (a CRLF counts once, at its LF).
    @inline(__always)
    private static func endsLine(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ n: Int) -> Bool {
        bytes[index] == lf || (bytes[index] == cr && (index + 1 == n || bytes[index + 1] != lf))
    }

    /// Reads the next record into `record`, reusing its storage.
    /// - Returns: `false` at the end of the file.
    /// - Complexity: O(length of the record).
    public mutating func next(into record: inout CSVRecord) -> Bool {
        let (found, position, line) = bytes.withUnsafeBufferPointer { bytes in
            Self.read(bytes, from: self.position, to: end, line: self.line, into: &record)
        }
        (self.position, self.line) = (position, line)
        return found
    }

    /// `next(into:)` over the file's bytes: unquoted runs are found by a
    /// scan and copied whole, as byte-by-byte appends dominated profiles.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to n: Int, line firstLine: Int,
                             into record: inout CSVRecord) -> (found: Bool, position: Int, line: Int) {
        var position = start, line = firstLine
        // Skip empty lines: nothing at all between two line ends.
        while position < n {
            if bytes[position] == lf {
                position += 1; line += 1
            } else if bytes[position] == cr {
                position += position + 1 < n && bytes[position + 1] == lf ? 2 : 1
                line += 1
            } else {
                break
            }
        }
        guard position < n else { return (false, position, line) }
        record.reset(line: line, rawStart: position)
        var i = position
        fields: while true {
            if i < n, bytes[i] == quote {
                i += 1
                var closed = false
                while i < n {
                    let b = bytes[i]
                    if b == quote {
                        if i + 1 < n, bytes[i + 1] == quote {
                            record.append(quote); i += 2
                        } else {
                            i += 1; closed = true
                            break
                        }
                    } else {
                        if Self.endsLine(bytes, i, n) { line += 1 }
                        record.append(b); i += 1
                    }
                }
                if !closed { record.unterminatedQuote = true }
            }
            let run = i
            while i < n {
                let b = bytes[i]
                if b == comma || b == lf || b == cr { break }
                i += 1
            }
            record.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
            record.endField()
            if i < n, bytes[i] == comma {
                i += 1
                continue fields
            }
            record.rawEnd = i
            if i < n {
                i += bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf ? 2 : 1
                line += 1
            }
            break
        }
        return (true, i, line)
    }

    /// Whether the whole file is valid UTF-8 (a quick ASCII scan first; most
    /// files never need the decoder).
    public var isValidUTF8: Bool { Self.isValidUTF8(bytes[...]) }

    /// Whether a record's bytes, as they stood in the file, are valid UTF-8.
    public func isValidUTF8(_ record: CSVRecord) -> Bool {
        Self.isValidUTF8(bytes[record.rawStart..<record.rawEnd])
    }

    /// Whether the bytes at `range` of the file are valid UTF-8.
    func isValidUTF8(_ range: Range<Int>) -> Bool { Self.isValidUTF8(bytes[range]) }

    static func isValidUTF8(_ slice: ArraySlice<UInt8>) -> Bool {
        guard let firstHigh = firstNonASCII(slice) else { return true }
        var iterator = slice[firstHigh...].makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The index of the first byte ≥ 0x80, eight bytes at a time.
    private static func firstNonASCII(_ slice: ArraySlice<UInt8>) -> Int? {
        slice.withUnsafeBytes { raw -> Int? in
            var offset = 0
            while offset + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { break }
                offset += 8
            }
            while offset < raw.count, raw[offset] < 0x80 { offset += 1 }
            return offset < raw.count ? slice.startIndex + offset : nil
        }
    }

    /// The raw text of a record as it stood in the file (without its line end),
    /// with invalid UTF-8 replaced by U+FFFD.
    public func rawText(of record: CSVRecord) -> String {
        rawText(of: record.rawStart..<record.rawEnd)
    }

    /// The text at `range` of the file, with invalid UTF-8 replaced by U+FFFD.
    func rawText(of range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}

private let lf: UInt8 = 0x0A
private let cr: UInt8 = 0x0D
private let quote: UInt8 = 0x22
private let comma: UInt8 = 0x2C
