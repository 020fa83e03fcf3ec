import Foundation

/// Where the server's lines go: standard error by default (start-up,
/// reloads, one access line per request), or a closure (the tests). One
/// `write` per line, so lines of concurrent requests never interleave.
public struct ServerLog: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    public static let standardError = ServerLog { line in
        var text = line + "\n"
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    public static let silent = ServerLog { _ in }

    public func line(_ text: String) { sink(text) }
}
