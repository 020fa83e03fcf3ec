/// `--dirty` for items.csv: extra rows that SPEC §2 drops (malformed,
/// missing item_id, duplicate item_id) and in-place damage that cleansing
/// repairs (empty title, content_type or genre; mixed case).
enum ItemDefects {
    /// - Parameters:
    ///   - items: all rows; only `editable` ones (generated, not story) change.
    /// - Returns: the extra rows, positioned among `items`.
    /// - Complexity: O(items).
    static func apply(to items: inout [ItemRow], editable: [Int], random: inout SeededRandom) -> DirtyInsertions {
        let targets = UserDefects.shuffled(editable.isEmpty ? Array(items.indices) : editable, &random)
        var extra = DirtyInsertions()
        for j in 0..<DirtyInsertions.quota(rows: items.count, kinds: KeyedRowDefect.allCases.count) {
            let title = random.pick(TitleVocabulary.titles)
            let other = ItemRow(id: "i\(items.count + 1 + j)", title: title.name,
                                contentType: title.type.rawValue, genre: title.genre)
            let anywhere = random.int(in: 0...items.count)
            switch KeyedRowDefect.of(row: j) {
            case .tooFewFields:
                extra.add(at: anywhere, fields: [other.id, other.title])
            case .extraField:
                extra.add(at: anywhere, fields: other.fields + ["2025"])
            case .strayComma:
                extra.add(at: anywhere, line: "\(other.id),\(other.title), Director's Cut,\(other.contentType),\(other.genre)")
            case let defect:
                extra.add(other.fields, spoilingItsID: defect, anywhere: anywhere, blank: " ") { padded in
                    let original = targets[j % targets.count]
                    return (padded ? "\(items[original].id)  " : items[original].id,
                            UserDefects.after(original, count: items.count, &random))
                }
            }
        }
        // Kept rows with missing metadata (repaired to item_id / "unknown").
        let blanks = max(2, (items.count + 50) / 100)
        var next = targets.makeIterator()
        for _ in 0..<blanks { if let i = next.next() { items[i].title = "" } }
        for _ in 0..<blanks { if let i = next.next() { items[i].contentType = "" } }
        for _ in 0..<blanks { if let i = next.next() { items[i].genre = "  " } }
        for _ in 0..<blanks {
            if let i = next.next() {
                items[i].contentType = items[i].contentType.prefix(1).uppercased() + items[i].contentType.dropFirst()
                items[i].genre = items[i].genre.uppercased()
            }
        }
        return extra
    }
}
