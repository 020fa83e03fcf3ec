/// A `ChangeReport` as GitHub-flavoured Markdown: for a pull-request
/// comment (`recsite diff --markdown`) and the site's `changes.md`.
public struct ChangeReportMarkdown: Sendable {
    /// The most characters a comment may have (GitHub allows 65,536).
    public static let characterLimit = 60_000

    /// Links a user or item to its page, or `nil` for plain text.
    public var userLink: @Sendable (String) -> String?
    public var itemLink: @Sendable (String) -> String?

    public init(userLink: @escaping @Sendable (String) -> String? = { _ in nil },
                itemLink: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.userLink = userLink
        self.itemLink = itemLink
    }

    /// The report's sections, headed at `level` (`##` for 2).
    public func render(_ report: ChangeReport, level: Int = 2) -> String {
        let hashes = String(repeating: "#", count: level)
        var blocks = [inline(report.headline)]
        for section in report.sections {
            blocks.append("\(hashes) \(section.title)")
            for block in section.blocks {
                guard case .table(let caption, let table) = block else {
                    if case .line(let line) = block { blocks.append(inline(line)) }
                    continue
                }
                blocks.append(inline(caption))
                var rows = ["| " + table.columns.map(\.name).joined(separator: " | ") + " |",
                            "|" + table.columns.map { $0.numeric ? " ---: |" : " --- |" }.joined()]
                rows += table.rows.map { "| " + $0.map(inline).joined(separator: " | ") + " |" }
                blocks.append(rows.joined(separator: "\n"))
                if table.omitted > 0 { blocks.append("… and \(table.omitted) more.") }
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// The report rendered with the largest list limit (from `limit` down)
    /// that keeps it within `characterLimit`.
    /// - Parameters:
    ///   - heading: a first line (a heading), or "" for none.
    ///   - level: the sections' heading level.
    public static func fitting(_ comparison: BuildComparison, limit: Int = 25,
                               heading: String, level: Int = 2,
                               renderer: ChangeReportMarkdown = ChangeReportMarkdown()) -> String {
        var limit = limit
        while true {
            let body = renderer.render(ChangeReport(comparison, limit: limit), level: level)
            let text = heading.isEmpty ? body : heading + "\n\n" + body
            if text.count <= characterLimit || limit == 0 { return text.count <= characterLimit ? text : String(text.prefix(characterLimit)) }
            limit /= 2
        }
    }

    func inline(_ line: ChangeReport.Line) -> String {
        line.map { piece in
            switch piece {
            case .text(let text):
                return text
            case .data(let text):
                return MarkdownEscaping.text(text)
            case .user(let id):
                let text = MarkdownEscaping.text(id)
                return userLink(id).map { "[\(text)](\($0))" } ?? text
            case .item(let id, let title):
                let text = MarkdownEscaping.text(title == id ? id : "\(title) (\(id))")
                return itemLink(id).map { "[\(text)](\($0))" } ?? text
            }
        }.joined()
    }
}
