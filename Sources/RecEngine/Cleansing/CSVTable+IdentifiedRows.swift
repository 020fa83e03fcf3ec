extension CSVTable {
    /// Reads every data row of users.csv or items.csv through the rules the
    /// two files share, in SPEC §2 order: wrong field count → `malformed row`,
    /// empty ID → `missing`, an ID already kept → `duplicate` (first wins;
    /// compared by bytes). Each row that passes is handed to `keep` with its
    /// trimmed ID, then counted as kept.
    /// - Parameters:
    ///   - keep: builds the kept value; it gets the row's raw text lazily, for
    ///     flags such as `invalid age`.
    /// - Complexity: O(bytes of the file).
    mutating func forEachIdentifiedRow(
        idColumn: Int, missing: CleansingReason, duplicate: CleansingReason, report: inout FileCleansing,
        _ keep: (_ id: String, _ row: CSVRecord, _ raw: () -> String, _ report: inout FileCleansing) -> Void
    ) {
        var seen = Set<IDKey>()  // by bytes: "é" and "e\u{301}" are two IDs
        var row = CSVRecord()
        while reader.next(into: &row) {
            report.rowsRead += 1
            guard row.count == fieldCount, !row.unterminatedQuote else {
                report.record(.malformedRow, line: row.line, raw: reader.rawText(of: row)); continue
            }
            let id = row.string(idColumn)
            guard !id.isEmpty else { report.record(missing, line: row.line, raw: reader.rawText(of: row)); continue }
            guard seen.insert(IDKey(id)).inserted else {
                report.record(duplicate, line: row.line, raw: reader.rawText(of: row)); continue
            }
            let reader = self.reader
            keep(id, row, { reader.rawText(of: row) }, &report)
            noteInvalidUTF8(row, in: &report)
            report.kept += 1
        }
    }
}
