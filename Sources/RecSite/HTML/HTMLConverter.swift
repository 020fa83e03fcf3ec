import RecEngine

/// Markdown pages → HTML files: cmark-gfm (safe mode), `.md` links
/// rewritten to `.html`, heading ids, Bootstrap table classes, then the layout. Each
/// converted page also carries the links of its Markdown and of its HTML,
/// so the link check needs no second parse.
public struct HTMLConverter: Sendable {
    /// One page's HTML file and the links found on the way.
    public struct ConvertedPage: Sendable {
        /// The `.html` file.
        public let file: SiteFile
        /// The Markdown page's link and image targets: the `href`/`src`
        /// values cmark wrote for them, before `.md` became `.html`.
        public let markdownLinks: LinkChecker.PageLinks
        /// Every `href`/`src` of the HTML file, layout included.
        public let htmlLinks: LinkChecker.PageLinks
    }

    public let renderer: MarkdownRenderer
    public let layout: HTMLLayout

    /// - Parameter linksMarkdown: whether each page links its Markdown twin (not when no `.md` is written).
    /// - Throws: `RecSiteError` if cmark lacks an extension or the layout template is missing.
    /// - Parameter evaluation: whether the site has an evaluation page (for the navigation).
    public init(templates: TemplateLibrary, linksMarkdown: Bool = true, evaluation: Bool = false) throws {
        renderer = try MarkdownRenderer()
        layout = try HTMLLayout(templates: templates, linksMarkdown: linksMarkdown, evaluation: evaluation)
    }

    /// The HTML fragment of a page's Markdown, before the layout.
    /// - Throws: `RecSiteError.markdownFailed`.
    public func fragment(_ markdown: String) throws -> String {
        HTMLTables.decorate(String(decoding: HTMLHeadings.anchor(Array(LinkRewriter.rewrite(try renderer.html(markdown)).utf8)),
                                   as: UTF8.self))
    }

    /// The HTML file of one page (`users/u1.md` → `users/u1.html`) and its links.
    /// - Throws: `RecSiteError` from cmark or the layout template.
    /// - Complexity: O(length of the page).
    public func convert(_ page: MarkdownPage) throws -> ConvertedPage {
        try renderer.withHTML(page.markdown) { raw in try convert(page, html: raw) }
    }

    /// `convert(_:)` given cmark's HTML: its bytes are rewritten straight
    /// into the page, without going through `String` (a copy and a UTF-8
    /// check each time).
    private func convert(_ page: MarkdownPage, html raw: UnsafeBufferPointer<UInt8>) throws -> ConvertedPage {
        let attributes = HTMLLinks.attributes(in: raw)
        let replacements = attributes.map(LinkRewriter.rewritten)
        var content: [UInt8] = []
        HTMLLinks.append(raw, replacing: attributes, with: replacements, to: &content)
        content = HTMLHeadings.anchor(content)
        let path = LinkRewriter.htmlPath(page.path)
        // The layout is rendered around a marker and scanned for its own links;
        // the page's links after rewriting are known from `attributes`, so the
        // whole document is never scanned again. A layout whose text holds the
        // marker elsewhere (a custom one inserting data unescaped) takes the
        // plain way: render with the content, scan everything.
        let shell = try layout.render(page: page, content: Self.contentMarker)
        guard let pieces = Self.split(shell, at: Self.contentMarker) else {
            let html = try layout.render(page: page, content: HTMLTables.decorate(String(decoding: content, as: UTF8.self)))
            return ConvertedPage(
                file: SiteFile(path: path, text: html),
                markdownLinks: LinkChecker.PageLinks(page: page.path, links: attributes.map(\.value)),
                htmlLinks: LinkChecker.PageLinks(page: path, links: LinkChecker.links(inHTML: html)))
        }
        var bytes = Array(pieces.before.utf8)
        content.withUnsafeBufferPointer { HTMLTables.append($0, to: &bytes) }
        bytes.append(contentsOf: pieces.after.utf8)
        let contentLinks = zip(attributes, replacements).map { attribute, replacement in
            replacement.map(HTMLLinks.decodeEntities) ?? attribute.value
        }
        return ConvertedPage(
            file: SiteFile(path: path, bytes: bytes),
            markdownLinks: LinkChecker.PageLinks(page: page.path, links: attributes.map(\.value)),
            htmlLinks: LinkChecker.PageLinks(
                page: path,
                links: LinkChecker.links(inHTML: pieces.before) + contentLinks + LinkChecker.links(inHTML: pieces.after)))
    }

    /// The text before and after the only occurrence of `marker`, or nil when
    /// it occurs less or more than once. Bytes are compared, as Foundation's
    /// `components(separatedBy:)` took 4% of a build.
    static func split(_ text: String, at marker: String) -> (before: String, after: String)? {
        let bytes = Array(text.utf8), pattern = Array(marker.utf8)
        var found: [Int] = []
        var index = 0
        while index + pattern.count <= bytes.count, found.count < 2 {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                found.append(index)
                index += pattern.count
            } else {
                index += 1
            }
        }
        guard found.count == 1, let start = found.first else { return nil }
        return (String(decoding: bytes[..<start], as: UTF8.self),
                String(decoding: bytes[(start + pattern.count)...], as: UTF8.self))
    }

    /// Stands for the page's HTML in the layout while its links are read: a
    /// `<` that the layout's `{{…}}` escapes, so no title can forge it.
    static let contentMarker = "<!--recsite:page-content-->"

    /// Every page converted on `workers` threads, in the order of `pages`.
    /// - Parameter progress: called once per page, from any thread.
    /// - Throws: the error of the first page (in page order) that failed,
    ///   naming its path.
    /// - Complexity: O(total length of the pages) / workers (pages holding
    ///   `~` parse one at a time; see `MarkdownRenderer`).
    public func convert(_ pages: [MarkdownPage], workers: Int = ProcessInfoCores.count,
                        progress: (@Sendable () -> Void)? = nil) throws -> [ConvertedPage] {
        let results = parallelMap(count: pages.count, workers: workers, makeScratch: {}) { index, _ in
            defer { progress?() }
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
