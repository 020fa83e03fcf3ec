/// Gives cmark's tables Bootstrap's classes and a scrolling wrapper, so wide
/// tables scroll sideways on a phone instead of widening the page.
///
/// Safe mode escapes every `<` of the text, so a literal `<table>` in cmark's
/// output can only be a table cmark made.
public enum HTMLTables {
    /// The classes every table gets.
    public static let tableClasses = "table table-sm table-striped table-hover"

    /// Wraps each `<table>` in `<div class="table-responsive">` and adds `tableClasses`.
    /// - Complexity: O(length of `html`).
    public static func decorate(_ html: String) -> String {
        html.replacingAll("<table>", with: "<div class=\"table-responsive\"><table class=\"\(tableClasses)\">")
            .replacingAll("</table>", with: "</table></div>")
    }
}
