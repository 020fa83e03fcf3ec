import Foundation
import Testing
@testable import RecSite

/// The fixture's pages, byte for byte. `RECSITE_UPDATE_GOLDEN=1 swift test`
/// rewrites the golden files; review their diff before committing.
@Suite struct GoldenPageTests {
    static let goldens: [(file: String, page: String)] = [
        ("user.md", SitePaths.user("u1")),
        ("item.md", SitePaths.item("i13")),
        ("popular.md", SitePaths.popular),
        ("compare.md", SitePaths.compare),
        ("data-quality.md", SitePaths.dataQuality),
    ]

    @Test(arguments: goldens.map(\.file))
    func pageMatchesGolden(file: String) throws {
        let path = Self.goldens.first { $0.file == file }!.page
        let markdown = try PageFixture.site().page(path).markdown
        let goldenPath = PageFixture.goldenDirectory + "/" + file
        if ProcessInfo.processInfo.environment["RECSITE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(atPath: PageFixture.goldenDirectory, withIntermediateDirectories: true)
            try Data(markdown.utf8).write(to: URL(fileURLWithPath: goldenPath))
        }
        let golden = try #require(FileManager.default.contents(atPath: goldenPath), "missing \(goldenPath)")
        #expect(markdown == String(decoding: golden, as: UTF8.self), "\(path) differs from golden/\(file)")
    }
}
