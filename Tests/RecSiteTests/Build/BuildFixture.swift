import Foundation
import RecEngine
import RecSite
import Testing

/// Folders for the build tests: the repository, the `build-small` fixture, a
/// scratch folder per test, and a template folder holding the repository's
/// layout and assets (so the tests do not depend on the page templates).
struct BuildFixture {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let data = repository.appendingPathComponent("Tests/Fixtures/build-small").path
    static let repositoryTemplates = repository.appendingPathComponent("templates").path

    /// A fresh scratch folder; removed by `cleanUp()`.
    let scratch: String
    let templates: String
    let console = MemoryConsole()

    /// - Parameter pages: `.sitePages` copies every template of the
    ///   repository; `.standIn` only the layout and the assets.
    init(pages: PageSource = .standIn) throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-build-\(UUID().uuidString)")
        scratch = base.path
        templates = base.appendingPathComponent("templates").path
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.repositoryTemplates)
            .filter { pages == .sitePages ? true : ($0 == "layout.html.mustache" || $0 == "assets") }
        for name in names {
            try FileManager.default.copyItem(atPath: Self.repositoryTemplates + "/" + name, toPath: templates + "/" + name)
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: scratch) }

    /// A builder of the fixture (or `data`) into `scratch/<out>`, with the stand-in pages.
    func builder(out: String = "site", data: String = BuildFixture.data, workers: Int = 2,
                 renderPages: SiteBuilder.ContentMaker? = nil) -> SiteBuilder {
        var options = SiteBuilder.Options()
        options.dataDirectory = data
        options.outputDirectory = scratch + "/" + out
        options.templatesDirectory = templates
        options.configPath = Self.repository.appendingPathComponent("recsite.yml").path
        options.workers = workers
        return SiteBuilder(options: options, console: console, makeContent: renderPages ?? {
            StandInPages.render(model: $0.model, recommendations: $0.recommendations, assets: $0.assets)
        })
    }

    /// A copy of the fixture's data under `scratch/<name>` to modify.
    func copyOfData(_ name: String = "data") throws -> String {
        let path = scratch + "/" + name
        try FileManager.default.copyItem(atPath: Self.data, toPath: path)
        return path
    }

    /// Every file under `folder`, relative, sorted.
    static func files(under folder: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        var found: [String] = []
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory),
               !isDirectory.boolValue {
                found.append(path)
            }
        }
        return found.sorted()
    }

    /// Path → bytes of every file under `folder`.
    static func contents(of folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for path in try files(under: folder) {
            result[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
        }
        return result
    }

    /// Path → modification time of every file under `folder`.
    static func modificationTimes(of folder: String) throws -> [String: Date] {
        var result: [String: Date] = [:]
        for path in try files(under: folder) {
            result[path] = try FileManager.default.attributesOfItem(atPath: folder + "/" + path)[.modificationDate] as? Date
        }
        return result
    }

    /// Entries of `parent` whose names start with `.<name>.` (staging or backup folders).
    static func leftovers(in parent: String, of name: String = "site") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent).filter { $0.hasPrefix(".\(name).") }
    }
}

/// Which page renderer a build test uses: the stand-in (fixed pages, this
/// suite's own) or the site's real `ReportSite` with the repository's templates.
enum PageSource: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case standIn, sitePages

    var testDescription: String { rawValue }

    var renderer: SiteBuilder.ContentMaker {
        switch self {
        case .standIn:
            return { StandInPages.render(model: $0.model, recommendations: $0.recommendations, assets: $0.assets) }
        case .sitePages:
            return { ReportSite($0) }
        }
    }
}
