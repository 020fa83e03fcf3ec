import Foundation

/// A site file as a response body: read whole when small (the pages, tens
/// of kilobytes), else streamed in `chunkSize` pieces, so a large file never
/// sits in memory whole. A file that vanished between lookup and read (a
/// rebuild swapping the folder) is simply not found.
enum SiteFileBody {
    /// Files up to this size are read whole.
    static let wholeLimit = 1 << 20
    static let chunkSize = 256 << 10

    static func body(of path: String) -> ServerResponse.Body? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = (attributes[.size] as? NSNumber)?.intValue else { return nil }
        if size > wholeLimit { return .file(path: path, size: size) }
        return FileManager.default.contents(atPath: path).map { .bytes([UInt8]($0)) }
    }

    /// Calls `send` with each piece of the file, in order, up to `size`
    /// bytes (the length announced, even if the file grew since).
    static func stream(_ path: String, size: Int, _ send: ([UInt8]) async throws -> Void) async throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? handle.close() }
        var remaining = size
        while remaining > 0 {
            guard let data = try handle.read(upToCount: min(chunkSize, remaining)), !data.isEmpty else {
                throw CocoaError(.fileReadUnknown)  // shorter than announced: the connection is cut
            }
            remaining -= data.count
            try await send([UInt8](data))
        }
    }
}
