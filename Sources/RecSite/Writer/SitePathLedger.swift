import RecEngine

/// The paths a build has made so far: each one checked (site-relative, no
/// `.`/`..`, not made twice, never both a file and a folder) before its file
/// is written, and listed in the site's manifest at the end.
struct SitePathLedger {
    /// Every file path admitted, site-relative.
    private(set) var paths = Set<String>()
    /// Every folder those paths need (`a`, `a/b` for `a/b/c`).
    private(set) var folders = Set<String>()

    /// Admits `path`.
    /// - Throws: `RecSiteError.writeFailed` naming the bad path.
    mutating func admit(_ path: String) throws {
        guard Self.isValid(path) else {
            throw RecSiteError.writeFailed(path: path, reason: "not a valid site-relative file path")
        }
        guard !paths.contains(path) else {
            throw RecSiteError.writeFailed(path: path, reason: "two files of the build have this path")
        }
        var clash = folders.contains(path) ? path : nil
        var newFolders: [String] = []
        var index = path.utf8.startIndex
        while let slash = path.utf8[index...].firstIndex(of: UInt8(ascii: "/")) {
            let folder = String(path[..<slash])
            if folders.contains(folder) { break }  // and so are its parents
            if paths.contains(folder) { clash = clash ?? folder }
            newFolders.append(folder)
            index = path.utf8.index(after: slash)
        }
        if let clash {
            throw RecSiteError.writeFailed(path: clash, reason: "the build makes this path both a file and a folder")
        }
        paths.insert(path)
        folders.formUnion(newFolders)
    }

    /// Relative, no empty, `.` or `..` segment, no NUL, not the manifest.
    private static func isValid(_ path: String) -> Bool {
        path != SiteWriter.manifestPath && !path.utf8.contains(0) && RelativePath.isPlain(path.utf8)
    }

    /// `.recsite-manifest`: the sorted list of the site's files (those
    /// `SiteWriter.checkIgnoredPrefixes` names left out; none by default).
    var manifest: SiteFile {
        let listing = paths.filter { path in !SiteWriter.checkIgnoredPrefixes.contains { path.hasPrefix($0) } }
            .sorted(by: codePointLess)
        let text = "# Files of this site, written by `recsite build`; it replaces only folders holding this file.\n"
            + listing.map { $0 + "\n" }.joined()
        return SiteFile(path: SiteWriter.manifestPath, text: text)
    }
}
