import RecEngine

/// Markdown pages → HTML files: cmark-gfm (safe mode), `.md` links
/// rewritten to `.html`, Bootstrap table classes, then the layout.
public struct HTMLConverter: Sendable {
    public let renderer: MarkdownRenderer
    public let layout: HTMLLayout

    /// - Throws: `RecSiteError` if cmark lacks an extension or the layout template is missing.
    public init(templates: TemplateLibrary) throws {
        renderer = try MarkdownRenderer()
        layout = try HTMLLayout(templates: templates)
    }

    /// The HTML fragment of a page's Markdown, before the layout.
    /// - Throws: `RecSiteError.markdownFailed`.
    public func fragment(_ markdown: String) throws -> String {
        HTMLTables.decorate(LinkRewriter.rewrite(try renderer.html(markdown)))
    }

    /// The HTML file of one page (`users/u1.md` → `users/u1.html`).
    /// - Throws: `RecSiteError` from cmark or the layout template.
    /// - Complexity: O(length of the page).
    public func convert(_ page: MarkdownPage) throws -> SiteFile {
        let html = try layout.render(page: page, content: fragment(page.markdown))
        return SiteFile(path: LinkRewriter.htmlPath(page.path), text: html)
    }

    /// Every page converted on `workers` threads, in the order of `pages`.
    /// - Throws: the error of the first page (in page order) that failed,
    ///   prefixed with its path.
    /// - Complexity: O(total length of the pages) / workers.
    public func convert(_ pages: [MarkdownPage], workers: Int = ProcessInfoCores.count,
                        progress: (@Sendable (Int) -> Void)? = nil) throws -> [SiteFile] {
        let results: [Result<SiteFile, Error>] = parallelMap(count: pages.count, workers: workers, makeScratch: {}) { index, _ in
            defer { progress?(index) }
            return Result { try convert(pages[index]) }
        }
        return try results.enumerated().map { index, result in
            do { return try result.get() } catch let error as RecSiteError {
                switch error {
                case .templateError(let path, let reason):
                    throw RecSiteError.templateError(path: path, reason: "\(reason) (rendering \(pages[index].path))")
                case .markdownFailed(let reason):
                    throw RecSiteError.markdownFailed(reason: "\(pages[index].path): \(reason)")
                default: throw error
                }
            }
        }
    }
}
