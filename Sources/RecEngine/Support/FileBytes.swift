#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A whole file read straight into a byte array with `read(2)`: on a
/// million-event file, going through `Data` cost a second copy of every byte.
public enum FileBytes {
    /// Why an input file was not read.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case missing
        /// A folder, a device (`/dev/zero`), a FIFO or a socket: never read,
        /// as it could be endless or block.
        case notRegular(kind: String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(reason: String)

        public var description: String {
            switch self {
            case .missing: return "file not found"
            case .notRegular(let kind): return "not a regular file (it is \(kind)); recsite reads regular files only"
            case .tooLarge(let size, let limit):
                return "the file is \(size) bytes, over the limit of \(limit) bytes for an input "
                    + "(set \(FileBytes.limitVariable), e.g. \(FileBytes.limitVariable)=8G, to raise it)"
            case .unreadable(let reason): return reason
            }
        }
    }

    /// The environment variable that sets `inputLimit`: bytes, or a number
    /// with K, M or G (powers of 1024).
    public static let limitVariable = "RECSITE_MAX_INPUT_SIZE"
    /// The largest input file read (4 GiB unless `RECSITE_MAX_INPUT_SIZE` says otherwise).
    public static let inputLimit: Int = {
        guard let value = getenv(limitVariable) else { return 4 << 30 }
        return parseSize(String(cString: value)) ?? -1  // an unreadable setting refuses every input, naming the variable
    }()

    /// `123`, `64K`, `500M`, `8G` → bytes; `nil` for anything else.
    public static func parseSize(_ text: String) -> Int? {
        var digits = text.uppercased()
        var scale = 1
        if let last = digits.last, let power = ["K": 10, "M": 20, "G": 30, "T": 40][String(last)] {
            scale = 1 << power
            digits.removeLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), let number = Int(digits) else { return nil }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: scale)
        return overflow ? nil : bytes
    }

    /// An input file's bytes: a regular file (links followed) of at most `limit` bytes.
    /// - Throws: `Failure`; a FIFO or device is refused without reading (or blocking).
    public static func input(_ path: String, limit: Int = inputLimit) throws(Failure) -> [UInt8] {
        try withRegularFile(path, limit: limit) { descriptor, size throws(Failure) in
            try read(descriptor: descriptor, size: size, limit: limit)
        }
    }

    /// As `input`, mapped from the page cache where the system allows
    /// (`FileContents`), else read.
    public static func contents(_ path: String, limit: Int = inputLimit) throws(Failure) -> FileContents {
        try withRegularFile(path, limit: limit) { descriptor, size throws(Failure) in
            if let mapped = FileContents(mapping: descriptor, size: size) { return mapped }
            return FileContents(try read(descriptor: descriptor, size: size, limit: limit))
        }
    }

    /// Opens `path`, checks that it is a regular file within `limit`, and
    /// calls `body` with its descriptor and size.
    private static func withRegularFile<Result>(
        _ path: String, limit: Int, _ body: (Int32, Int) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        if limit < 0 {
            throw .unreadable(reason: "\(limitVariable) is not a size such as 500M or 8G")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw .missing }
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .notRegular(kind: "a folder")
        case S_IFIFO: throw .notRegular(kind: "a FIFO")
        case S_IFCHR, S_IFBLK: throw .notRegular(kind: "a device")
        default: throw .notRegular(kind: "a socket or other special file")
        }
        guard Int(status.st_size) <= limit else { throw .tooLarge(size: Int(status.st_size), limit: limit) }
        return try body(descriptor, Int(status.st_size))
    }

    /// The file's bytes to its end, within `limit`.
    private static func read(descriptor: Int32, size: Int, limit: Int) throws(Failure) -> [UInt8] {
        guard let bytes = read(descriptor: descriptor, size: size) else {
            throw .unreadable(reason: String(cString: strerror(errno)))
        }
        guard bytes.count <= limit else { throw .tooLarge(size: bytes.count, limit: limit) }
        return bytes
    }

    /// The bytes of a regular file (links followed), or nil when it cannot be
    /// opened or read or is not a regular file.
    public static func read(_ path: String) -> [UInt8]? {
        try? input(path, limit: .max)
    }

    private static func read(descriptor: Int32, size: Int) -> [UInt8]? {
        // The size is a hint: a file that grows is read to its end.
        let expected = max(size, 0) + 1
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
