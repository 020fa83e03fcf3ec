import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Every relative link of every page points at a page of the site or at a
/// file `SitePaths` names (chart, JSON, CSV), and never leaves the site.
@Suite struct PageLinkTests {
    /// The files a link may point at: the pages, the charts, and the JSON and
    /// CSV files the site writer produces for this model.
    static func targets(_ site: PageFixture.Site) -> Set<String> {
        var targets = Set(site.pages.map(\.path) + site.files.map(\.path))
        targets.formUnion([SitePaths.health, SitePaths.popularJSON, SitePaths.usersJSON, SitePaths.itemsJSON,
                           SitePaths.popularMoviesCSV, SitePaths.buildSummary])
        for user in site.model.dataset.users {
            targets.formUnion([
                SitePaths.recommendationsJSON(user.id), SitePaths.userHistoryJSON(user.id),
                SitePaths.completeHistoryCSV(user.id), SitePaths.recommendationsCSV(user.id),
                SitePaths.movieReportCSV(user.id), SitePaths.scoreBreakdownsCSV(user.id),
            ])
        }
        for item in site.model.dataset.items {
            targets.formUnion([SitePaths.recommendedToJSON(item.id), SitePaths.recommendedToCSV(item.id)])
        }
        return targets
    }

    @Test func everyLinkResolves() throws {
        let site = try PageFixture.site()
        let targets = Self.targets(site)
        var checked = 0
        for page in site.pages {
            // In-page links (`#…`) are checked against the HTML's ids by HeadingAnchorTests.
            for link in MarkdownLinks.targets(in: page.markdown) where !link.hasPrefix("#") {
                let resolved = try #require(MarkdownLinks.resolve(link, from: page.path), "\(page.path): \(link) leaves the site")
                #expect(targets.contains(resolved), "\(page.path): \(link) → \(resolved) is not a file of the site")
                checked += 1
            }
        }
        #expect(checked > 500)
    }

    @Test func pagesLinkToMarkdownPagesAndTheirDownloads() throws {
        let site = try PageFixture.site()
        let user = try site.page(SitePaths.user("u1"))
        let links = Set(MarkdownLinks.targets(in: user.markdown).compactMap { MarkdownLinks.resolve($0, from: user.path) })
        for path in [SitePaths.recommendationsJSON("u1"), SitePaths.userHistoryJSON("u1"), SitePaths.completeHistoryCSV("u1"),
                     SitePaths.recommendationsCSV("u1"), SitePaths.movieReportCSV("u1"), SitePaths.scoreBreakdownsCSV("u1"),
                     SitePaths.userGenreChart("u1"), SitePaths.item("i13"), SitePaths.usersIndex] {
            #expect(links.contains(path), "users/u1.md does not link \(path)")
        }
        let index = try site.page(SitePaths.index)
        let fromIndex = Set(MarkdownLinks.targets(in: index.markdown).compactMap { MarkdownLinks.resolve($0, from: index.path) })
        for path in [SitePaths.usersIndex, SitePaths.itemsIndex, SitePaths.popular, SitePaths.compare,
                     SitePaths.dataQuality, SitePaths.methodology, SitePaths.changes, SitePaths.buildSummary] {
            #expect(fromIndex.contains(path), "index.md does not link \(path)")
        }
    }

    @Test func everyPageIsReachableFromTheIndexes() throws {
        let site = try PageFixture.site()
        var linked = Set<String>()
        for page in site.pages {
            linked.formUnion(MarkdownLinks.targets(in: page.markdown).compactMap { MarkdownLinks.resolve($0, from: page.path) })
        }
        for page in site.pages where page.path != SitePaths.index {
            #expect(linked.contains(page.path), "nothing links \(page.path)")
        }
    }
}

/// Finds the targets of inline links and images, `[text](target)`, in Markdown
/// whose link texts were escaped (code spans are skipped), and resolves them against a page's folder.
enum MarkdownLinks {
    static func targets(in markdown: String) -> [String] {
        var targets: [String] = []
        let scalars = Array(HostileDataTests.outsideCodeSpans(markdown).unicodeScalars)
        var index = 0, escaped = false
        while index < scalars.count {
            let scalar = scalars[index]
            if escaped { escaped = false; index += 1; continue }
            if scalar == "\\" { escaped = true; index += 1; continue }
            if scalar == "]", index + 1 < scalars.count, scalars[index + 1] == "(" {
                var end = index + 2
                while end < scalars.count, scalars[end] != ")" { end += 1 }
                targets.append(String(String.UnicodeScalarView(scalars[(index + 2)..<end])))
                index = end
            }
            index += 1
        }
        return targets
    }

    /// The site-root path of `link` seen from `page`, or nil when it climbs
    /// above the root or is not a plain relative path.
    static func resolve(_ link: String, from page: String) -> String? {
        guard !link.contains(":"), !link.hasPrefix("/"), !link.contains(" ") else { return nil }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in link.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if parts.isEmpty { return nil } else { parts.removeLast() }
            case ".", "": return nil
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
