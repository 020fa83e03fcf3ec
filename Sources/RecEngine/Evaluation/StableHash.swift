/// FNV-1a over an ID's UTF-8 bytes: a per-user random stream that depends on
/// the user's ID alone, so adding or removing other users changes nothing.
public func stableHash(_ id: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in id.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
}

/// Whether an ascending run of indices holds `value` (binary search).
func sortedContains(_ sorted: ArraySlice<Int32>, _ value: Int32) -> Bool {
    var lo = sorted.startIndex, hi = sorted.endIndex
    while lo < hi {
        let mid = (lo + hi) / 2
        if sorted[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo < sorted.endIndex && sorted[lo] == value
}
