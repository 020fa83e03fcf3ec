/// Turns the Markdown pages' links to `.md` files into links to their
/// `.html` twins: `href="../items/i3.md#similar"` → `href="../items/i3.html#similar"`.
/// Absolute URLs (`https://…/README.md`, `/x.md`, `//host/x.md`) and links
/// to other files are left alone.
public enum LinkRewriter {
    /// Rewrites the relative `.md` links of an HTML fragment.
    /// - Complexity: O(length of `html`).
    public static func rewrite(_ html: String) -> String {
        HTMLLinks.rewriting(html) { attribute in
            attribute.name == "href" ? rewrittenTarget(attribute.rawValue) : nil
        }
    }

    /// The `.html` form of one link target, or `nil` when it stays as it is.
    public static func rewrittenTarget(_ url: String) -> String? {
        guard !HTMLLinks.isExternal(url) else { return nil }
        let (path, suffix) = HTMLLinks.splitPath(url)
        guard path.hasSuffix(".md"), path.count > 3, !path.hasSuffix("/.md") else { return nil }
        return path.dropLast(3) + ".html" + suffix
    }

    /// The HTML file of a site-relative Markdown path: `users/u1.md` → `users/u1.html`.
    public static func htmlPath(_ markdownPath: String) -> String {
        markdownPath.hasSuffix(".md") ? markdownPath.dropLast(3) + ".html" : markdownPath
    }
}
