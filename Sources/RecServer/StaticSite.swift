import Foundation

/// The generated site under `/`, as a static host serves it, and nothing
/// else: a request path is decoded once, split into names, and refused when
/// a name is empty-ish (`.`, `..`), hidden (`.nojekyll`, a staging folder),
/// or holds a `/`, `\`, NUL or `%` after decoding (double encoding); then the
/// real path (symlinks resolved) must lie under the real site root and be a
/// regular file. A folder answers with its `index.html`.
public struct StaticSite: Sendable {
    /// The site root with symlinks resolved, without a trailing `/`.
    public let root: String

    public init?(directory: String) {
        guard let resolved = Self.realPath(directory) else { return nil }
        root = resolved == "/" ? "" : resolved
    }

    public enum Lookup: Equatable, Sendable {
        case file(path: String)
        /// A folder asked for without its final `/`: relative links in its
        /// index need the slash, so the client is sent there (`location` is
        /// relative to the request's path).
        case redirect(location: String)
        case notFound
        /// The path is not valid percent-encoded UTF-8, or tries to leave the site.
        case badRequest(String)
    }

    /// Where `rawPath` (the request target's path, still percent-encoded) leads.
    public func lookup(rawPath: Substring) -> Lookup {
        guard rawPath.hasPrefix("/") else { return .badRequest("the path must start with /") }
        if rawPath.utf8.contains(UInt8(ascii: "\\")) { return .badRequest("backslash in path") }
        guard let decoded = PercentDecoding.decode(rawPath) else {
            return .badRequest("the path is not valid percent-encoded UTF-8")
        }
        if decoded.contains("\\") || decoded.utf8.contains(0) { return .badRequest("backslash or NUL in path") }
        if decoded.contains("%") { return .badRequest("encoded % in path (double encoding)") }
        let names = decoded.split(separator: "/", omittingEmptySubsequences: true)
        for name in names where name == ".." || name.hasPrefix(".") {
            return name == ".." || name == "." ? .badRequest("'\(name)' in path") : .notFound
        }
        let relative = names.joined(separator: "/")
        guard let real = Self.realPath(root + "/" + relative), isInside(real) else { return .notFound }
        switch Self.kind(real) {
        case .file:
            return .file(path: real)
        case .directory:
            if !decoded.hasSuffix("/") {
                // Relative (`users/` for `/users`): right behind a proxy that
                // mounts the site under a prefix, and it can never name another host.
                let last = rawPath.split(separator: "/").last ?? ""
                return .redirect(location: last + "/")
            }
            guard let index = Self.realPath(real + "/index.html"), isInside(index), Self.kind(index) == .file else {
                return .notFound
            }
            return .file(path: index)
        case .other:
            return .notFound
        }
    }

    private func isInside(_ path: String) -> Bool { path == root || path.hasPrefix(root + "/") }

    private enum Kind { case file, directory, other }

    private static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .other }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// `realpath(3)`: absolute, no `.`/`..`, every symlink followed; nil when missing.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
