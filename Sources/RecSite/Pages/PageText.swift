import RecEngine

/// Small pieces of page text shared by the page kinds. Everything returned
/// is Markdown: data strings are escaped, numbers follow SPEC §8.
enum PageText {
    /// Breadcrumb trails above the pages: the front page, then an index.
    static let homeTrail = [Breadcrumb(title: "Home", path: SitePaths.index)]
    static let usersTrail = homeTrail + [Breadcrumb(title: "Users", path: SitePaths.usersIndex)]
    static let itemsTrail = homeTrail + [Breadcrumb(title: "Items", path: SitePaths.itemsIndex)]

    /// Shown in a table cell with no value.
    static let none = "—"

    /// `n` and the noun, plural unless n is 1: "1 item", "3 items".
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }

    /// `part / total` as a percent with 1 decimal, or `—` when total is 0.
    static func share(_ part: Double, of total: Double) -> String {
        total > 0 ? NumberFormat.percent(part / total) : none
    }

    static func share(_ part: Int, of total: Int) -> String {
        share(Double(part), of: Double(total))
    }

    /// A data string, or "unknown" when it is empty.
    static func orUnknown(_ value: String) -> TemplateValue {
        value.isEmpty ? .verbatim("unknown") : .text(value)
    }

    /// A data string, or `—` when it is empty.
    static func orNone(_ value: String) -> TemplateValue {
        value.isEmpty ? .verbatim(none) : .text(DisplayText.capped(value))
    }

    /// UTC seconds as `YYYY-MM-DDTHH:MM:SSZ`, or `—`.
    static func time(_ seconds: Int64?) -> String {
        seconds.map { Timestamp(seconds: $0).iso8601 } ?? none
    }

    /// A user as plain text: "Name (id)", or the ID alone when unnamed.
    static func userLabel(_ user: User) -> String {
        user.name.isEmpty ? DisplayText.capped(user.id) : "\(DisplayText.capped(user.name)) (\(DisplayText.capped(user.id)))"
    }

    /// An item as plain text: "Title (id)".
    static func itemLabel(_ item: Item) -> String {
        "\(DisplayText.capped(item.title)) (\(DisplayText.capped(item.id)))"
    }
}
