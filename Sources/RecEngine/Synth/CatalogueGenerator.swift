/// Makes the items `i1…iM` from `TitleVocabulary`: base titles first in a
/// seeded order, then episodes and parts of them.
enum CatalogueGenerator {
    /// - Parameters:
    ///   - reserved: titles the story uses; generated items avoid them so a
    ///     title names one item.
    /// - Complexity: O(count).
    static func make(count: Int, reserved: Set<String>, random: inout SeededRandom) -> [ItemRow] {
        var bases = TitleVocabulary.titles
        random.shuffle(&bases)
        var rows: [ItemRow] = []
        rows.reserveCapacity(count)
        func add(_ title: String, _ base: TitleVocabulary.Title) {
            rows.append(ItemRow(id: "i\(rows.count + 1)", title: title,
                                contentType: base.type.rawValue, genre: base.genre))
        }
        for base in bases where rows.count < count && !reserved.contains(base.name) {
            add(base.name, base)
        }
        let variantTable = WeightedTable(bases.map(\.type.variantWeight))
        var variantsMade = [Int](repeating: 0, count: bases.count)
        while rows.count < count {
            let b = variantTable.draw(&random)
            var title: String
            repeat {
                variantsMade[b] += 1
                title = TitleVocabulary.variantName(of: bases[b], number: variantsMade[b])
            } while reserved.contains(title)
            add(title, bases[b])
        }
        return rows
    }
}
