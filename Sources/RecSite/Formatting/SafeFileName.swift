/// File names for data-derived IDs (SPEC §9): an ID made only of
/// `A-Z a-z 0-9 . _ -`, not starting with `.` and at most 100 bytes long, is
/// used as it is; any other
/// ID becomes `<sanitised prefix>~<16 hex digits of FNV-1a>`. The `~` never
/// occurs in a name used as it is, so the two kinds cannot collide, and the
/// name never leaves its folder (no `/`, no leading `.`).
public enum SafeFileName {
    public static func forID(_ id: String) -> String {
        isSafe(id) ? id : hashedName(id)
    }

    /// `<sanitised prefix>~<16 hex digits of FNV-1a>`, for any ID.
    public static func hashedName(_ id: String) -> String {
        var prefix = ""
        for scalar in id.unicodeScalars where prefix.count < 40 {
            prefix.append(isSafeByte(scalar) ? Character(scalar) : "_")
        }
        while prefix.hasPrefix(".") { prefix.removeFirst() }
        return prefix + "~" + hex(fnv1a(id))
    }

    /// The longest ID used as it is. A longer one, safe or not, gets the
    /// hashed name: the file names built from an ID (`user_<id>_score_breakdowns.csv`)
    /// must stay under the 255-byte limit of file systems.
    public static let maxPlainLength = 100

    public static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maxPlainLength && !id.hasPrefix(".")
            && id.unicodeScalars.allSatisfy(isSafeByte)
    }

    private static func isSafeByte(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }

    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
