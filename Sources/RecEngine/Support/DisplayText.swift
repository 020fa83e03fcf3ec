/// Caps the data strings recsite shows, so that one huge CSV cell cannot be
/// copied onto every page that mentions it (issue 17: three 200 KB titles
/// made a 6.1 GB site from the sample). docs/rules.md, "Long text".
///
/// A capped string keeps its first `limit − 1` characters (grapheme
/// clusters, so a cut never splits an emoji, an accented letter or a UTF-8
/// sequence) and ends in `…`. The result depends on the string alone.
public enum DisplayText {
    /// The most characters a title, name, genre, content type, region or ID
    /// shows on a page, in a CSV export, in a JSON list and in a terminal
    /// table. `api/items.json` and `api/users.json` keep the full value.
    public static let valueLimit = 200
    /// The most characters any one text put into a page's Markdown shows (a
    /// backstop for text built from several values, such as explanations,
    /// which are at most 400 characters plus titles).
    public static let pageTextLimit = 1000
    /// The most characters of a dropped row's raw text kept as an example
    /// (in `recsite check` and on the data-quality page).
    public static let exampleLimit = 300

    /// `text`, or its first `limit − 1` characters and `…` when it has more
    /// than `limit` characters.
    /// - Complexity: O(`limit`): only the first `limit` characters are walked.
    public static func capped(_ text: String, limit: Int = valueLimit) -> String {
        if text.utf8.count <= limit { return text }  // never more characters than bytes
        var index = text.startIndex
        var count = 0
        while count < limit - 1, index < text.endIndex {
            text.formIndex(after: &index)
            count += 1
        }
        guard index < text.endIndex else { return text }
        let cut = index
        text.formIndex(after: &index)
        if index == text.endIndex { return text }  // exactly `limit` characters
        return String(text[..<cut]) + "…"
    }
}
