/// One row of a `RowSource`: its fields and where it stands.
public protocol SourceRow {
    /// An empty row, for `RowSource.next(into:)` to fill.
    init()
    /// The number of fields.
    var count: Int { get }
    /// Whether the source could read the row whole; `false` makes it a
    /// `malformed row` (CSV: a quote still open at the end of the file).
    var isWhole: Bool { get }
    /// Where the row stands, for reports and `RowSource.text(at:)`.
    var location: RowLocation { get }
    /// Whether the row's text is valid UTF-8; a kept row that is not counts
    /// a repair, and its IDs are looked up as strings (U+FFFD in place of
    /// each bad sequence) rather than by bytes.
    var isValidUTF8: Bool { get }
    /// Calls `body` with the row's fields, for checking several fields at
    /// once without a closure per field.
    /// - Parameter body: receives the fields, valid only during the call.
    /// - Returns: what `body` returns.
    func withFields<R>(_ body: (RowFields) -> R) -> R
}

extension SourceRow {
    /// By default rows come as valid UTF-8 (e.g. from Swift strings).
    public var isValidUTF8: Bool { true }

    /// Calls `body` with the bytes of field `index`, trimmed of white space.
    @inline(__always)
    public func withTrimmedField<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        withFields { body($0[index]) }
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
