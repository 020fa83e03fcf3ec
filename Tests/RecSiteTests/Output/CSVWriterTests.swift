import RecSite
import Testing

@Suite("CSVWriter")
struct CSVWriterTests {
    @Test func quotesPerRFC4180WithCRLF() {
        var csv = CSVWriter(header: ["a", "b"])
        csv.addRow([.text("plain"), .text("with, comma")])
        csv.addRow([.text("say \"hi\""), .text("two\nlines")])
        #expect(csv.text == "a,b\r\nplain,\"with, comma\"\r\n\"say \"\"hi\"\"\",\"two\nlines\"\r\n")
    }

    @Test(arguments: ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"])
    func formulasAreNeutralised(_ value: String) {
        var csv = CSVWriter(header: ["v"])
        csv.addRow([.text(value)])
        let cell = String(csv.text.dropFirst("v\r\n".count).dropLast(1))  // "\r\n" is one Character
        let unquoted = cell.hasPrefix("\"") ? String(cell.dropFirst().dropLast()) : cell
        #expect(unquoted == "'" + value)
    }

    @Test func harmlessTextAndNumbersAreUntouched() {
        var csv = CSVWriter(header: ["t", "n"])
        csv.addRow([.text("Blue Lock"), .numeric("-1.5")])
        csv.addRow([.text("a=b"), .numeric("8000.0")])
        #expect(csv.text == "t,n\r\nBlue Lock,-1.5\r\na=b,8000.0\r\n")
    }
}
