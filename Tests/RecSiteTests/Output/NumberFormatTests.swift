import RecSite
import Testing

@Suite("NumberFormat (SPEC §8)")
struct NumberFormatTests {
    @Test(arguments: [
        (8000.0, "8000.00"), (3338.0, "3338.00"), (0.0, "0.00"), (0.005, "0.01"), (0.004999, "0.00"),
        // 2.675 is 2.67499999999999982236431605997495353221893310546875 in binary.
        (2.675, "2.67"), (0.125, "0.12"), (0.375, "0.38"), (1234567.891, "1234567.89"),
    ])
    func interaction(_ value: Double, _ expected: String) {
        #expect(NumberFormat.interaction(value) == expected)
    }

    @Test func scoresAndSimilaritiesHaveFourDecimals() {
        #expect(NumberFormat.score(3880.17897) == "3880.1790")
        #expect(NumberFormat.similarity(0.28470001) == "0.2847")
        #expect(NumberFormat.similarity(1) == "1.0000")
    }

    @Test func sharesArePercentsWithOneDecimal() {
        #expect(NumberFormat.percent(0.623) == "62.3%")
        #expect(NumberFormat.percent(1) == "100.0%")
        #expect(NumberFormat.percent(0.00049) == "0.0%")
    }

    @Test func negativeZeroNeverShows() {
        #expect(NumberFormat.interaction(-0.0) == "0.00")
        #expect(NumberFormat.interaction(-0.001) == "0.00")
        #expect(NumberFormat.interaction(-1.5) == "-1.50")
    }

    @Test func exactRoundTrips() {
        for value in [0.1, 1.0 / 3.0, 8000, 1e-7, 123456789.123456789] {
            #expect(Double(NumberFormat.exact(value)) == value)
        }
        #expect(NumberFormat.exact(0) == "0.0")
        #expect(NumberFormat.exact(8000) == "8000.0")
    }
}
