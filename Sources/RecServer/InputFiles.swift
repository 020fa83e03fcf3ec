import Foundation

/// The size, modification time and inode of each file a model is built from
/// (the three CSV files, the explanation cache, the settings file): `--reload`
/// compares two of these once a second instead of watching with inotify,
/// which is simple and portable. A missing file is recorded as missing.
public struct InputFiles: Sendable, Equatable {
    struct Stamp: Equatable {
        let path: String
        let exists: Bool
        let size: Int64
        let modified: Int64
        let inode: UInt64
    }

    let stamps: [Stamp]

    init(_ options: ServerOptions) {
        let data = options.dataDirectory
        let config = options.configPath ?? "recsite.yml"
        let paths = ["users.csv", "items.csv", "events.csv", "explanations.jsonl"].map { data + "/" + $0 } + [config]
        stamps = paths.map(Self.stamp)
    }

    private static func stamp(_ path: String) -> Stamp {
        var info = stat()
        guard stat(path, &info) == 0 else { return Stamp(path: path, exists: false, size: 0, modified: 0, inode: 0) }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return Stamp(path: path, exists: true, size: Int64(info.st_size), modified: modified, inode: UInt64(info.st_ino))
    }
}
