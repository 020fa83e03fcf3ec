/// A 64-bit fingerprint of facts, for telling builds apart (not for security).
///
/// A multiset of rows is fingerprinted by adding the rows' mixed hashes
/// (wrapping), so the result is the same in any row order: a permutation of
/// a file's rows is not a change of its facts.
public struct Fingerprint: Sendable, Hashable {
    public private(set) var value: UInt64

    public init(_ value: UInt64 = 0) { self.value = value }

    /// FNV-1a over each part's UTF-8 bytes, parts separated by a byte no UTF-8 text contains.
    public static func of(_ parts: [String]) -> Fingerprint {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            hash = (hash ^ 0xFF) &* 0x0000_0100_0000_01B3
        }
        return Fingerprint(mix(hash))
    }

    /// This fingerprint combined with `other`, in order (for tuples of facts).
    public func then(_ other: UInt64) -> Fingerprint {
        Fingerprint(Self.mix(value &* 0x9E37_79B9_7F4A_7C15 &+ other))
    }

    /// Adds a row to a multiset fingerprint.
    public mutating func add(_ row: Fingerprint) { value = value &+ row.value }

    /// Sixteen lower-case hex digits.
    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public init?(hex: String) {
        guard hex.utf8.count == 16, let value = UInt64(hex, radix: 16) else { return nil }
        self.value = value
    }

    /// SplitMix64's finaliser: spreads every input bit over the output, so sums of rows do not cancel.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
