import Foundation

/// Where `recsite build` finds its templates (the `*.mustache` files and
/// `assets/`), first match wins:
///
/// 1. `--templates DIR`, as given;
/// 2. `templates/` in the working directory, when it is a folder (so a build
///    in the repository reads the repository's templates, as it always did);
/// 3. the copy `make install` puts beside the binary,
///    `<bin>/../share/recsite/templates`, where `<bin>` is the folder of the
///    executable's real path (symbolic links resolved).
///
/// When none exists the answer is `templates`, whose absence
/// `TemplateLibrary` reports naming all three places.
public enum TemplateSearch {
    /// The installed templates, relative to the folder holding the executable.
    public static let installedRelativePath = "../share/recsite/templates"

    /// The template folder to read.
    /// - Parameters:
    ///   - explicit: `--templates`, if given.
    ///   - workingDirectory: where a relative `templates/` is looked for.
    ///   - executable: the running binary's path (its real path is used).
    public static func resolve(explicit: String?,
                               workingDirectory: String = FileManager.default.currentDirectoryPath,
                               executable: String? = currentExecutable()) -> String {
        if let explicit { return explicit }
        let local = TemplateLibrary.defaultDirectory
        if FileSystem.kind(OutputFile.join(workingDirectory, local)) == .directory { return local }
        if let installed = installedDirectory(executable: executable), FileSystem.kind(installed) == .directory { return installed }
        return local
    }

    /// `<folder of the real executable>/../share/recsite/templates`, normalised.
    public static func installedDirectory(executable: String?) -> String? {
        guard let executable else { return nil }
        let real = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        return real.deletingLastPathComponent().appendingPathComponent(installedRelativePath)
            .standardizedFileURL.path
    }

    /// The running binary: `/proc/self/exe` on Linux, else Foundation's answer.
    public static func currentExecutable() -> String? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return linked }
        return Bundle.main.executablePath ?? CommandLine.arguments.first
    }
}
