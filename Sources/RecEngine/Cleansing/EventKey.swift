import Foundation

/// An event's identity for SPEC §2's duplicate rule: same user, item, type,
/// watch seconds (bit for bit, after parsing) and instant.
///
/// Every field is a plain number, so keys copy and compare without
/// reference counting (a `String` fraction made a million candidates pay a
/// retain and release at each copy). The fraction of a second is its digits
/// with trailing zeros removed, read as one integer, and their count:
/// `.05` is (5, 2) and `.5` is (5, 1), so equal counts and values mean equal
/// digits. Fractions of more than 19 digits do not fit; `LongFractions`
/// numbers them, equal digits alike, and the count says `longFraction`.
struct EventKey: Equatable {
    static let longFraction = UInt8.max

    // Ordered for a 40-byte stride.
    let user: Int32, item: Int32
    let watchBits: UInt64
    /// UTC seconds since 1970.
    let seconds: Int64
    let fractionValue: UInt64
    let fractionCount: UInt8
    let type: UInt8

    init(user: Int32, item: Int32, type: UInt8, watchBits: UInt64, seconds: Int64,
         fractionValue: UInt64 = 0, fractionCount: UInt8 = 0) {
        (self.user, self.item, self.type, self.watchBits) = (user, item, type, watchBits)
        (self.seconds, self.fractionValue, self.fractionCount) = (seconds, fractionValue, fractionCount)
    }

    /// A key whose fraction is `digits` (trailing zeros already removed);
    /// more than 19 digits are numbered by `long`.
    init(user: Int32, item: Int32, type: UInt8, watchBits: UInt64, seconds: Int64,
         fraction digits: Slice<UnsafeBufferPointer<UInt8>>, long: LongFractions) {
        var value: UInt64 = 0
        let count: UInt8
        if digits.count <= 19 {
            for digit in digits { value = value &* 10 &+ UInt64(digit &- 0x30) }
            count = UInt8(digits.count)
        } else {
            value = long.number(of: digits)
            count = Self.longFraction
        }
        self.init(user: user, item: item, type: type, watchBits: watchBits, seconds: seconds,
                  fractionValue: value, fractionCount: count)
    }

    /// A cheap integer mix instead of SipHash, which showed up in profiles at
    /// a million events, seeded per process so crafted input cannot force
    /// collisions; the seed changes only speed, never which events are kept.
    var hash: UInt64 {
        var h = murmurMix(Self.seed ^ (UInt64(UInt32(bitPattern: user)) | UInt64(UInt32(bitPattern: item)) << 32))
        h = murmurMix(h ^ watchBits)
        h = murmurMix(h ^ UInt64(bitPattern: seconds) ^ UInt64(type) << 56)
        if fractionCount != 0 { h = murmurMix(h ^ fractionValue ^ UInt64(fractionCount) << 57) }
        return murmurMix(h)
    }

    private static let seed = UInt64.random(in: .min ... .max)
}

/// Numbers the fractions of more than 19 digits met while cleansing one
/// file, equal digits with equal numbers, from any thread. No real event
/// log has such fractions, so one lock is no cost.
final class LongFractions: @unchecked Sendable {
    private var numbers: [[UInt8]: UInt64] = [:]
    private let lock = NSLock()

    func number(of digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        let key = Array(digits)
        lock.lock()
        defer { lock.unlock() }
        if let number = numbers[key] { return number }
        let number = UInt64(numbers.count)
        numbers[key] = number
        return number
    }
}
