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
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
              !path.contains("\0"), path != SiteWriter.manifestPath else {
            throw RecSiteError.writeFailed(path: path, reason: "not a valid site-relative file path")
        }
        guard !paths.contains(path) else {
            throw RecSiteError.writeFailed(path: path, reason: "two files of the build have this path")
        }
        var clash = folders.contains(path) ? path : nil
        var newFolders: [String] = []
        for end in parts.indices.dropLast() {
            let folder = parts[...end].joined(separator: "/")
            if paths.contains(folder) { clash = clash ?? folder }
            newFolders.append(folder)
        }
        if let clash {
            throw RecSiteError.writeFailed(path: clash, reason: "the build makes this path both a file and a folder")
        }
        paths.insert(path)
        folders.formUnion(newFolders)
    }

    /// `.recsite-manifest`: the sorted list of the site's files. Copied
    /// system files (assets/vendor/) are left out, so the manifest does not
    /// depend on what the machine's packages hold.
    var manifest: SiteFile {
        let listing = paths.filter { path in !SiteWriter.checkIgnoredPrefixes.contains { path.hasPrefix($0) } }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let text = "# Files of this site, written by `recsite build`; it replaces only folders holding this file.\n"
            + listing.map { $0 + "\n" }.joined()
        return SiteFile(path: SiteWriter.manifestPath, text: text)
    }
}
