/// Dense positions by ID, where two IDs are the same only when their UTF-8
/// bytes are (SPEC §7: no normalization).
///
/// Swift's `String` equality and hashing treat canonically equivalent strings,
/// such as precomposed "é" and decomposed "e\u{301}", as one key; a
/// `[String: Int32]` would merge two distinct IDs.
public struct IDIndex: Sendable {
    // An open-addressing table over the IDs' bytes, so the cleanser can look
    // up a CSV field without making a `String` of it: linear probing, a
    // power-of-two number of slots at most half full. Each slot holds its
    // ID's first 16 bytes, its length and its position, so an ID of up to
    // 16 bytes (every generated and MovieLens ID) is found by reading one
    // slot: two lookups a row, which cost 30 ns each when the slot led to
    // the ID's bytes and its position in three more arrays.
    private var slots: [Slot] = [Slot(), Slot()]
    /// Every indexed ID's bytes after its first 16, end to end.
    private var tails: [UInt8] = []
    public private(set) var count = 0

    private struct Slot {
        var head = Head()
        /// -1 for an empty slot.
        var position: Int32 = -1
        /// Where the ID's bytes after the 16th start in `tails`.
        var tailStart = 0
    }

    /// An ID's first 16 bytes, zero-padded, and its length.
    private struct Head: Equatable {
        var low: UInt64 = 0, high: UInt64 = 0, length = 0

        init() {}

        init(_ id: UnsafeBufferPointer<UInt8>) {
            length = id.count
            for (offset, byte) in id.prefix(16).enumerated() {
                if offset < 8 { low |= UInt64(byte) << (8 * offset) } else { high |= UInt64(byte) << (8 * (offset - 8)) }
            }
        }

        /// A cheap mix of the head (`murmurMix`) with an FNV-1a
        /// hash of the bytes after it, if any.
        func hash(tail: UnsafeBufferPointer<UInt8>.SubSequence) -> UInt64 {
            var h = murmurMix(low ^ UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15)
            h = murmurMix(h ^ high)
            if !tail.isEmpty {
                var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in tail { fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
                h = murmurMix(h ^ fnv)
            }
            return h
        }
    }

    public init() {}

    /// Indexes `ids` by their position in the array (the last of equal IDs wins).
    public init(_ ids: [String]) {
        var capacity = 2
        while capacity < ids.count * 2 { capacity *= 2 }
        slots = [Slot](repeating: Slot(), count: capacity)
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
        return entry.found ? slots[entry.slot].position : nil
    }

    private mutating func insert(_ id: UnsafeBufferPointer<UInt8>, position: Int32) {
        let entry = find(id)
        if entry.found {
            slots[entry.slot].position = position
            return
        }
        slots[entry.slot] = Slot(head: Head(id), position: position, tailStart: tails.count)
        tails.append(contentsOf: id.dropFirst(16))
        count += 1
    }

    /// The slot holding `id`, or the empty slot where it would go.
    private func find(_ id: UnsafeBufferPointer<UInt8>) -> (slot: Int, found: Bool) {
        let head = Head(id), tail = id.dropFirst(16)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: head.hash(tail: tail)) & mask
        while true {
            let candidate = slots[slot]
            if candidate.position < 0 { return (slot, false) }
            if candidate.head == head, tail.isEmpty || storedTail(from: candidate.tailStart, equals: tail) {
                return (slot, true)
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether the stored tail from `start` begins with `tail`. A byte loop,
    /// not `memcmp` over `withUnsafeBufferPointer`: borrowing the array
    /// retained it, an atomic operation on memory every core's lookups share.
    @inline(__always)
    private func storedTail(from start: Int, equals tail: UnsafeBufferPointer<UInt8>.SubSequence) -> Bool {
        for (offset, byte) in tail.enumerated() where tails[start + offset] != byte { return false }
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
