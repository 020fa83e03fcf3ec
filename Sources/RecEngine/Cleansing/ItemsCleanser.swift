/// Applies SPEC §2's items.csv rules in order.
enum ItemsCleanser {
    static let unknown = "unknown"

    static func cleanse(_ table: inout CSVTable) throws -> ([Item], FileCleansing) {
        let idColumn = try table.required("item_id")
        let title = table.optional("title"), type = table.optional("content_type")
        let genre = table.optional("genre")
        var report = FileCleansing(file: table.fileName)
        var items: [Item] = []
        var seen = Set<IDKey>()  // by bytes: "é" and "e\u{301}" are two IDs
        var row = CSVRecord()
        while table.reader.next(into: &row) {
            report.rowsRead += 1
            guard row.count == table.fieldCount, !row.unterminatedQuote else {
                report.record(.malformedRow, line: row.line, raw: table.reader.rawText(of: row)); continue
            }
            let id = row.string(idColumn)
            guard !id.isEmpty else { report.record(.missingItemID, line: row.line, raw: table.reader.rawText(of: row)); continue }
            guard seen.insert(IDKey(id)).inserted else { report.record(.duplicateItemID, line: row.line, raw: table.reader.rawText(of: row)); continue }
            var itemTitle = title.map { row.string($0) } ?? ""
            if itemTitle.isEmpty { itemTitle = id; report.repair("empty title → item_id") }
            var itemType = type.map { row.string($0).lowercased() } ?? ""
            if itemType.isEmpty { itemType = unknown; report.repair("empty content_type → unknown") }
            var itemGenre = genre.map { row.string($0).lowercased() } ?? ""
            if itemGenre.isEmpty { itemGenre = unknown; report.repair("empty genre → unknown") }
            items.append(Item(id: id, title: itemTitle, contentType: itemType, genre: itemGenre))
            table.noteInvalidUTF8(row, in: &report)
            report.kept += 1
        }
        return (items, report)
    }
}
