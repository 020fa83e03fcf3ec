/// Applies SPEC §2's items.csv rules in order.
enum ItemsCleanser {
    static let unknown = "unknown"

    static func cleanse<Source: RowSource>(_ source: inout Source) throws -> ([Item], FileCleansing) {
        let idColumn = try source.required("item_id")
        let title = source.optional("title"), type = source.optional("content_type")
        let genre = source.optional("genre")
        var report = FileCleansing(file: source.name, unit: source.locationUnit)
        var items: [Item] = []
        source.forEachIdentifiedRow(idColumn: idColumn, missing: .missingItemID, duplicate: .duplicateItemID,
                                   report: &report) { id, row, _, report in
            var itemTitle = title.map { row.string($0) } ?? ""
            if itemTitle.isEmpty { itemTitle = id; report.repair("empty title → item_id") }
            var itemType = type.map { row.string($0).lowercased() } ?? ""
            if itemType.isEmpty { itemType = unknown; report.repair("empty content_type → unknown") }
            var itemGenre = genre.map { row.string($0).lowercased() } ?? ""
            if itemGenre.isEmpty { itemGenre = unknown; report.repair("empty genre → unknown") }
            items.append(Item(id: id, title: itemTitle, contentType: itemType, genre: itemGenre))
        }
        return (items, report)
    }
}
