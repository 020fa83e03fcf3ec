import RecEngine

/// The cleansing report as JSON (`recsite check --json`): per file the rows
/// read, kept and dropped, counts per reason in rule order, and the repairs.
public enum CleansingDocument {
    public static func make(_ report: CleansingReport) -> JSONValue {
        .object([("files", .array(report.files.map { file in
            .object([
                ("file", .string(file.file)),
                ("rows", .integer(file.rowsRead)),
                ("kept", .integer(file.kept)),
                ("dropped", .integer(file.dropped)),
                ("reasons", .object(file.reasons.map { ($0.reason.rawValue, .integer($0.count)) })),
                ("repairs", .object(file.repairs.sorted { codePointLess($0.key, $1.key) }.map { ($0.key, .integer($0.value)) })),
                ("examples", .array(file.reasons.flatMap { reason, _ in
                    (file.examples[reason] ?? []).map { row in
                        .object([("reason", .string(reason.rawValue)), ("line", .integer(row.line)), ("raw", .string(row.raw))])
                    }
                })),
            ])
        }))])
    }
}
