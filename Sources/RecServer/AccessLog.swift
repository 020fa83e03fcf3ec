/// One access-log line per request: method, target, status, body bytes and
/// the time to answer, e.g. `GET /recommendations?user_id=u1 200 4711 0.84ms`.
/// The target is what the client sent, so a space, `"`, `\` and every byte
/// outside printable ASCII is written as `%XX`: a request cannot put a line
/// break, a terminal escape sequence or a fake field into the log.
public enum AccessLog {
    public static func line(method: String, target: String, status: Int, bytes: Int, seconds: Double) -> String {
        let millis = (seconds * 1_000_000).rounded() / 1000
        return "\(escaped(method)) \(escaped(target)) \(status) \(bytes) \(millis)ms"
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if byte > 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
