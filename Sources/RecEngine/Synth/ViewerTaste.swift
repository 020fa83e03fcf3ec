/// What viewers pick from: every item's runtime and popularity, and the items
/// of each genre. Popularity is Zipf-like (weight 1/(rank+3)) over a seeded
/// ranking, so a few items draw most views, independent of their IDs.
struct CatalogueIndex {
    /// Seconds of one viewing of each item.
    let runtime: [Int]
    let everything: WeightedTable
    /// Items of each genre of `TitleVocabulary.genres`, with their weights.
    let genreItems: [[Int32]]
    let genreTables: [WeightedTable]

    init(items: [ItemRow], random: inout SeededRandom) {
        var ranking = Array(0..<items.count)
        random.shuffle(&ranking)
        var weight = [Double](repeating: 0, count: items.count)
        for (rank, item) in ranking.enumerated() { weight[item] = 1 / Double(rank + 3) }
        everything = WeightedTable(weight)
        runtime = items.map {
            let type = TitleVocabulary.ContentType(rawValue: $0.contentType.lowercased()) ?? .series
            return random.int(in: type.runtimeRange)
        }
        var pools = [[Int32]](repeating: [], count: TitleVocabulary.genres.count)
        for (index, item) in items.enumerated() {
            if let g = TitleVocabulary.genres.firstIndex(of: item.genre.lowercased()) { pools[g].append(Int32(index)) }
        }
        genreItems = pools
        genreTables = pools.map { pool in WeightedTable(pool.map { weight[Int($0)] }) }
    }
}

/// One viewer's leaning: two favourite genres, drawn with weights that
/// depend on age (teenagers watch more anime, older viewers more family
/// and documentary). Picks from a favourite genre make items of a genre
/// co-occur, which is what item-based CF feeds on.
struct ViewerTaste {
    let favourites: [Int]

    private static let baseWeights: [Double] = [10, 10, 9, 7, 8, 5, 6, 5, 5, 2]

    init(age: Int?, catalogue: CatalogueIndex, random: inout SeededRandom) {
        var weights = Self.baseWeights
        let age = age ?? 30
        let genre = { TitleVocabulary.genres.firstIndex(of: $0)! }
        if age < 25 {
            weights[genre("anime")] *= 3; weights[genre("action")] *= 1.3
            weights[genre("family")] *= 0.5; weights[genre("documentary")] *= 0.5
        } else if age > 45 {
            weights[genre("family")] *= 2; weights[genre("drama")] *= 1.5
            weights[genre("documentary")] *= 2; weights[genre("anime")] *= 0.3
        }
        for g in weights.indices where catalogue.genreItems[g].isEmpty { weights[g] = 0 }
        var favourites: [Int] = []
        for _ in 0..<2 {
            let table = WeightedTable(weights)
            guard !table.isEmpty else { break }
            let g = table.draw(&random)
            favourites.append(g)
            weights[g] = 0
        }
        self.favourites = favourites
    }

    /// One item draw: 60 % from a favourite genre (the first twice as often),
    /// else from the whole catalogue; both Zipf-like.
    @inline(__always)
    func draw(_ catalogue: CatalogueIndex, _ random: inout SeededRandom) -> Int {
        if !favourites.isEmpty, random.chance(0.6) {
            let g = favourites.count > 1 && random.chance(0.35) ? favourites[1] : favourites[0]
            return Int(catalogue.genreItems[g][catalogue.genreTables[g].draw(&random)])
        }
        return catalogue.everything.draw(&random)
    }
}
