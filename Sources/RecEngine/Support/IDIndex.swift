#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dense positions by ID, where two IDs are the same only when their UTF-8
/// bytes are (SPEC §7: no normalization).
///
/// Swift's `String` equality and hashing treat canonically equivalent strings,
/// such as precomposed "é" and decomposed "e\u{301}", as one key; a
/// `[String: Int32]` would merge two distinct IDs.
public struct IDIndex: Sendable {
    // An open-addressing table over the IDs' bytes, so the cleanser can look
    // up a CSV field without making a `String` of it; FNV-1a hashing, linear
    // probing, a power-of-two number of slots at most half full.
    private var slots: [Int32] = [-1, -1]
    private var positions: [Int32] = []
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    public init() {}

    /// Indexes `ids` by their position in the array (the last of equal IDs wins).
    public init(_ ids: [String]) {
        var capacity = 2
        while capacity < ids.count * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        for (position, id) in ids.enumerated() {
            var id = id
            id.withUTF8 { insert($0, position: Int32(position)) }
        }
    }

    /// The position of `id`, or nil when it is not indexed.
    public subscript(_ id: String) -> Int32? {
        var id = id
        return id.withUTF8 { self[utf8: $0] }
    }

    /// The position of the ID whose UTF-8 bytes are `utf8`, or nil.
    /// - Complexity: O(length of the ID) expected.
    public subscript(utf8 utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
        let entry = find(utf8)
        return entry.found ? positions[Int(slots[entry.slot])] : nil
    }

    public var count: Int { positions.count }

    private mutating func insert(_ id: UnsafeBufferPointer<UInt8>, position: Int32) {
        let entry = find(id)
        if entry.found {
            positions[Int(slots[entry.slot])] = position
            return
        }
        slots[entry.slot] = Int32(positions.count)
        positions.append(position)
        bytes.append(contentsOf: id)
        starts.append(bytes.count)
    }

    /// The slot holding `id`, or the empty slot where it would go.
    private func find(_ id: UnsafeBufferPointer<UInt8>) -> (slot: Int, found: Bool) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return (slot, false) }
            let start = starts[entry]
            if starts[entry + 1] - start == id.count, stored(from: start, equals: id) { return (slot, true) }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the stored bytes from `start` begin with `id`. A byte loop,
    /// not `memcmp` over `withUnsafeBufferPointer`: IDs are a few bytes,
    /// and borrowing the array retained it, an atomic operation on memory
    /// every core's lookups share.
    @inline(__always)
    private func stored(from start: Int, equals id: UnsafeBufferPointer<UInt8>) -> Bool {
        for offset in 0..<id.count where bytes[start + offset] != id[offset] { return false }
        return true
    }
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
