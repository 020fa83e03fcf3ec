import RecEngine

/// `data-quality.md`: what cleansing did to each input file — rows read,
/// kept, dropped and flagged, every reason with its count, the repairs, and
/// the first examples of each reason with their line numbers and raw text.
struct DataQualityPage {
    let facts: SiteFacts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let report = facts.model.dataset.report
        let context: TemplateRecord = [
            "files": .list(report.files.map { .fields(summary($0)) }),
            "details": .list(report.files.map { .fields(details($0)) }),
            "totalDropped": .verbatim(PageText.count(report.totalDropped, "row")),
            "examplesPerReason": .count(FileCleansing.examplesPerReason),
            // Lines of files, or rows of database tables (`--data postgresql://…`).
            "fromFiles": .flag(report.files.allSatisfy { $0.unit == .line }),
        ]
        return MarkdownPage(
            path: SitePaths.dataQuality, title: "Data quality",
            breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("data-quality.md", context, with: templates))
    }

    private func summary(_ file: FileCleansing) -> TemplateRecord {
        [
            "file": .text(file.file),
            "rowsRead": .count(file.rowsRead),
            "kept": .count(file.kept),
            "dropped": .count(file.dropped),
            "flagged": .count(file.counts[.invalidAge] ?? 0),
            "repaired": .count(file.repairs.values.reduce(0, +)),
        ]
    }

    private func details(_ file: FileCleansing) -> TemplateRecord {
        var rows: [TemplateValue] = file.reasons.map { reason, count in
            .fields(["reason": .text(reason.rawValue), "rows": .count(count),
                     "effect": .verbatim(reason.drops ? "dropped" : "kept, age unknown")] as TemplateRecord)
        }
        rows += file.repairs.sorted { codePointLess($0.key, $1.key) }.map { repair, count in
            .fields(["reason": .text(repair), "rows": .count(count), "effect": .verbatim("kept, repaired")] as TemplateRecord)
        }
        let examples: [TemplateValue] = file.reasons.map { reason, count in
            let shown = file.examples[reason] ?? []
            return .fields([
                "reason": .text(reason.rawValue),
                "shown": .verbatim(shown.count < count ? "first \(shown.count) of \(count)" : PageText.count(count, "row")),
                "rows": .list(shown.map { row in
                    // A raw row is shown as a code span, exactly as it stood.
                    .fields(["unit": .verbatim(file.unit.rawValue), "line": .count(row.line),
                             "raw": .verbatim(MarkdownEscaping.code(row.raw))] as TemplateRecord)
                }),
            ] as TemplateRecord)
        }
        return [
            "file": .text(file.file),
            "clean": .flag(rows.isEmpty),
            "reasons": .list(rows),
            "examples": .list(examples),
        ]
    }
}
