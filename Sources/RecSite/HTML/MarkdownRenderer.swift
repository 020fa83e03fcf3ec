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
/// **Parsing in parallel.** libcmark-gfm 0.29.0.gfm.6 (Debian's) keeps the
/// characters that stop its inline scanner in a process-wide table, and
/// `cmark_manage_extensions_special_characters` adds every attached inline
/// extension's characters to it before each inline parse and clears them
/// after (`process_inlines`), so two parses at once can lose a `~~strike~~`
/// or an autolink (github/cmark-gfm#221). So, once per process (`setUp`):
/// - **autolink** (`:` and `w`): its characters are put into the table for
///   good (`cmark_manage_extensions_special_characters(parser, 1)` on a
///   throwaway parser; `cmark_inlines_add_special_character` is not exported
///   by the shared library) and its list is emptied with
///   `cmark_syntax_extension_set_special_inline_chars`, so no parse ever
///   writes them again. Its matcher is still called for them (`try_extensions`
///   asks every inline extension about any special character), and `@` is
///   handled after parsing. The old two-entry list is left allocated: there
///   is no public getter to free it, and it is made once.
/// - **strikethrough** (`~`) cannot be treated so: `process_emphasis` finds
///   the extension of a `~` delimiter through that same list
///   (`get_extension_for_special_char`), and with the list empty cmark loops
///   forever on `~~x~~`. So a parser with strikethrough always writes
///   `SPECIAL_CHARS['~']` and `SKIP_CHARS['~']`. It is attached only to a
///   page that holds a `~` byte, and those parses hold `strikethroughLock`;
///   strikethrough acts on nothing else (its matcher returns nothing for any
///   other character), and a parse of bytes without `~` never reads those
///   two table entries, so it races with nothing and needs no lock.
/// `table` and `tagfilter` touch no global state (the table extension's
/// `cmark_arena_push`/`pop` do nothing unless the arena allocator, which
/// recsite never uses, was used). Every page therefore gets `table`,
/// `autolink` and `tagfilter` in parallel, and `~` pages strikethrough too;
/// the HTML is that of `cmark-gfm -e table -e strikethrough -e autolink -e
/// tagfilter` (`MarkdownRendererTests`, `ParallelMarkdownStressTests`).
public struct MarkdownRenderer: Sendable {
    /// The GFM extensions pages are parsed with (strikethrough only where it
    /// can act; see the type's documentation).
    public static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    /// The extensions attached to every parser (see the type's documentation).
    static let sharedExtensionNames = ["table", "autolink", "tagfilter"]

    /// - Throws: `RecSiteError.markdownFailed` if the installed libcmark-gfm
    ///   lacks one of `extensionNames`.
    public init() throws {
        for name in Self.extensionNames where Self.setUp == false || cmark_find_syntax_extension(name) == nil {
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
        let strikethrough = text.withUTF8 { $0.contains(UInt8(ascii: "~")) }
        guard let parser = cmark_parser_new(Self.options) else {
            throw RecSiteError.markdownFailed(reason: "cmark_parser_new failed")
        }
        defer { cmark_parser_free(parser) }
        for name in strikethrough ? Self.extensionNames : Self.sharedExtensionNames {
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
        let document: OpaquePointer? = strikethrough ? Self.strikethroughLock.withLock(parse) : parse()
        guard let document else {
            throw RecSiteError.markdownFailed(reason: "cmark_parser_finish failed")
        }
        defer { cmark_node_free(document) }
        return try body(document, parser)
    }

    /// Held while a parser with strikethrough attached parses (see the type's documentation).
    private static let strikethroughLock = NSLock()

    /// Registers the core extensions and puts autolink's characters into
    /// cmark's table for good, once per process (a static `let` is
    /// initialised exactly once, before any thread can use it); `false` if
    /// that failed, and then no renderer is made.
    private static let setUp: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let autolink = cmark_find_syntax_extension("autolink"),
              let parser = cmark_parser_new(options) else { return false }
        defer { cmark_parser_free(parser) }
        guard cmark_parser_attach_syntax_extension(parser, autolink) != 0 else { return false }
        cmark_manage_extensions_special_characters(parser, 1)
        cmark_syntax_extension_set_special_inline_chars(autolink, nil)
        return true
    }()
}
