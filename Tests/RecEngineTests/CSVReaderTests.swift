import Testing
@testable import RecEngine

/// A record read back as plain values.
struct ReadRecord: Equatable, CustomStringConvertible {
    let line: Int
    let fields: [String]
    var unterminated = false
    var raw = ""

    var description: String { "line \(line): \(fields)\(unterminated ? " (unterminated)" : "") raw \(raw.debugDescription)" }

    /// Compares field bytes exactly (no canonical equivalence).
    static func == (a: ReadRecord, b: ReadRecord) -> Bool {
        a.line == b.line && bytes(a.fields) == bytes(b.fields) && a.unterminated == b.unterminated
    }
}

/// Reads every record of `bytes`, record by record (`next(into:)`, fields
/// copied) and in one loop (`forEach`, unquoted records' fields read in
/// place), and expects both to read the same.
func readAll(_ bytes: [UInt8]) -> [ReadRecord] {
    func read(_ reader: CSVReader, _ record: CSVRecord) -> (ReadRecord, Bool) {
        (ReadRecord(line: record.line, fields: (0..<record.count).map { record.string($0) },
                    unterminated: record.unterminatedQuote, raw: reader.rawText(of: record)), record.isValidUTF8)
    }
    var reader = CSVReader(bytes: bytes)
    var record = CSVRecord()
    var out: [(ReadRecord, Bool)] = []
    while reader.next(into: &record) { out.append(read(reader, record)) }
    var looping = CSVReader(bytes: bytes), inPlace: [(ReadRecord, Bool)] = []
    let texts = looping
    looping.forEach(into: &record) { inPlace.append(read(texts, $0)) }
    #expect(inPlace.elementsEqual(out) { $0.0 == $1.0 && $0.0.raw == $1.0.raw && $0.1 == $1.1 },
            "forEach reads what next(into:) reads")
    #expect(looping.nextLine == reader.nextLine && looping.endedInsideQuote == reader.endedInsideQuote)
    return out.map(\.0)
}

func readAll(_ text: String) -> [ReadRecord] { readAll(Array(text.utf8)) }

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted fields hold commas, doubled quotes and line breaks; line numbers count physical lines")
    func quotedFields() {
        let text = "a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"line1\nline2\nline3\"\np,q,r\n"
        #expect(readAll(text) == [
            ReadRecord(line: 1, fields: ["a", "b", "c"]),
            ReadRecord(line: 2, fields: ["x,1", "say \"hi\"", "line1\nline2\nline3"]),
            ReadRecord(line: 5, fields: ["p", "q", "r"]),
        ])
    }

    @Test("a CRLF inside a quoted field is kept and counted as one line break")
    func crlfInsideQuotes() {
        let records = readAll("h\r\n\"a\r\nb\"\r\nc\r\n")
        #expect(records == [
            ReadRecord(line: 1, fields: ["h"]),
            ReadRecord(line: 2, fields: ["a\r\nb"]),
            ReadRecord(line: 4, fields: ["c"]),
        ])
    }

    @Test("a UTF-8 byte order mark is skipped")
    func byteOrderMark() {
        let records = readAll([0xEF, 0xBB, 0xBF] + Array("user_id,name\nu1,Ann\n".utf8))
        #expect(records == [ReadRecord(line: 1, fields: ["user_id", "name"]), ReadRecord(line: 2, fields: ["u1", "Ann"])])
        #expect(Array(records[0].fields[0].utf8) == Array("user_id".utf8))
    }

    @Test("LF, CRLF, a lone CR and a mix end lines; the last line may lack an end", arguments: [
        "a,b\nc,d\ne,f", "a,b\r\nc,d\r\ne,f\r\n", "a,b\r\nc,d\ne,f\r\n",
        "a,b\rc,d\re,f\r", "a,b\rc,d\r\ne,f\n", "a,b\rc,d\re,f",
    ])
    func lineEnds(text: String) {
        #expect(readAll(text) == [
            ReadRecord(line: 1, fields: ["a", "b"]), ReadRecord(line: 2, fields: ["c", "d"]),
            ReadRecord(line: 3, fields: ["e", "f"]),
        ])
    }

    @Test("empty lines are skipped but still advance line numbers")
    func emptyLines() {
        #expect(readAll("\n\nh,x\n\n\r\n1,2\n\n\n") == [
            ReadRecord(line: 3, fields: ["h", "x"]), ReadRecord(line: 6, fields: ["1", "2"]),
        ])
    }

    /// Old Mac files end lines with a lone CR (issue 17, class 13): such a
    /// line end counts like LF, for records, empty lines and line numbers,
    /// and a lone CR inside quotes is kept and counted as one line break.
    @Test("a lone CR ends a line like LF, outside quotes; inside quotes it is kept")
    func loneCarriageReturns() {
        #expect(readAll("\r\rh,x\r\r\n1,2\r") == [
            ReadRecord(line: 3, fields: ["h", "x"]), ReadRecord(line: 5, fields: ["1", "2"]),
        ])
        #expect(readAll("h\r\"a\rb\"\rc\r") == [
            ReadRecord(line: 1, fields: ["h"]), ReadRecord(line: 2, fields: ["a\rb"]), ReadRecord(line: 4, fields: ["c"]),
        ])
    }

    @Test("a line of spaces is a record with one (empty) field")
    func lineOfSpaces() {
        #expect(readAll("h1,h2\n   \n\t\n") == [
            ReadRecord(line: 1, fields: ["h1", "h2"]), ReadRecord(line: 2, fields: [""]), ReadRecord(line: 3, fields: [""]),
        ])
    }

    @Test("fields are trimmed of spaces, tabs, NBSP and other Unicode white space, quoted or not", arguments: [
        (" \tu1 ", "u1"),
        ("\u{A0}u1\u{A0}", "u1"),
        (" \u{A0} u1 \u{A0}\t", "u1"),
        ("\u{3000}u1\u{2003}", "u1"),
        ("\"  u1\t\"", "u1"),
        ("  \"u1\"", "\"u1\""),  // a quote after spaces is literal text
        ("a b", "a b"),
        ("\u{200B}u1", "\u{200B}u1"),  // zero-width space is not white space (as in Python's str.strip)
        ("\u{FEFF}u1", "\u{FEFF}u1"),  // a BOM inside the file is not white space either
        ("é\u{A0}", "é"),
    ])
    func trimming(field: String, expected: String) {
        let records = readAll("h\n" + field + "\n")
        #expect(records.count == 2)
        #expect(Array(records[1].fields[0].utf8) == Array(expected.utf8))
    }

    @Test("a quote inside an unquoted field is literal")
    func literalQuote() {
        #expect(readAll("ab\"c,d\"\"e\n") == [ReadRecord(line: 1, fields: ["ab\"c", "d\"\"e"])])
    }

    @Test("text after a closing quote is appended as it is")
    func textAfterClosingQuote() {
        #expect(readAll("\"ab\"cd,e\n") == [ReadRecord(line: 1, fields: ["abcd", "e"])])
    }

    @Test("empty fields, empty quoted fields and a trailing comma count as fields")
    func emptyFields() {
        #expect(readAll(",\"\",x,\n") == [ReadRecord(line: 1, fields: ["", "", "x", ""])])
    }

    @Test("an unterminated quote swallows the rest of the file and marks the record")
    func unterminatedQuote() {
        let records = readAll("h,x\n1,\"abc\n2,3\n")
        #expect(records == [
            ReadRecord(line: 1, fields: ["h", "x"]),
            ReadRecord(line: 2, fields: ["1", "abc\n2,3"], unterminated: true),
        ])
    }

    @Test("raw text is the record as it stood in the file, without its line end")
    func rawText() {
        let records = readAll("h\r\n\"a,\"\"b\"\"\nc\" ,x\r\nlast")
        #expect(records.map(\.raw) == ["h", "\"a,\"\"b\"\"\nc\" ,x", "last"])
        #expect(records[1].fields == ["a,\"b\"\nc", "x"])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test("an empty input and one of only line ends have no records", arguments: ["", "\n", "\r\n\n", "\r", "\r\r\n", "\u{FEFF}\n"])
    func noRecords(text: String) {
        #expect(readAll(text).isEmpty)
    }
}
