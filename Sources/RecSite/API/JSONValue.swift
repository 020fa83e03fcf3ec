/// A JSON document with keys in a fixed order, so output is byte-stable.
public indirect enum JSONValue: Equatable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Compact JSON text. Doubles carry full precision (shortest round trip).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedBytes(pretty: pretty), as: UTF8.self)
    }

    /// `serialized(pretty:)` as UTF-8 bytes, written into one buffer (the
    /// API's documents are thousands of small pieces; appending them to a
    /// String was the largest item in a profile of a served request).
    public func serializedBytes(pretty: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(1024)
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout [UInt8], indent: Int?) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .integer(let value): out += String(value).utf8
        case .number(let value): out += (value.isFinite ? NumberFormat.exact(value) : "null").utf8
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            if values.isEmpty { out += "[]".utf8; return }
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty { out += "{}".utf8; return }
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.newline(&out, indent.map { $0 + 1 })
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                value.write(into: &out, indent: indent.map { $0 + 1 })
            }
            Self.newline(&out, indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(_ out: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        // A line break and its indent, made once per depth: building them
        // per line was a tenth of the data step.
        if indent < Self.lineStarts.count {
            out += Self.lineStarts[indent]
        } else {
            out.append(UInt8(ascii: "\n"))
            out += repeatElement(UInt8(ascii: " "), count: 2 * indent)
        }
    }

    private static let lineStarts: [[UInt8]] = (0..<16).map { Array(("\n" + String(repeating: "  ", count: $0)).utf8) }

    /// Escapes quotes, backslashes, control characters, and U+2028/U+2029 (so
    /// the text is also safe inside a `<script>` block).
    static func writeString(_ value: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // JSON's own escapes, plus `<`, `>`, `&` as \u escapes so the text is
        // safe inside a <script> (assets/search-index.js); unlike the HTML and
        // XML escaping, entities would be wrong here.
        // Most strings need no escape: append them whole (U+2028/U+2029 are E2 80 A8/A9).
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x3C || $0 == 0x3E
            || $0 == 0x26 || $0 == 0x7F || $0 == 0xE2 }) {
            out += value.utf8
            out.append(UInt8(ascii: "\""))
            return
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += #"\""#.utf8
            case "\\": out += #"\\"#.utf8
            case "\n": out += #"\n"#.utf8
            case "\r": out += #"\r"#.utf8
            case "\t": out += #"\t"#.utf8
            case "<": out += #"\u003c"#.utf8
            case ">": out += #"\u003e"#.utf8
            case "&": out += #"\u0026"#.utf8
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8
                } else {
                    out += UTF8.encode(scalar)!
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
