/// A seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// The synthetic data must be the same bytes on every machine and Swift
/// release, so nothing here goes through the standard library's random APIs
/// (whose algorithms are not promised to stay fixed) or through libm
/// functions such as `log` or `pow` (whose last bit differs between
/// platforms). Only integer arithmetic, `+ - * /` and `squareRoot()` are used:
/// IEEE 754 rounds those exactly the same everywhere.
struct SeededRandom {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// - Parameters:
    ///   - seed: the user's seed.
    ///   - stream: an independent stream per part of the data, so that adding
    ///     dirty rows, say, never changes the clean rows.
    init(seed: UInt64, stream: UInt64) {
        var mixer = seed &+ stream &* 0x9E37_79B9_7F4A_7C15
        s0 = SeededRandom.splitMix(&mixer)
        s1 = SeededRandom.splitMix(&mixer)
        s2 = SeededRandom.splitMix(&mixer)
        s3 = SeededRandom.splitMix(&mixer)
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }

    /// The next 64 random bits.
    @inline(__always) mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-high; bound > 0).
    @inline(__always) mutating func below(_ bound: Int) -> Int {
        Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A uniform integer in `range`.
    @inline(__always) mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniform double in `[0, 1)` with 53 random bits.
    @inline(__always) mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A uniform double in `(0, 1]`, safe to divide by.
    @inline(__always) mutating func positiveUnit() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// `true` with probability `p`.
    @inline(__always) mutating func chance(_ p: Double) -> Bool {
        unit() < p
    }

    /// A uniformly chosen element (the collection must not be empty).
    mutating func pick<C: RandomAccessCollection>(_ elements: C) -> C.Element where C.Index == Int {
        elements[elements.startIndex + below(elements.count)]
    }

    /// Shuffles in place (Fisher–Yates).
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, below(i + 1))
        }
    }
}

/// Draws indices in proportion to fixed weights: cumulative sums and a
/// binary search.
struct WeightedTable {
    private let cumulative: [Double]

    /// - Parameter weights: non-negative; at least one must be positive.
    init(_ weights: [Double]) {
        var running = 0.0
        cumulative = weights.map { running += $0; return running }
    }

    var isEmpty: Bool { cumulative.isEmpty || cumulative.last! <= 0 }

    /// - Complexity: O(log count).
    @inline(__always) func draw(_ random: inout SeededRandom) -> Int {
        let target = random.unit() * cumulative[cumulative.count - 1]
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) >> 1
            if cumulative[mid] > target { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
