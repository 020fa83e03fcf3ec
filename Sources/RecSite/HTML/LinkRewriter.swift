/// Turns the Markdown pages' links to `.md` files into links to their
/// `.html` twins: `href="../items/i3.md#similar"` → `href="../items/i3.html#similar"`.
/// Absolute URLs (`https://…/README.md`, `/x.md`, `//host/x.md`) and links
/// to other files are left alone.
public enum LinkRewriter {
    /// Rewrites the relative `.md` links of an HTML fragment.
    /// - Complexity: O(length of `html`).
    public static func rewrite(_ html: String) -> String {
        HTMLLinks.rewriting(html, rewritten)
    }

    /// The new raw value of one attribute, or `nil` when it stays.
    public static func rewritten(_ attribute: HTMLLinks.Attribute) -> String? {
        attribute.name == "href" ? rewrittenTarget(attribute.rawValue) : nil
    }

    /// The `.html` form of one link target, or `nil` when it stays as it is.
    /// - Complexity: O(length of `url`), on its UTF-8 bytes.
    public static func rewrittenTarget(_ url: String) -> String? {
        let bytes = url.utf8
        let cut = bytes.firstIndex { $0 == UInt8(ascii: "#") || $0 == UInt8(ascii: "?") } ?? bytes.endIndex
        let path = bytes[..<cut]
        guard path.count > 3, path.suffix(3).elementsEqual(".md".utf8), path.dropLast(3).last != UInt8(ascii: "/"),
              !HTMLLinks.isExternal(url) else { return nil }
        return String(url[..<bytes.index(cut, offsetBy: -3)]) + ".html" + String(url[cut...])
    }

    /// The HTML file of a site-relative Markdown path: `users/u1.md` → `users/u1.html`.
    public static func htmlPath(_ markdownPath: String) -> String {
        markdownPath.hasSuffix(".md") ? markdownPath.dropLast(3) + ".html" : markdownPath
    }
}
