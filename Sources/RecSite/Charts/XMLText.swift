/// Text and attribute values for the SVG files: `&`, `<`, `>`, `"` and `'`
/// as entities, and the characters XML 1.0 forbids (C0 controls other than
/// tab, LF, CR; U+FFFE, U+FFFF) and line breaks as spaces, so data cannot
/// break the document or leave its element.
///
/// Not `TemplateFormat`'s HTML escaping: XML 1.0 forbids control characters
/// that HTML text tolerates, and `&apos;` is XML's entity (HTML pages keep
/// `&#39;`). Not `JSONValue`'s or `MarkdownEscaping`'s either: other syntaxes.
public enum XMLText {
    public static func escape(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                switch scalar.value {
                case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: out += " "
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
