/// One record of a CSV file: its unquoted field bytes and where it stood.
///
/// Storage is reused between records, so reading a large file allocates
/// almost nothing per row.
public struct CSVRecord {
    /// The 1-based physical line the record starts on.
    public private(set) var line = 0
    /// Whether a quoted field was still open at the end of the file.
    public internal(set) var unterminatedQuote = false
    /// Whether the record's bytes, as they stood in the file, are valid UTF-8.
    public internal(set) var isValidUTF8 = true
    var rawStart = 0
    var rawEnd = 0
    // The arrays only grow; `used` and `fieldCount` say how much of them is
    // this record (emptying an array per row showed up in profiles).
    private var storage: [UInt8] = []
    private var used = 0
    private var ends: [Int] = []
    private var fieldCount = 0
    /// The record's first byte in the file, while `CSVReader.forEach` holds
    /// the file's bytes and the record has no quoted field: its fields are
    /// then read where they stand (`ends` are offsets from here, fields one
    /// comma apart) instead of being copied into `storage`.
    var inPlace: UnsafePointer<UInt8>?

    public init() {
        storage.reserveCapacity(256)
        ends.reserveCapacity(16)
    }

    /// The number of fields.
    public var count: Int { fieldCount }

    mutating func reset(line: Int, rawStart: Int) {
        self.line = line
        self.rawStart = rawStart
        rawEnd = rawStart
        unterminatedQuote = false
        used = 0
        fieldCount = 0
        inPlace = nil
    }

    /// Ends a field at offset `end`: of `storage`, or of the record's start
    /// in the file when it is read in place.
    @inline(__always) mutating func endField(at end: Int) {
        if fieldCount < ends.count { ends[fieldCount] = end } else { ends.append(end) }
        fieldCount += 1
    }

    @inline(__always) mutating func append(_ byte: UInt8) {
        if used < storage.count { storage[used] = byte } else { storage.append(byte) }
        used += 1
    }

    /// Appends a run of bytes at once.
    @inline(__always) mutating func append(_ run: UnsafeBufferPointer<UInt8>) {
        guard !run.isEmpty else { return }
        let needed = used + run.count
        if needed > storage.count { storage.append(contentsOf: repeatElement(0, count: needed - storage.count)) }
        storage.withUnsafeMutableBufferPointer { storage in
            (storage.baseAddress! + used).update(from: run.baseAddress!, count: run.count)
        }
        used = needed
    }

    /// Ends a field copied into `storage`.
    @inline(__always) mutating func endField() { endField(at: used) }

    /// Calls `body` with the fields, for checking several fields of a row at
    /// once without a closure per field.
    @inline(__always)
    public func withFields<R>(_ body: (RowFields) -> R) -> R {
        if let inPlace {
            return ends.withUnsafeBufferPointer { ends in
                body(RowFields(bytes: UnsafeBufferPointer(start: inPlace, count: rawEnd - rawStart),
                               ends: UnsafeBufferPointer(rebasing: ends[..<fieldCount]), gap: 1))
            }
        }
        return storage.withUnsafeBufferPointer { bytes in
            ends.withUnsafeBufferPointer { ends in
                body(RowFields(bytes: bytes, ends: UnsafeBufferPointer(rebasing: ends[..<fieldCount])))
            }
        }
    }
}

extension CSVRecord: SourceRow {
    /// A quote still open at the end of the file makes the record malformed.
    public var isWhole: Bool { !unterminatedQuote }

    /// The record's line and its bytes in the file (without the line end).
    public var location: RowLocation { RowLocation(line: line, span: rawStart..<rawEnd) }
}
