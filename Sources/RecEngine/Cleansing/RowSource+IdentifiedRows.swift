extension RowSource {
    /// Reads every row of users or items through the rules the two share, in
    /// SPEC §2 order: wrong field count → `malformed row`, empty ID →
    /// `missing`, an ID already kept → `duplicate` (first wins; compared by
    /// bytes). Each row that passes is handed to `keep` with its trimmed ID,
    /// then counted as kept.
    /// - Parameters:
    ///   - keep: builds the kept value; it gets the row's text lazily, for
    ///     flags such as `invalid age`.
    /// - Complexity: O(size of the rows).
    mutating func forEachIdentifiedRow(
        idColumn: Int, missing: CleansingReason, duplicate: CleansingReason, report: inout FileCleansing,
        _ keep: (_ id: String, _ row: Row, _ raw: () -> String, _ report: inout FileCleansing) -> Void
    ) {
        var seen = Set<IDKey>()  // by bytes: "é" and "e\u{301}" are two IDs
        let fieldCount = columns.count
        var row = Row()
        while next(into: &row) {
            report.rowsRead += 1
            guard row.count == fieldCount, row.isWhole else {
                report.record(.malformedRow, line: row.location.line, raw: text(at: row.location)); continue
            }
            let id = row.string(idColumn)
            guard !id.isEmpty else {
                report.record(missing, line: row.location.line, raw: text(at: row.location)); continue
            }
            guard seen.insert(IDKey(id)).inserted else {
                report.record(duplicate, line: row.location.line, raw: text(at: row.location)); continue
            }
            let source = self, location = row.location
            keep(id, row, { source.text(at: location) }, &report)
            if !row.isValidUTF8 { report.repair(FileCleansing.invalidUTF8Repair) }
            report.kept += 1
        }
    }
}
