import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `BuildConsole` on stderr. Phases and the summary are plain lines; the
/// page counter is a bar redrawn in place, shown only when stderr is a
/// terminal (a log file gets no carriage-return noise). `quiet` drops
/// everything but warnings.
public final class StandardErrorConsole: BuildConsole, @unchecked Sendable {
    public let quiet: Bool
    public let isTerminal: Bool
    private let lock = NSLock()
    private var label = ""
    private var total = 0
    private var done = 0
    private var drawn = -1

    /// - Parameters:
    ///   - quiet: print warnings only.
    ///   - isTerminal: draw the progress bar; by default, whether stderr is a terminal.
    public init(quiet: Bool = false, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.quiet = quiet
        self.isTerminal = isTerminal
    }

    public func phase(_ message: String) {
        guard !quiet else { return }
        write(message + "\n")
    }

    public func startProgress(_ label: String, total: Int) {
        lock.withLock {
            self.label = label
            self.total = total
            done = 0
            drawn = -1
        }
    }

    public func advanceProgress() {
        guard !quiet, isTerminal else { return }
        let bar: String? = lock.withLock {
            done += 1
            let percent = total == 0 ? 100 : done * 100 / total
            guard percent != drawn else { return nil }
            drawn = percent
            return Self.bar(label: label, done: done, total: total)
        }
        if let bar { write("\r" + bar) }
    }

    public func endProgress() {
        guard !quiet, isTerminal else { return }
        let drewSomething = lock.withLock { drawn >= 0 }
        if drewSomething { write("\r\u{1B}[K") }
    }

    public func note(_ message: String) {
        guard !quiet else { return }
        write(message + "\n")
    }

    public func warning(_ message: String) {
        write("Warning: " + message + "\n")
    }

    /// `pages [##########..........]  512/1024`
    static func bar(label: String, done: Int, total: Int, width: Int = 30) -> String {
        let filled = total == 0 ? width : min(width, done * width / total)
        let count = String(total).count
        let doneText = String(done)
        return "\(label) [" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
            + "] " + String(repeating: " ", count: max(0, count - doneText.count)) + "\(doneText)/\(total)"
    }

    private func write(_ text: String) {
        StandardError.write(text)
    }
}

/// Lines on stderr that never stop the program: a closed pipe (`2>&1 | head`)
/// or a full disk only loses the text. (FileHandle's `write` traps on such
/// an error, and SIGPIPE would end the process.)
public enum StandardError {
    public static func write(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { writeStandardError($0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            bytes = bytes.dropFirst(count)
        }
    }
}

/// `write(2)` to stderr (a free function, as `StandardError.write` hides the name).
private func writeStandardError(_ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(STDERR_FILENO, buffer, count)
}
