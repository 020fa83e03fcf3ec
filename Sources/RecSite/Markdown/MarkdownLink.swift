/// Links between the site's files. The text is data, so it is escaped; the
/// target is always a `SitePaths` output (made of `SafeFileName`s), so it
/// needs no escaping and never leaves the site.
public enum MarkdownLink {
    /// `[text](target)` from the page at `from` to the site file `to`, with
    /// `text` escaped by `MarkdownEscaping.text`.
    public static func to(_ path: String, from page: String, text: String) -> String {
        "[" + MarkdownEscaping.text(text) + "](" + SitePaths.link(from: page, to: path) + ")"
    }

    /// Like `to(_:from:text:)`, for link text that is already Markdown.
    public static func to(_ path: String, from page: String, markdown: String) -> String {
        "[" + markdown + "](" + SitePaths.link(from: page, to: path) + ")"
    }

    /// `![alt](target)`: an image (an SVG chart) with escaped alt text.
    public static func image(_ path: String, from page: String, alt: String) -> String {
        "![" + MarkdownEscaping.text(alt) + "](" + SitePaths.link(from: page, to: path) + ")"
    }
}
