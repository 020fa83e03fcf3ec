import RecEngine

/// `data-quality.md`: what cleansing did to each input file — rows read,
/// kept, dropped and flagged, every reason with its count, the repairs, and
/// the first examples of each reason with their line numbers and raw text.
struct DataQualityPage {
    let facts: SiteFacts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let report = facts.model.dataset.report
        let context: PageContext = [
            "files": report.files.map(summary),
            "details": report.files.map(details),
            "totalDropped": PageText.count(report.totalDropped, "row"),
            "examplesPerReason": String(FileCleansing.examplesPerReason),
        ]
        return MarkdownPage(
            path: SitePaths.dataQuality, title: "Data quality",
            breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("data-quality.md", context, with: templates))
    }

    private func summary(_ file: FileCleansing) -> Row {
        [
            "file": MarkdownEscaping.text(file.file),
            "rowsRead": String(file.rowsRead),
            "kept": String(file.kept),
            "dropped": String(file.dropped),
            "flagged": String(file.counts[.invalidAge] ?? 0),
            "repaired": String(file.repairs.values.reduce(0, +)),
        ]
    }

    private func details(_ file: FileCleansing) -> PageContext {
        var rows: [Row] = file.reasons.map { reason, count in
            ["reason": MarkdownEscaping.text(reason.rawValue), "rows": String(count),
             "effect": reason.drops ? "dropped" : "kept, age unknown"]
        }
        rows += file.repairs.sorted { codePointLess($0.key, $1.key) }.map { repair, count in
            ["reason": MarkdownEscaping.text(repair), "rows": String(count), "effect": "kept, repaired"]
        }
        let examples: [PageContext] = file.reasons.map { reason, count in
            let shown = file.examples[reason] ?? []
            return [
                "reason": MarkdownEscaping.text(reason.rawValue),
                "shown": shown.count < count ? "first \(shown.count) of \(count)" : PageText.count(count, "row"),
                "rows": shown.map { row -> Row in
                    ["line": String(row.line), "raw": MarkdownEscaping.code(row.raw)]
                },
            ]
        }
        return [
            "file": MarkdownEscaping.text(file.file),
            "clean": rows.isEmpty,
            "reasons": rows,
            "examples": examples,
        ]
    }
}
