/// A `ChangeReport` as plain text for a terminal: sections, sentences and aligned tables.
public enum ChangeReportText {
    public static func render(_ report: ChangeReport, old: String, new: String) -> String {
        var out = "Changes from \(old) to \(new)\n\n" + plain(report.headline) + "\n"
        for section in report.sections {
            out += "\n" + section.title + "\n" + String(repeating: "=", count: section.title.count) + "\n"
            for block in section.blocks {
                guard case .table(let caption, let table) = block else {
                    if case .line(let line) = block { out += plain(line) + "\n" }
                    continue
                }
                out += plain(caption) + "\n"
                var text = TextTable(table.columns.map { ($0.name, $0.numeric ? .right : .left) })
                for row in table.rows { text.add(row.map(plain)) }
                out += text.render() + "\n"
                if table.omitted > 0 { out += "  … and \(table.omitted) more\n" }
            }
        }
        return out
    }

    static func plain(_ line: ChangeReport.Line) -> String {
        line.map { piece in
            switch piece {
            case .text(let text), .data(let text): text
            case .user(let id): id
            case .item(let id, let title): title == id ? id : "\(title) (\(id))"
            }
        }.joined()
    }
}
