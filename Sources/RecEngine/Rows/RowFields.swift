/// A row's fields as UTF-8 bytes laid end to end, valid only inside a
/// `SourceRow.withFields` body. Reading a field trims it (SPEC §1: every
/// field is trimmed), so every source gets the same trimming.
public struct RowFields {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>
    private let gap: Int
    /// The number of fields.
    public let count: Int

    /// - Parameters:
    ///   - bytes: the fields' bytes, one after another.
    ///   - ends: the end offset in `bytes` of each field, ascending; field i
    ///     starts `gap` bytes after field i - 1 ends (field 0 at 0).
    ///   - gap: the bytes between fields: 0 for fields end to end, 1 for a
    ///     CSV line's own bytes, its fields read where they stand.
    public init(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>, gap: Int = 0) {
        self.bytes = bytes
        self.ends = ends
        self.gap = gap
        count = ends.count
    }

    /// Field `index`, trimmed of white space.
    @inline(__always) public subscript(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index < count, "field index out of range")
        let start = index == 0 ? 0 : ends[index - 1] + gap
        return FieldTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]))
    }
}
