/// Dense positions by ID, where two IDs are the same only when their UTF-8
/// bytes are (SPEC §7: no normalization).
///
/// Swift's `String` equality and hashing treat canonically equivalent strings,
/// such as precomposed "é" and decomposed "e\u{301}", as one key; a
/// `[String: Int32]` would merge two distinct IDs.
public struct IDIndex: Sendable {
    private var positions: [IDKey: Int32] = [:]

    public init() {}

    /// Indexes `ids` by their position in the array.
    public init(_ ids: [String]) {
        positions.reserveCapacity(ids.count)
        for (position, id) in ids.enumerated() { positions[IDKey(id)] = Int32(position) }
    }

    /// The position of `id`, or nil when it is not indexed.
    public subscript(_ id: String) -> Int32? { positions[IDKey(id)] }

    public var count: Int { positions.count }
}

/// A string compared and hashed by its UTF-8 bytes.
struct IDKey: Hashable, Sendable {
    let id: String

    init(_ id: String) { self.id = id }

    static func == (a: IDKey, b: IDKey) -> Bool { a.id.utf8.elementsEqual(b.id.utf8) }

    func hash(into hasher: inout Hasher) {
        var id = id
        id.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
