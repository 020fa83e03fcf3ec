#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import RecSite
import Testing

/// `NumberFormat.fixed`'s integer fast path gives the same text as C's
/// `%.*f`, for exact ties, values near them and doubles of every exponent.
@Suite struct NumberFormatExactFixedTests {
    static func printf(_ value: Double, _ decimals: Int) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        let written = withVaList([Int32(decimals), value]) { vsnprintf(&buffer, 64, "%.*f", $0) }
        var text = String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { text.removeFirst() }
        return text
    }

    static func expectSame(_ value: Double) {
        for decimals in 0...4 {
            guard let fast = NumberFormat.exactFixed(value, decimals) else { continue }
            #expect(fast == printf(value, decimals), "\(value) with \(decimals) decimals")
        }
    }

    @Test(arguments: [
        0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 0.045, 99.995, 0.99995, 9.99995,
        1e-300, .leastNonzeroMagnitude, 0.00005, 0.00015, -0.004, -0.005, -0.006, 1e14 - 1, 123456789.12345, 0.1 + 0.2,
    ])
    func knownCases(value: Double) {
        Self.expectSame(value)
    }

    @Test func seededSweep() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
        for _ in 0..<100_000 {
            let r = next()
            switch r % 4 {
            case 0: Self.expectSame(Double(bitPattern: next()))  // every exponent
            case 1: Self.expectSame(Double(Int64(bitPattern: next() % 200_000_000_000) - 100_000_000_000) / 2048)  // exact ties
            case 2: Self.expectSame(Double(next() % 100_000_000) / 10_000)  // near ties
            default: Self.expectSame(Double(next() >> 11) / Double(1 << 53) * 1e6)
            }
        }
    }

    @Test func outsideTheFastPathFallsBack() {
        #expect(NumberFormat.exactFixed(1e14, 2) == nil)
        #expect(NumberFormat.exactFixed(.nan, 2) == nil)
        #expect(NumberFormat.exactFixed(1, 5) == nil)
        #expect(NumberFormat.fixed(1e20, 2) == "100000000000000000000.00")
        #expect(NumberFormat.fixed(-1e15, 1) == "-1000000000000000.0")
    }
}
