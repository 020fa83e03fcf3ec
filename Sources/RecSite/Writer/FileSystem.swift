import Foundation
import RecEngine

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the site writer needs, each reporting the system's
/// reason on failure. Paths are plain strings; nothing here knows the site.
enum FileSystem {
    enum Kind { case missing, file, directory, other }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        return lstat(path, &info) == 0 ? kind(of: info) : .missing
    }

    /// `kind`, following symbolic links (a link to a folder is a `.directory`).
    static func kindFollowingLinks(_ path: String) -> Kind {
        var info = stat()
        return stat(path, &info) == 0 ? kind(of: info) : .missing
    }

    private static func kind(of info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Whether `path` is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// The absolute path with every symbolic link, `.` and `..` resolved
    /// (`realpath(3)`), or `nil` when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The size of a regular file, or `nil` when it is not one.
    static func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Every regular file under `root`, as `/`-separated paths relative to
    /// it, sorted by their bytes. Symbolic links and other special files are
    /// listed too (they are not the site's, so a rebuild removes them).
    /// - Throws: `RecSiteError.writeFailed` if a folder cannot be read.
    static func listFiles(under root: String) throws -> [String] {
        var found: [String] = []
        func walk(_ relative: String) throws {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            guard let directory = opendir(absolute) else {
                throw RecSiteError.writeFailed(path: absolute, reason: "cannot list the folder: \(reason())")
            }
            defer { closedir(directory) }
            var children: [(name: String, isDirectory: Bool)] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) { isDirectory = kind(root + "/" + path) == .directory }
                children.append((path, isDirectory))
            }
            for child in children {
                if child.isDirectory { try walk(child.name) } else { found.append(child.name) }
            }
        }
        try walk("")
        return found.sorted(by: codePointLess)
    }

    /// The whole file, or `nil` if it cannot be read.
    static func read(_ path: String) -> [UInt8]? { FileBytes.read(path) }

    /// Whether the file at `path` holds exactly `bytes` (sizes first, so a
    /// changed file is usually told apart without reading it).
    static func hasContents(_ path: String, _ bytes: [UInt8]) -> Bool {
        guard fileSize(path) == bytes.count else { return false }
        return read(path) == bytes
    }

    /// Creates a new file (it must not exist) holding `bytes`.
    /// - Throws: `RecSiteError.writeFailed` naming the path.
    static func create(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw RecSiteError.writeFailed(path: path, reason: reason()) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let failure = reason()
                close(descriptor)
                throw RecSiteError.writeFailed(path: path, reason: failure)
            }
            offset += count
        }
        guard close(descriptor) == 0 else { throw RecSiteError.writeFailed(path: path, reason: reason()) }
    }

    /// A second name for an existing file (same inode, same modification
    /// time); where hard links are impossible, a copy with the original's
    /// modification time.
    /// - Throws: `RecSiteError.writeFailed` naming the new path.
    static func linkOrCopy(existing: String, new: String, bytes: [UInt8]) throws {
        if link(existing, new) == 0 { return }
        try create(new, bytes)
        var info = stat()
        guard stat(existing, &info) == 0 else { return }
        var times = [info.st_atim, info.st_mtim]
        _ = utimensat(AT_FDCWD, new, &times, 0)
    }

    /// `linkOrCopy` of a file read only when it must be copied.
    static func linkOrCopy(existing: String, new: String) throws {
        if link(existing, new) == 0 { return }
        guard let bytes = read(existing) else {
            throw RecSiteError.writeFailed(path: new, reason: "cannot read \(existing) to copy it: \(reason())")
        }
        try linkOrCopy(existing: existing, new: new, bytes: bytes)
    }

    /// Whether two regular files hold the same bytes (sizes first).
    static func sameContents(_ a: String, _ b: String) -> Bool {
        guard let size = fileSize(a), fileSize(b) == size, let bytes = read(b) else { return false }
        return hasContents(a, bytes)
    }

    /// `mkdir` of one folder whose parent exists; an existing folder (or a
    /// link to one, as macOS's `/tmp` or a linked home folder) is fine.
    /// - Throws: `RecSiteError.writeFailed` naming the path.
    static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o777) == 0 || (errno == EEXIST && kindFollowingLinks(path) == .directory) { return }
        throw RecSiteError.writeFailed(path: path, reason: reason())
    }

    /// `mkdir -p`.
    /// - Throws: `RecSiteError.writeFailed` naming the part that failed.
    static func makeDirectories(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for part in path.split(separator: "/") {
            prefix += part
            try makeDirectory(prefix)
            prefix += "/"
        }
    }

    /// A new, empty folder `<directory>/<prefix>XXXXXX` with the permissions
    /// of an ordinary folder (mkdtemp makes it 0700).
    /// - Throws: `RecSiteError.writeFailed` naming the folder it tried to make.
    static func makeTemporaryDirectory(in directory: String, prefix: String) throws -> String {
        var template = Array((directory + "/" + prefix + "XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw RecSiteError.writeFailed(path: directory + "/" + prefix + "XXXXXX", reason: reason())
        }
        let path = String(cString: made)
        let mask = umask(0o022)
        umask(mask)
        chmod(path, 0o777 & ~mask)
        return path
    }

    /// `rename(2)`.
    /// - Throws: `RecSiteError.writeFailed` naming both paths.
    static func rename(_ from: String, _ to: String) throws {
        guard posixRename(from, to) == 0 else {
            throw RecSiteError.writeFailed(path: to, reason: "cannot rename \(from) to it: \(reason())")
        }
    }

    /// Removes a folder and everything in it; a missing path is fine.
    static func removeTree(_ path: String) throws {
        guard kind(path) != .missing else { return }
        do { try FileManager.default.removeItem(atPath: path) } catch {
            throw RecSiteError.writeFailed(path: path, reason: "cannot remove: \(error.localizedDescription)")
        }
    }

    /// `strerror(errno)`.
    static func reason() -> String { String(cString: strerror(errno)) }
}

private func posixRename(_ from: String, _ to: String) -> Int32 {
    rename(from, to)
}
