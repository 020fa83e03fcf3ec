import RecEngine

/// The static files of the site: the template folder's `assets/` (CSS,
/// search, theme and table scripts) and Bootstrap 5 from Debian's
/// `libjs-bootstrap5` with its licence, copied to `assets/vendor/bootstrap/`
/// at build time (no CDN) and committed with the site, so a clone of the
/// site publishes as it is.
public enum SiteAssets {
    /// Where `libjs-bootstrap5` installs Bootstrap.
    public static let debianBootstrapDirectory = "/usr/share/javascript/bootstrap5"
    /// The Debian package to install when Bootstrap is missing.
    public static let bootstrapPackage = "libjs-bootstrap5"
    /// Site folder of the copied Bootstrap files.
    public static let vendorDirectory = "assets/vendor/bootstrap"
    /// The package's copyright file (Bootstrap's MIT licence), copied as `LICENSE`.
    public static let bootstrapLicence = "/usr/share/doc/libjs-bootstrap5/copyright"

    /// Files copied from the Bootstrap folder: (path inside it, required).
    /// Source maps are copied when present so browser tools find them.
    public static let bootstrapFiles: [(path: String, required: Bool)] = [
        ("css/bootstrap.min.css", true),
        ("css/bootstrap.min.css.map", false),
        ("js/bootstrap.bundle.min.js", true),
        ("js/bootstrap.bundle.min.js.map", false),
    ]

    /// Every file under `<templates>/assets`, as `assets/<relative path>`, sorted.
    /// - Throws: `RecSiteError.templateError` when the folder is missing or unreadable.
    public static func templateAssets(templatesDirectory: String) throws -> [SiteFile] {
        let folder = OutputFile.join(templatesDirectory, "assets")
        guard FileSystem.kind(folder) == .directory else {
            throw RecSiteError.templateError(path: folder, reason: "assets folder not found (copy templates/assets)")
        }
        let paths: [String]
        do { paths = try FileSystem.listFiles(under: folder) } catch {
            throw RecSiteError.templateError(path: folder, reason: "cannot list the assets folder")
        }
        let root = FileSystem.realPath(templatesDirectory) ?? templatesDirectory
        return try paths.map { path in
            let source = folder + "/" + path
            // A link may point elsewhere inside the templates folder, never
            // outside it: the site is published, and with it any file copied.
            if FileSystem.isLink(source) {
                guard let real = FileSystem.realPath(source), real.hasPrefix(root == "/" ? "/" : root + "/") else {
                    throw RecSiteError.templateError(
                        path: source, reason: "a symbolic link to a file outside the templates folder "
                            + "(\(FileSystem.realPath(source) ?? "missing")); assets are copied into the published site, "
                            + "so recsite copies only files inside \(templatesDirectory)")
                }
            }
            let bytes: [UInt8]
            do { bytes = try FileBytes.input(source) } catch {
                throw RecSiteError.templateError(path: source, reason: "\(error)")
            }
            return SiteFile(path: "assets/" + path, bytes: bytes)
        }
    }

    /// Bootstrap's CSS and JavaScript bundle (and their source maps, when present).
    /// - Parameter directory: the Bootstrap folder (Debian's by default).
    /// - Throws: `RecSiteError.missingPackageFile` naming the missing file and
    ///   `libjs-bootstrap5`.
    public static func bootstrap(directory: String = debianBootstrapDirectory,
                                 licence: String = bootstrapLicence) throws -> [SiteFile] {
        guard let licenceBytes = FileSystem.read(licence) else {
            throw RecSiteError.missingPackageFile(path: licence, package: bootstrapPackage)
        }
        var files = [SiteFile(path: vendorDirectory + "/LICENSE", bytes: licenceBytes)]
        for entry in bootstrapFiles {
            let source = OutputFile.join(directory, entry.path)
            guard let bytes = FileSystem.read(source) else {
                if entry.required { throw RecSiteError.missingPackageFile(path: source, package: bootstrapPackage) }
                continue
            }
            files.append(SiteFile(path: vendorDirectory + "/" + entry.path, bytes: bytes))
        }
        return files
    }
}
