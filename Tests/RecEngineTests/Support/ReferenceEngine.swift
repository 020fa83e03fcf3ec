/// A brute-force implementation of SPEC §3–§6, written from the SPEC text for
/// the tests: dictionaries for r(u,i), dense cosine over all users for
/// similarity (the textbook formula), a score for every unseen item.
/// It shares no code with the engine. IDs must not be canonically equivalent
/// to one another (it keys dictionaries by `String`).
struct ReferenceEngine {
    struct Event {
        let user: String
        let item: String
        let type: String
        let seconds: Double
    }

    /// One row of a score breakdown (SPEC §5).
    struct Row: Equatable {
        let item: String
        let r: Double
        let sim: Double
        let c: Double
        let share: Double
    }

    struct Pick: Equatable {
        let item: String
        /// nil for popular fill.
        let score: Double?
    }

    struct PopularRow {
        let item: String
        let popularity: Double
        let viewers: Int
    }

    /// SPEC §3's table.
    static let standardWeights: [String: Double] = [
        "play": 1.0, "complete": 3.0, "like": 2.5, "save": 2.0, "pause": 0.5, "skip": 0.1,
    ]

    /// Users and items in ID order.
    let users: [String]
    let items: [String]
    /// r(u,i) for every item in H(u); its terms summed in ascending order.
    let r: [String: [String: Double]]
    /// sim[i][j] by position in `items`.
    let sim: [[Double]]
    let itemPosition: [String: Int]

    init(users: [String], items: [String], events: [Event], weights: [String: Double] = standardWeights) {
        self.users = users.sorted(by: ReferenceIDOrder.less)
        self.items = items.sorted(by: ReferenceIDOrder.less)
        var terms: [String: [String: [Double]]] = [:]
        for event in events {
            guard let weight = weights[event.type.lowercased()] else {
                preconditionFailure("reference events must have a known type: \(event.type)")
            }
            terms[event.user, default: [:]][event.item, default: []].append(event.seconds * weight)
        }
        // docs/rules.md, "Summation order": the terms from 0, smallest first.
        let r = terms.mapValues { $0.mapValues { $0.sorted().reduce(0, +) } }
        self.r = r
        var position: [String: Int] = [:]
        for (index, item) in self.items.enumerated() { position[item] = index }
        itemPosition = position

        // The dense users × items matrix, zeros where there is no event.
        let sortedUsers = self.users, sortedItems = self.items
        let dense: [[Double]] = sortedUsers.map { user in
            sortedItems.map { item in r[user]?[item] ?? 0 }
        }
        let n = sortedItems.count
        var norms = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var sum = 0.0
            for row in dense { sum += row[i] * row[i] }
            norms[i] = sum.squareRoot()
        }
        var sim = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            for j in 0..<n where norms[i] > 0 && norms[j] > 0 {
                var dot = 0.0
                for row in dense { dot += row[i] * row[j] }
                sim[i][j] = dot / (norms[i] * norms[j])
            }
        }
        self.sim = sim
    }

    func similarity(_ i: String, _ j: String) -> Double { sim[itemPosition[i]!][itemPosition[j]!] }

    func history(_ user: String) -> [String: Double] { r[user] ?? [:] }

    /// score(u,j) for any j not in H(u).
    func score(user: String, item j: String) -> Double {
        var total = 0.0
        for (k, value) in history(user) where value > 0 && k != j {
            total += similarity(j, k) * value
        }
        return total
    }

    /// Items not in H(u) with a positive score, by score descending then ID order.
    func candidates(user: String) -> [(item: String, score: Double)] {
        let seen = history(user)
        return items.filter { seen[$0] == nil }
            .map { (item: $0, score: score(user: user, item: $0)) }
            .filter { $0.score > 0 }
            .sorted { $0.score != $1.score ? $0.score > $1.score : ReferenceIDOrder.less($0.item, $1.item) }
    }

    /// SPEC §5's breakdown: every k with c_k > 0, by c desc, r desc, ID order.
    func breakdown(user: String, item j: String) -> [Row] {
        let total = score(user: user, item: j)
        return history(user).compactMap { k, value -> Row? in
            guard value > 0, k != j else { return nil }
            let s = similarity(j, k)
            let c = s * value
            return c > 0 ? Row(item: k, r: value, sim: s, c: c, share: c / total) : nil
        }.sorted { a, b in
            if a.c != b.c { return a.c > b.c }
            if a.r != b.r { return a.r > b.r }
            return ReferenceIDOrder.less(a.item, b.item)
        }
    }

    /// SPEC §6: popularity desc, viewers desc, ID order; unwatched items last.
    func popularity() -> [PopularRow] {
        items.map { item in
            var total = 0.0, viewers = 0
            for user in users {
                if let value = r[user]?[item] { total += value; viewers += 1 }
            }
            return PopularRow(item: item, popularity: total, viewers: viewers)
        }.sorted { a, b in
            if a.popularity != b.popularity { return a.popularity > b.popularity }
            if a.viewers != b.viewers { return a.viewers > b.viewers }
            return ReferenceIDOrder.less(a.item, b.item)
        }
    }

    /// The top k: cf first, then popular items neither in H(u) nor listed.
    func recommend(user: String, k: Int) -> [Pick] {
        guard k > 0 else { return [] }
        var picks = candidates(user: user).prefix(k).map { Pick(item: $0.item, score: $0.score) }
        let seen = history(user)
        for row in popularity() where picks.count < k {
            if seen[row.item] != nil || picks.contains(where: { $0.item == row.item }) { continue }
            picks.append(Pick(item: row.item, score: nil))
        }
        return picks
    }
}
