import Testing
@testable import RecEngine

@Suite("Decimal numbers and ages")
struct DecimalNumberTests {
    @Test("finite decimal numbers parse to their value", arguments: [
        ("10", 10.0), ("10.0", 10), ("1e3", 1000), ("1E3", 1000), ("1e+3", 1000), ("25e-1", 2.5),
        (".5", 0.5), ("5.", 5), ("+2", 2), ("-1", -1), ("+.5", 0.5), ("-5.e1", -50), ("007", 7),
        ("0.1", 0.1), ("123.456", 123.456), ("1.7976931348623157e308", 1.7976931348623157e308),
        (String(repeating: "0", count: 600) + "1.5", 1.5),  // a long number is still read whole
        ("0." + String(repeating: "0", count: 599) + "1e600", 1.0),
    ])
    func valid(text: String, expected: Double) {
        #expect(DecimalNumber.parse(text) == expected)
    }

    @Test("plain decimals of up to 16 digits read bit for bit as Swift's correctly rounded Double(String)")
    func plainDecimalsMatchTheCorrectlyRoundedReading() {
        var random = SeededRandom(seed: 11, stream: 0)
        for _ in 0..<100_000 {
            let digits = 1 + Int(random.next() % 16)
            var text = random.next() % 4 == 0 ? "-" : ""
            let point = Int(random.next() % UInt64(digits + 1))
            for position in 0..<digits {
                if position == point { text += "." }
                text += String(random.next() % 10)
            }
            let reference = Double(text).map { $0 == 0 ? 0 : $0 }
            #expect(DecimalNumber.parse(text)?.bitPattern == reference?.bitPattern, "\(text)")
        }
    }

    @Test("-0 is 0 (positive zero, so it equals 0 bit for bit)", arguments: ["-0", "-0.0", "-.0", "-0e5"])
    func negativeZero(text: String) throws {
        let value = try #require(DecimalNumber.parse(text))
        #expect(value == 0)
        #expect(value.bitPattern == 0.0.bitPattern)
    }

    @Test("anything else is rejected", arguments: [
        "", ".", "+", "-", "+-1", "e3", ".e3", "1e", "1e+", "1e3.5", "1.2.3", "1,5", "1 000", "1_000",
        "inf", "-inf", "Infinity", "nan", "NaN", "0x10", "0X1p3", "0b1", "abc", "1d", "1f", "1e400",
        "-1e400", "\u{661}", "1\u{663}", "１",
    ])
    func invalid(text: String) {
        #expect(DecimalNumber.parse(text) == nil)
    }

    @Test("ages are integers in 0…120", arguments: [
        ("0", 0), ("+5", 5), ("-0", 0), ("-00", 0), ("007", 7), ("120", 120), ("+120", 120),
        ("000000000000000000000000042", 42),
    ])
    func validAge(text: String, expected: Int) {
        var text = text
        #expect(text.withUTF8 { AgeValue.parse($0) } == expected)
    }

    @Test("other ages are invalid", arguments: [
        "121", "-1", "1e3", "abc", "4.0", "4.", "+", "-", "", "1 2", "99999999999999999999999", "\u{663}", "0x10",
    ])
    func invalidAge(text: String) {
        var text = text
        #expect(text.withUTF8 { AgeValue.parse($0) } == nil)
    }
}
