import RecEngine

/// The Markdown pages of a site, rendered a range at a time, so that a build
/// holds one batch of page text rather than the whole site's (`SitePages`,
/// or a stand-in in tests).
public protocol SitePageSource: Sendable {
    /// How many pages the site has.
    var count: Int { get }

    /// Pages `range` (positions in the site's page order) and the files that
    /// go with them, such as charts. Rendering every range of a partition of
    /// `0..<count` in turn gives the same pages and files, in the same order,
    /// whatever the partition and `workers`.
    func render(_ range: Range<Int>, workers: Int) throws -> (pages: [MarkdownPage], files: [SiteFile])

    /// Throws what rendering would throw for a reason known before any page
    /// is rendered, such as a missing template, so a build fails before it
    /// writes anything.
    func validate() throws
}

extension SitePageSource {
    public func validate() throws {}

    /// Every page and file at once (tests and small sites).
    public func render(workers: Int = ProcessInfoCores.count) throws -> (pages: [MarkdownPage], files: [SiteFile]) {
        try render(0..<count, workers: workers)
    }
}
