import CCmarkGFM
import Foundation

/// Converts GitHub-flavoured Markdown to an HTML fragment with libcmark-gfm,
/// and lists a document's link targets.
///
/// This is the only file that imports `CCmarkGFM`; no C pointer leaves it.
/// The renderer runs in cmark's safe mode (it never sets
/// `CMARK_OPT_UNSAFE`): raw HTML blocks and inline tags become
/// `<!-- raw HTML omitted -->`, and `javascript:`, `vbscript:`, `file:` and
/// non-image `data:` link targets become empty. The `tagfilter` extension
/// is attached as well, but safe mode is what keeps data out of the markup.
///
/// A renderer holds no C state, so one value may be used from many threads
/// at once: every call makes, uses and frees its own parser.
///
/// **Why most pages parse in parallel, and some one at a time.** cmark-gfm
/// 0.29 adds the inline extensions' special characters (`~` for
/// strikethrough, `:` and `w` for autolinks) to a process-wide table before
/// each inline parse and removes them after it
/// (`cmark_manage_extensions_special_characters`, also called by the table
/// extension for every row), so two such parses at once can lose `~~x~~` or
/// an autolink. A parser with only the block-level `table` and `tagfilter`
/// extensions attached never touches that table, and a page with no `~`,
/// `@`, `://` or `www.` gives the same document with or without
/// strikethrough and autolinks (those are the only texts they act on; a
/// character another thread marked special only splits a text node, which
/// renders the same). So such pages, nearly all of a site, are parsed with
/// table and tagfilter only, in parallel; any other page is parsed with all
/// four extensions under a lock.
public struct MarkdownRenderer: Sendable {
    /// The GFM extensions every page is parsed with.
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    /// The extensions that change nothing process-wide (see the type's documentation).
    static let blockExtensionNames = ["table", "tagfilter"]

    /// - Throws: `RecSiteError.markdownFailed` if the installed libcmark-gfm
    ///   lacks one of `extensionNames`.
    public init() throws {
        _ = Self.registerExtensions
        for name in Self.extensionNames where cmark_find_syntax_extension(name) == nil {
            throw RecSiteError.markdownFailed(
                reason: "libcmark-gfm has no '\(name)' extension (apt-get install libcmark-gfm-extensions-dev)")
        }
    }

    /// Renders `markdown` as an HTML fragment.
    /// - Parameter markdown: CommonMark with GFM tables, strikethrough and autolinks.
    /// - Returns: the HTML, UTF-8, with `\n` line ends.
    /// - Throws: `RecSiteError.markdownFailed` if cmark fails.
    /// - Complexity: O(length of `markdown`).
    public func html(_ markdown: String) throws -> String {
        try withHTML(markdown) { String(decoding: $0, as: UTF8.self) }
    }

    /// `html(_:)`'s bytes, lent to `body` as cmark wrote them (no copy):
    /// valid UTF-8, as cmark replaces invalid input with U+FFFD.
    /// - Throws: `RecSiteError.markdownFailed` if cmark fails, or what `body` throws.
    public func withHTML<Result>(_ markdown: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result {
        try withDocument(markdown) { document, parser in
            // The parser's extension list is needed while rendering (the
            // table extension renders its own nodes), so this runs before the
            // parser is freed.
            guard let rendered = cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
                throw RecSiteError.markdownFailed(reason: "cmark_render_html failed")
            }
            defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
            return try rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
                try body(UnsafeBufferPointer(start: start, count: strlen(rendered)))
            }
        }
    }

    /// The destinations of every link and image of `markdown`, in document
    /// order, as written (before safe mode empties unsafe ones).
    /// - Throws: `RecSiteError.markdownFailed` if cmark fails.
    /// - Complexity: O(length of `markdown`).
    public func links(in markdown: String) throws -> [String] {
        try withDocument(markdown) { document, _ in
            guard let iterator = cmark_iter_new(document) else {
                throw RecSiteError.markdownFailed(reason: "cmark_iter_new failed")
            }
            defer { cmark_iter_free(iterator) }
            var urls: [String] = []
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) {
                    urls.append(String(cString: url))
                }
            }
            return urls
        }
    }

    /// cmark's defaults: safe mode, no smart punctuation, soft breaks as `\n`.
    private static let options = CMARK_OPT_DEFAULT

    /// Parses `markdown` with the extensions it needs attached and runs
    /// `body` while the parser and the document are alive; both are freed afterwards.
    private func withDocument<Result>(
        _ markdown: String,
        _ body: (OpaquePointer, OpaquePointer) throws -> Result
    ) throws -> Result {
        var text = markdown
        let inlineExtensions = text.withUTF8(Self.mayUseInlineExtensions)
        guard let parser = cmark_parser_new(Self.options) else {
            throw RecSiteError.markdownFailed(reason: "cmark_parser_new failed")
        }
        defer { cmark_parser_free(parser) }
        for name in inlineExtensions ? Self.extensionNames : Self.blockExtensionNames {
            guard let syntax = cmark_find_syntax_extension(name),
                  cmark_parser_attach_syntax_extension(parser, syntax) != 0 else {
                throw RecSiteError.markdownFailed(reason: "cannot attach the '\(name)' extension")
            }
        }
        let parse = {
            text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            return cmark_parser_finish(parser)
        }
        let document: OpaquePointer? = inlineExtensions ? Self.parseLock.withLock(parse) : parse()
        guard let document else {
            throw RecSiteError.markdownFailed(reason: "cmark_parser_finish failed")
        }
        defer { cmark_node_free(document) }
        return try body(document, parser)
    }

    /// Whether strikethrough or an autolink could apply to `bytes`: it holds
    /// `~`, `@`, `://` or `www.` (what those extensions look for).
    /// - Complexity: O(bytes), one pass.
    static func mayUseInlineExtensions(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var index = 0
        while index < count {
            switch bytes[index] {
            case UInt8(ascii: "~"), UInt8(ascii: "@"): return true
            case UInt8(ascii: ":"):
                if index + 2 < count, bytes[index + 1] == UInt8(ascii: "/"), bytes[index + 2] == UInt8(ascii: "/") {
                    return true
                }
            case UInt8(ascii: "w"):
                if index + 3 < count, bytes[index + 1] == UInt8(ascii: "w"), bytes[index + 2] == UInt8(ascii: "w"),
                   bytes[index + 3] == UInt8(ascii: ".") {
                    return true
                }
            default: break
            }
            index += 1
        }
        return false
    }

    /// Held while a page with inline extensions parses (see the type's documentation).
    private static let parseLock = NSLock()

    /// Registers the core extensions once per process (a static `let` is
    /// initialised exactly once, even with many threads).
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()
}
