#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read straight into a byte array with `read(2)`: on a
/// million-event file, going through `Data` cost a second copy of every byte.
public enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read.
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // The size is a hint: a file that grows, or a pipe, is read to its end.
        let expected = max(Int(status.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            while initialized < expected {
                let got = readSome(descriptor, buffer.baseAddress! + initialized, expected - initialized)
                if got <= 0 { failed = got < 0; break }
                initialized += got
            }
        }
        guard !failed else { return nil }
        guard bytes.count == expected else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 { return nil }
            if got == 0 { return bytes }
            bytes += chunk[..<got]
        }
    }
}

/// `read(2)`, retried when a signal interrupts it.
private func readSome(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    var got: Int
    repeat { got = read(descriptor, buffer, count) } while got < 0 && errno == EINTR
    return got
}
