import Foundation
import Testing

/// `make install` into a temporary prefix: the installed recsite, run from a
/// folder with no templates/, builds the same site as a build in the
/// repository; without its installed templates it says where it looked;
/// `make uninstall` removes what was installed.
@Suite(.serialized) struct InstallTests {
    @Test func anInstalledRecsiteBuildsTheRepositorysSiteFromAnyFolder() throws {
        let root = RecsiteProcess.repositoryRoot
        let temp = try RecsiteProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let prefix = temp.appendingPathComponent("prefix").path
        let make = URL(fileURLWithPath: "/usr/bin/make")
        let install = try RecsiteProcess.run(
            ["-s", "install", "PREFIX=" + prefix, "INSTALL_BIN=" + RecsiteProcess.executable.path], program: make)
        #expect(install.status == 0, "\(install.stderr)")
        let installed = prefix + "/bin/recsite"
        #expect(FileManager.default.isExecutableFile(atPath: installed))
        // The server is installed beside it, where `recsite serve` looks.
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/recsite-serve"))
        let templates = try FileManager.default.contentsOfDirectory(atPath: prefix + "/share/recsite/templates").sorted()
        let shipped = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("templates").path).sorted()
        #expect(templates == shipped)

        // An unrelated working folder: no templates/, no recsite.yml.
        let elsewhere = temp.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let outside = temp.appendingPathComponent("outside").path, inside = temp.appendingPathComponent("inside").path
        let data = root.appendingPathComponent("data").path, config = root.appendingPathComponent("recsite.yml").path
        let built = try RecsiteProcess.run(["build", "--data", data, "--config", config, "--out", outside, "--quiet"],
                                           in: elsewhere, program: URL(fileURLWithPath: installed))
        #expect(built.status == 0, "\(built.stderr)")
        let reference = try RecsiteProcess.run(["build", "--data", "data", "--out", inside, "--quiet"])
        #expect(reference.status == 0, "\(reference.stderr)")
        let diff = try RecsiteProcess.run(["-r", outside, inside], program: URL(fileURLWithPath: "/usr/bin/diff"))
        #expect(diff.status == 0, "\(diff.stdout)")
        #expect(FileManager.default.fileExists(atPath: outside + "/index.html"))

        // Without the installed templates: a one-line error naming the places looked in.
        try FileManager.default.removeItem(atPath: prefix + "/share/recsite/templates")
        let missing = try RecsiteProcess.run(["build", "--data", data, "--out", outside, "--quiet"],
                                             in: elsewhere, program: URL(fileURLWithPath: installed))
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("template folder not found"))
        #expect(missing.stderr.contains("../share/recsite/templates"))

        let uninstall = try RecsiteProcess.run(["-s", "uninstall", "PREFIX=" + prefix], program: make)
        #expect(uninstall.status == 0, "\(uninstall.stderr)")
        #expect(!FileManager.default.fileExists(atPath: installed))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/recsite-serve"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/share/recsite"))
    }
}
