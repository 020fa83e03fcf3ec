/// A row's fields as UTF-8 bytes laid end to end, valid only inside a
/// `SourceRow.withFields` body. Reading a field trims it (SPEC §1: every
/// field is trimmed), so every source gets the same trimming.
public struct RowFields {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let ends: UnsafeBufferPointer<Int>
    /// The number of fields.
    public let count: Int

    /// - Parameters:
    ///   - bytes: the fields' bytes, one after another.
    ///   - ends: the end offset in `bytes` of each field, ascending; field i
    ///     starts where field i - 1 ends (field 0 at 0).
    public init(bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<Int>) {
        self.bytes = bytes
        self.ends = ends
        count = ends.count
    }

    /// Field `index`, trimmed of white space.
    @inline(__always) public subscript(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index < count, "field index out of range")
        let start = index == 0 ? 0 : ends[index - 1]
        return FieldTrimming.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<ends[index]]))
    }
}
