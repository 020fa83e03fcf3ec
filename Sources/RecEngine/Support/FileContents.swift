#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes held for reading: mapped from the page cache where the
/// system allows (`FileBytes.contents`), else the bytes as read.
///
/// Mapping copies nothing and takes no new memory: reading events.csv into
/// an array made every 4 KiB of it a new page to fault in, 44.5 MB on M
/// and 450 MB on L, and such faults are slow on a virtual machine. As for
/// any tool that maps its input, another process cutting the file short
/// while it is read ends recsite with SIGBUS; outputs are written aside
/// and moved into place only when complete, so nothing already written is lost.
public final class FileContents: @unchecked Sendable {
    public let count: Int
    private let storage: Storage

    private enum Storage {
        /// A read-only mapping of `count` bytes, unmapped on deinit.
        case mapped(UnsafeRawPointer)
        /// Bytes read into memory, held as they are (never copied again).
        case read([UInt8])
    }

    /// Whether the bytes are mapped from the file rather than read.
    var isMapped: Bool {
        if case .mapped = storage { return true }
        return false
    }

    /// Bytes already in memory, held without a copy.
    public init(_ bytes: [UInt8]) {
        count = bytes.count
        storage = .read(bytes)
    }

    /// The first `size` bytes of an open regular file, mapped read-only, or
    /// nil when it cannot be mapped (an empty file, a file system without
    /// mapping) or is no longer `size` bytes once mapped.
    init?(mapping descriptor: Int32, size: Int) {
        guard size > 0 else { return nil }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE  // the page tables filled in one call
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        // Pages past a shrunken file's end would raise SIGBUS when read.
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == size else {
            munmap(address, size)
            return nil
        }
        (count, storage) = (size, .mapped(UnsafeRawPointer(address)))
    }

    deinit {
        if case .mapped(let base) = storage { munmap(UnsafeMutableRawPointer(mutating: base), count) }
    }

    /// Calls `body` with the bytes, valid only inside it.
    @inline(__always)
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        switch storage {
        case .mapped(let base):
            return try withExtendedLifetime(self) {
                try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
            }
        case .read(let bytes):
            return try bytes.withUnsafeBufferPointer(body)
        }
    }

    public func starts(with prefix: [UInt8]) -> Bool {
        withUnsafeBufferPointer { $0.starts(with: prefix) }
    }

    /// The text of `range`, with invalid UTF-8 replaced by U+FFFD.
    public func text(_ range: Range<Int>) -> String {
        withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// Lets mapped pages leave the process: they are read again from the
    /// page cache when next touched. After the rows are parsed, events.csv's
    /// pages are touched again only for the text of a reported row, and
    /// letting them go lowers the engine's peak RSS by the file's size (44.5
    /// MB on M). Bytes read stay as they are.
    public func releaseResidentPages() {
        guard case .mapped(let base) = storage else { return }
        madvise(UnsafeMutableRawPointer(mutating: base), count, Int32(MADV_DONTNEED))
    }

    /// The bytes as an array (a copy of mapped ones).
    public var bytes: [UInt8] {
        if case .read(let bytes) = storage { return bytes }
        return withUnsafeBufferPointer { Array($0) }
    }
}
