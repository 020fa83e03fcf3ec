import RecEngine

/// `neighbours.jsonl`, checked against the build's data: one line per kept
/// item, holding its `ResultsFolder.neighbourCount` most similar items.
struct NeighboursFile {
    let path: String
    /// Per item index: its line and its neighbours as listed.
    let lines: [Int]
    let neighbours: [Set<Int32>]

    /// - Parameter pairs: receives every neighbour's similarity.
    /// - Throws: `RecSiteError.invalidResults` naming the file and line.
    init(directory: String, dataset: Dataset, pairs: inout PairCollector, workers: Int) throws {
        let path = OutputFile.join(directory, ResultsFolder.neighbours)
        var linePerItem = LinePerID(kind: "item", ids: dataset.itemIndex, count: dataset.items.count, path: path)
        var neighbours = [Set<Int32>](repeating: [], count: dataset.items.count)
        for (line, entry) in try ResultLines.read(ResultsFolder.neighbours, in: directory, as: ResultLines.Neighbours.self,
                                                  workers: workers) {
            let item = entry.itemID
            func refuse(_ reason: String) -> RecSiteError { .invalidResults(path: "\(path):\(line)", reason: reason) }
            let i = Int32(try linePerItem.claim(item, line: line))
            guard entry.neighbours.count <= ResultsFolder.neighbourCount else {
                throw refuse("item '\(item)' has \(entry.neighbours.count) neighbours; at most \(ResultsFolder.neighbourCount)")
            }
            for neighbour in entry.neighbours {
                guard let j = dataset.itemIndex[neighbour.itemID], j != i, neighbour.similarity.isFinite, neighbour.similarity > 0,
                      neighbours[Int(i)].insert(j).inserted else {
                    throw refuse("item '\(item)': neighbour '\(neighbour.itemID)' is not another item, once, with a positive similarity")
                }
                pairs.add(i, j, similarity: neighbour.similarity, file: path, line: line)
            }
        }
        self.path = path
        lines = try linePerItem.all { dataset.items[$0].id }
        self.neighbours = neighbours
    }

    /// Refuses a line whose neighbours are not the item's nearest among every
    /// similarity the folder states (a contributor can reveal a nearer one).
    /// The item page then asks the model, which orders them as SPEC does.
    func check(model: RecommenderModel) throws {
        let items = model.dataset.items
        for i in items.indices {
            let nearest = model.mostSimilar(to: i, limit: ResultsFolder.neighbourCount).map { Int32($0.item) }
            guard Set(nearest) == neighbours[i] else {
                let names = nearest.map { items[Int($0)].id }.joined(separator: ", ")
                throw RecSiteError.invalidResults(
                    path: "\(path):\(lines[i])",
                    reason: "item '\(items[i].id)': by the similarities in the folder its nearest items are [\(names)], "
                        + "not the ones listed")
            }
        }
    }
}
