/// Which events repeat an earlier one, for up to 2³² - 1 events.
///
/// Events are numbered in file order and known by their keys' hashes; a
/// key itself is read only when two hashes agree. The numbers are first
/// spread into buckets by the top bits of their hash (keeping file order in
/// each bucket), and each bucket is then searched with a hash table small
/// enough to stay in cache: one large table missed the cache on nearly
/// every event. Buckets are shared between the workers; equal keys always
/// land in the same bucket, so the result never depends on the workers.
enum DuplicateEvents {
    /// - Parameters:
    ///   - hashes: `EventKey.hash` of every event, in file order.
    ///   - key: the key of an event by its number.
    /// - Returns: for each event, whether an equal key came before it.
    static func flags(hashes: [UInt64], workers: Int, key: (Int) -> EventKey) -> [Bool] {
        flags(hashParts: [hashes], workers: workers, key: key)
    }

    /// As `flags(hashes:…)`, with the hashes in parts read one after
    /// another (each part's own array, not a copy of them all: 8 MB of new
    /// memory at a million events).
    static func flags(hashParts: [[UInt64]], workers: Int, key: (Int) -> EventKey) -> [Bool] {
        let hashes = PartedHashes(hashParts)
        let count = hashes.count
        precondition(count < Int(UInt32.max), "too many events to number in 32 bits")
        var flags = [Bool](repeating: false, count: count)
        guard count > 0 else { return flags }
        let bucketBits = max(0, min(16, (count / 2048).bitWidth - (count / 2048).leadingZeroBitCount))
        let buckets = spread(hashes, bucketBits: bucketBits)
        flags.withUnsafeMutableBufferPointer { flags in
            let shared = UncheckedBox(flags)
            _ = parallelMap(count: buckets.starts.count - 1, workers: workers, makeScratch: { [UInt64]() }) {
                bucket, slots in
                let members = buckets.starts[bucket]..<buckets.starts[bucket + 1]
                markRepeats(members.map { buckets.numbers[$0] }, hashes: hashes, slots: &slots, key: key) {
                    shared.value[$0] = true
                }
                return 0
            }
        }
        return flags
    }

    /// Event numbers grouped by the top `bucketBits` bits of their hash
    /// (a counting sort, so each bucket keeps file order).
    private static func spread(_ hashes: PartedHashes, bucketBits: Int) -> (numbers: [UInt32], starts: [Int]) {
        let shift = UInt64(64 - bucketBits)
        let bucketOf = { (hash: UInt64) in bucketBits == 0 ? 0 : Int(hash >> shift) }
        var starts = [Int](repeating: 0, count: (1 << bucketBits) + 1)
        for part in hashes.parts { for hash in part { starts[bucketOf(hash) + 1] += 1 } }
        for bucket in 0..<(1 << bucketBits) { starts[bucket + 1] += starts[bucket] }
        var next = starts
        let numbers = [UInt32](unsafeUninitializedCapacity: hashes.count) { numbers, initialized in
            var number: UInt32 = 0
            for part in hashes.parts {
                for hash in part {
                    let bucket = bucketOf(hash)
                    numbers[next[bucket]] = number
                    next[bucket] += 1
                    number += 1
                }
            }
            initialized = hashes.count
        }
        return (numbers, starts)
    }

    /// Calls `repeated` for each of `numbers` (in order) whose key equals an
    /// earlier one's. `slots` is an open-addressing table (linear probing, at
    /// most half full) of 32 hash bits << 32 | (number + 1), 0 for empty.
    private static func markRepeats(_ numbers: [UInt32], hashes: PartedHashes, slots: inout [UInt64],
                                    key: (Int) -> EventKey, repeated: (Int) -> Void) {
        var size = 16
        while size < numbers.count * 2 { size *= 2 }
        if slots.count < size { slots = [UInt64](repeating: 0, count: size) }
        let mask = size - 1
        slots.withUnsafeMutableBufferPointer { slots in
            for index in 0..<size { slots[index] = 0 }
            for number in numbers {
                let hash = hashes[Int(number)]  // numbers ascend: the part search is predictable
                let tag = hash & 0xFFFF_FFFF_0000_0000
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 {
                        slots[slot] = tag | UInt64(number + 1)
                        break
                    }
                    if entry & 0xFFFF_FFFF_0000_0000 == tag, key(Int(entry & 0xFFFF_FFFF) - 1) == key(Int(number)) {
                        repeated(Int(number))
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Hashes numbered across parts in order.
    struct PartedHashes {
        let parts: [[UInt64]]
        /// Part k's first number.
        private let starts: [Int]

        init(_ parts: [[UInt64]]) {
            self.parts = parts
            starts = parts.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        }

        var count: Int { starts.last! }

        subscript(number: Int) -> UInt64 {
            var part = 0
            while starts[part + 1] <= number { part += 1 }
            return parts[part][number - starts[part]]
        }
    }
}
