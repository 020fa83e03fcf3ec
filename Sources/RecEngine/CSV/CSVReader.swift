/// A byte-level RFC 4180 reader: quoted fields may hold commas, doubled quotes
/// and line breaks; LF, CRLF and a lone CR (old Mac files) each end a line;
/// empty lines are skipped.
///
/// A quote opens a quoted field only as the field's first byte; anywhere else
/// it is literal text, and text after a closing quote is appended as it is
/// (the behaviour of Python's `csv` module). A quoted field still open at the
/// end of the file marks the record `unterminatedQuote`.
///
/// Each byte is read once: the record's line ends, whether it is ASCII and
/// whether a quoted field ran past the end are noted while it is split
/// into fields, and only a record with a byte ≥ 0x80 is checked again for
/// valid UTF-8.
public struct CSVReader {
    private let bytes: FileContents
    private var position: Int
    /// Where this reader stops: the file's end, or the end of its part (`parts(_:)`).
    private let end: Int
    /// The line the next record starts on (a part after the first counts from 1).
    public private(set) var nextLine = 1
    /// Whether a quoted field was still open where this reader stopped.
    public private(set) var endedInsideQuote = false

    /// Creates a reader over a file's bytes; a UTF-8 byte order mark is skipped.
    public init(bytes: [UInt8]) {
        self.init(contents: FileContents(bytes))
    }

    /// Creates a reader over a file's contents, read or mapped; a UTF-8 byte order mark is skipped.
    public init(contents: FileContents) {
        bytes = contents
        position = contents.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        end = contents.count
    }

    private init(bytes: FileContents, position: Int, end: Int, line: Int) {
        (self.bytes, self.position, self.end, nextLine) = (bytes, position, end, line)
    }

    /// The rest of the file as up to `count` readers over consecutive parts,
    /// each starting after a line end, so the parts can be read at once on
    /// several cores and their rows put back in file order. The first part
    /// goes on with this reader's line numbers; each later one numbers its
    /// first line 1, and its lines become the file's by adding the lines
    /// the parts before it passed (`nextLine` - 1 of each, after reading).
    ///
    /// A cut goes after the next LF, CRLF or lone CR, never between a CR and
    /// its LF. A cut inside a quoted field that spans lines is found while
    /// reading: the part before it ends `endedInsideQuote`, and the file
    /// must then be read whole.
    /// - Complexity: O(count + the bytes from each cut to the next line end).
    public func parts(_ count: Int) -> [CSVReader] {
        let remaining = end - position
        guard count > 1, remaining > 1 << 20 else { return [self] }
        return bytes.withUnsafeBufferPointer { all -> [CSVReader] in
            var parts: [CSVReader] = []
            var start = position
            for part in 1..<count {
                var cut = position + remaining * part / count
                guard cut > start else { continue }
                while cut < end, all[cut] != lf, all[cut] != cr { cut += 1 }
                guard cut < end else { break }
                cut += all[cut] == cr && cut + 1 < end && all[cut + 1] == lf ? 2 : 1
                parts.append(CSVReader(bytes: bytes, position: start, end: cut, line: parts.isEmpty ? nextLine : 1))
                start = cut
            }
            parts.append(CSVReader(bytes: bytes, position: start, end: end, line: parts.isEmpty ? nextLine : 1))
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
            Self.read(bytes, from: self.position, to: end, line: nextLine, into: &record)
        }
        (self.position, nextLine) = (position, line)
        if record.unterminatedQuote { endedInsideQuote = true }
        return found
    }

    /// Reads every remaining record into `record` in turn and calls `body`
    /// with it. The file's bytes stay borrowed for the whole loop: borrowing
    /// them once a record retained and released the array shared by every
    /// part's reader, two atomic operations on one cache line per row from
    /// each core.
    public mutating func forEach(into record: inout CSVRecord, _ body: (CSVRecord) -> Void) {
        var position = self.position, line = nextLine, insideQuote = false
        bytes.withUnsafeBufferPointer { bytes in
            while true {
                let found: Bool
                (found, position, line) = Self.read(bytes, from: position, to: end, line: line, into: &record,
                                                    inPlace: true)
                guard found else { break }
                if record.unterminatedQuote { insideQuote = true }
                body(record)
            }
        }
        record.reset(line: line, rawStart: position)  // no pointer into the bytes outlives the loop
        (self.position, nextLine) = (position, line)
        if insideQuote { endedInsideQuote = true }
    }

    /// `next(into:)` over the file's bytes: unquoted runs are found by a
    /// scan and copied whole, as byte-by-byte appends dominated profiles.
    /// With `inPlace` (only while the caller holds `bytes`), a record with no
    /// quoted field is not copied at all: the record keeps where its fields
    /// end, and a quote sends the record back to be read again by copying.
    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to n: Int, line firstLine: Int,
                             into record: inout CSVRecord,
                             inPlace: Bool = false) -> (found: Bool, position: Int, line: Int) {
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
        if inPlace { record.inPlace = bytes.baseAddress! + position }
        var i = position
        // Every byte of the record OR-ed together: below 0x80, it is ASCII.
        var bits: UInt8 = 0
        fields: while true {
            if i < n, bytes[i] == quote {
                if inPlace { return read(bytes, from: start, to: n, line: firstLine, into: &record) }
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
                        bits |= b
                        record.append(b); i += 1
                    }
                }
                if !closed { record.unterminatedQuote = true }
            }
            let run = i
            while i < n {
                let b = bytes[i]
                if b == comma || b == lf || b == cr { break }
                bits |= b
                i += 1
            }
            if inPlace {
                record.endField(at: i - position)
            } else {
                record.append(UnsafeBufferPointer(rebasing: bytes[run..<i]))
                record.endField()
            }
            if i < n, bytes[i] == comma {
                i += 1
                continue fields
            }
            record.rawEnd = i
            record.isValidUTF8 = bits < 0x80 || Self.isValidUTF8(bytes, position..<i)
            if i < n {
                i += bytes[i] == cr && i + 1 < n && bytes[i + 1] == lf ? 2 : 1
                line += 1
            }
            break
        }
        return (true, i, line)
    }

    /// Whether `bytes[range]` is valid UTF-8 (for records with a byte ≥ 0x80).
    private static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        var iterator = UnsafeBufferPointer(rebasing: bytes[range]).makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// The raw text of a record as it stood in the file (without its line end),
    /// with invalid UTF-8 replaced by U+FFFD.
    public func rawText(of record: CSVRecord) -> String {
        rawText(of: record.rawStart..<record.rawEnd)
    }

    /// Lets a mapped file's pages leave the process (`FileContents.releaseResidentPages`).
    func releaseResidentBytes() { bytes.releaseResidentPages() }

    /// The text at `range` of the file, with invalid UTF-8 replaced by U+FFFD.
    func rawText(of range: Range<Int>) -> String {
        bytes.text(range)
    }
}

private let lf: UInt8 = 0x0A
private let cr: UInt8 = 0x0D
private let quote: UInt8 = 0x22
private let comma: UInt8 = 0x2C
