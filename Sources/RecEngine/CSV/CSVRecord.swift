/// One record of a CSV file: its unquoted field bytes and where it stood.
///
/// Storage is reused between records, so reading a large file allocates
/// almost nothing per row.
public struct CSVRecord {
    /// The 1-based physical line the record starts on.
    public private(set) var line = 0
    /// Whether a quoted field was still open at the end of the file.
    public internal(set) var unterminatedQuote = false
    var rawStart = 0
    var rawEnd = 0
    private var storage: [UInt8] = []
    private var ends: [Int] = []

    public init() {
        storage.reserveCapacity(256)
        ends.reserveCapacity(16)
    }

    /// The number of fields.
    public var count: Int { ends.count }

    mutating func reset(line: Int, rawStart: Int) {
        self.line = line
        self.rawStart = rawStart
        rawEnd = rawStart
        unterminatedQuote = false
        storage.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }

    @inline(__always) mutating func append(_ byte: UInt8) { storage.append(byte) }
    @inline(__always) mutating func endField() { ends.append(storage.count) }

    /// Calls `body` with the bytes of field `index`, trimmed of white space.
    @inline(__always)
    public func withTrimmedField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = index == 0 ? 0 : ends[index - 1]
        let end = ends[index]
        return storage.withUnsafeBufferPointer { all in
            let field = UnsafeBufferPointer(rebasing: all[start..<end])
            return body(FieldTrimming.trimmed(field))
        }
    }

    /// Field `index` as a trimmed string (invalid UTF-8 becomes U+FFFD).
    public func string(_ index: Int) -> String {
        withTrimmedField(index) { FieldTrimming.string($0) }
    }

    /// Whether field `index` is empty after trimming.
    public func isEmpty(_ index: Int) -> Bool {
        withTrimmedField(index) { $0.isEmpty }
    }
}
