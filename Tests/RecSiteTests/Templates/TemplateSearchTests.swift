import Foundation
import Testing
@testable import RecSite

/// `TemplateSearch.resolve`: --templates, then ./templates, then the
/// installed copy beside the binary's real path, in temporary folders.
@Suite struct TemplateSearchTests {
    /// A prefix with `bin/recsite` (an empty file) and `share/recsite/templates/`,
    /// and a working directory without templates.
    struct Layout {
        let root: String
        var binary: String { root + "/prefix/bin/recsite" }
        var installed: String { root + "/prefix/share/recsite/templates" }
        var work: String { root + "/work" }

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-search-\(UUID().uuidString)").path
            for folder in [root + "/prefix/bin", root + "/prefix/share/recsite/templates", root + "/work"] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            #expect(FileManager.default.createFile(atPath: root + "/prefix/bin/recsite", contents: Data()))
        }
    }

    @Test func anExplicitFolderWinsEvenWhenMissing() throws {
        let layout = try Layout()
        try FileManager.default.createDirectory(atPath: layout.work + "/templates", withIntermediateDirectories: true)
        #expect(TemplateSearch.resolve(explicit: "/nowhere", workingDirectory: layout.work, executable: layout.binary)
            == "/nowhere")
    }

    @Test func theWorkingDirectorysTemplatesComeBeforeTheInstalledOnes() throws {
        let layout = try Layout()
        try FileManager.default.createDirectory(atPath: layout.work + "/templates", withIntermediateDirectories: true)
        #expect(TemplateSearch.resolve(explicit: nil, workingDirectory: layout.work, executable: layout.binary)
            == "templates")
    }

    @Test func elseTheCopyBesideTheBinaryFoundThroughASymbolicLink() throws {
        let layout = try Layout()
        #expect(TemplateSearch.resolve(explicit: nil, workingDirectory: layout.work, executable: layout.binary)
            == layout.installed)
        // ~/bin/recsite → prefix/bin/recsite: the link's own folder has no share/.
        try FileManager.default.createDirectory(atPath: layout.root + "/home/bin", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: layout.root + "/home/bin/recsite", withDestinationPath: layout.binary)
        #expect(TemplateSearch.resolve(explicit: nil, workingDirectory: layout.work,
                                       executable: layout.root + "/home/bin/recsite") == layout.installed)
    }

    @Test func withNothingFoundTheAnswerIsTemplatesWhoseAbsenceIsExplained() throws {
        let layout = try Layout()
        try FileManager.default.removeItem(atPath: layout.installed)
        let folder = TemplateSearch.resolve(explicit: nil, workingDirectory: layout.work, executable: layout.binary)
        #expect(folder == "templates")
        #expect(TemplateSearch.resolve(explicit: nil, workingDirectory: layout.work, executable: nil) == "templates")
        #expect(throws: RecSiteError.self) { try TemplateLibrary(directory: layout.work + "/templates") }
    }
}
