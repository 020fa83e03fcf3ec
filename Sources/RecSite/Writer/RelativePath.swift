/// The syntax of site-relative paths, read on their bytes.
enum RelativePath {
    /// Whether `path` is names joined by `/`: not empty, and no segment
    /// empty, `.` or `..` (one pass, no array of segments).
    static func isPlain(_ path: some Sequence<UInt8>) -> Bool {
        var length = 0, dots = 0
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if length == 0 || length == dots && dots <= 2 { return false }
                (length, dots) = (0, 0)
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(length == dots && dots <= 2)
    }
}
