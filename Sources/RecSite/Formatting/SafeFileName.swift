/// File names for data-derived IDs (SPEC §9). An ID is used as it is when
/// it is a name every file system keeps apart and accepts: only `a-z 0-9 .
/// _ -` (lower case, so no two plain names differ only in case), not
/// starting with `.` or `-`, not a Windows device name (`con`, `prn`, `aux`,
/// `nul`, `com0`–`com9`, `lpt0`–`lpt9`, also before an extension), and at
/// most 100 bytes. Any other ID becomes
/// `<sanitised prefix>~<32 hex digits of SHA-256>`: the `~` never occurs in
/// a plain name, so the two kinds cannot collide, a 128-bit hash makes a
/// collision between two IDs infeasible to find, and the name never leaves
/// its folder (no `/`, no leading `.`).
public enum SafeFileName {
    public static func forID(_ id: String) -> String {
        isSafe(id) ? id : hashedName(id)
    }

    /// `<sanitised prefix>~<32 hex digits of SHA-256>`, for any ID.
    public static func hashedName(_ id: String) -> String {
        var prefix = ""
        for scalar in id.unicodeScalars where prefix.count < 40 {
            prefix.append(isSafeByte(scalar) || ("A"..."Z").contains(scalar) ? Character(scalar) : "_")
        }
        while prefix.hasPrefix(".") || prefix.hasPrefix("-") { prefix.removeFirst() }
        let name = prefix + "~" + String(SHA256.hex(id).prefix(32))
        // `CON.x` keeps its upper case and `con.X` its extension: Windows
        // refuses both in any case (found by `make fuzz`, FuzzFileNames).
        return isDeviceName(name.lowercased()) ? "_" + name : name
    }

    /// The longest ID used as it is. A longer one, safe or not, gets the
    /// hashed name: the file names built from an ID (`user_<id>_score_breakdowns.csv`)
    /// must stay under the 255-byte limit of file systems.
    public static let maxPlainLength = 100

    public static func isSafe(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= maxPlainLength && !id.hasPrefix(".") && !id.hasPrefix("-")
            && id.unicodeScalars.allSatisfy(isSafeByte) && !isDeviceName(id)
    }

    /// Windows refuses these names, with or without an extension (`con.md`, `nul.x.md`).
    static func isDeviceName(_ id: String) -> Bool {
        let base = id.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? id
        if ["con", "prn", "aux", "nul"].contains(base) { return true }
        guard base.count == 4, base.hasPrefix("com") || base.hasPrefix("lpt"), let last = base.last else { return false }
        return last.isASCII && last.isNumber
    }

    private static func isSafeByte(_ s: Unicode.Scalar) -> Bool {
        switch s {
        case "a"..."z", "0"..."9", ".", "_", "-": return true
        default: return false
        }
    }
}
