/// Generates the clean events: heavy-tailed activity per viewer (Pareto,
/// α = 2, capped; 8 % of viewers never watch), distinct Zipf-like items per
/// viewer, and several events per item.
enum ViewingGenerator {
    /// - Parameters:
    ///   - count: exactly this many events are made (none if no user is active).
    ///   - users: the final users; `active[u]` says whether u gets generated events.
    ///   - items: the final items.
    /// - Complexity: O(count + users + items), plus a sort by time.
    static func make(
        count: Int, users: [UserRow], active: [Bool], items: [ItemRow], random: inout SeededRandom
    ) -> ViewingLog {
        var log = ViewingLog(capacity: count)
        let budgets = eventBudgets(count: count, active: active, random: &random)
        guard count > 0, !budgets.isEmpty else { return log }
        let catalogue = CatalogueIndex(items: items, random: &random)
        var chosenBy = [Int32](repeating: -1, count: items.count)
        var pairEvents: [Int] = []
        var session = WatchSession()
        for u in users.indices where budgets[u] > 0 {
            let zone = PeopleVocabulary.zoneMinutes(of: users[u].region)
            let taste = ViewerTaste(age: Int(users[u].age), catalogue: catalogue, random: &random)
            // Half the viewers were subscribed all year; the rest joined later.
            let firstDay = random.chance(0.5) ? 0 : random.below(300)
            let budget = budgets[u]
            let eventsPerItem = 2.5 + 2 * random.unit()
            let pairs = max(1, min(items.count, Int((Double(budget) / eventsPerItem).rounded())))
            split(budget, into: pairs, &pairEvents, &random)
            for p in 0..<pairs {
                let item = pickUnseen(taste, catalogue, user: Int32(u), chosenBy: &chosenBy, &random)
                session.append(
                    count: pairEvents[p], user: Int32(u), item: Int32(item), runtime: catalogue.runtime[item],
                    zoneMinutes: zone, firstDay: firstDay, to: &log, random: &random)
            }
        }
        log.sortByTime()
        return log
    }

    /// Events per user summing to `count` exactly: a share of `count` by
    /// weight, rounded down, the remainder handed out by weight.
    private static func eventBudgets(count: Int, active: [Bool], random: inout SeededRandom) -> [Int] {
        var weights = active.map { isActive -> Double in
            guard isActive, !random.chance(0.08) else { return 0 }
            return min(40, 1 / random.positiveUnit().squareRoot())
        }
        if weights.allSatisfy({ $0 == 0 }) {
            guard let first = active.firstIndex(of: true) else { return [] }
            weights[first] = 1
        }
        let total = weights.reduce(0, +)
        var budgets = weights.map { Int(Double(count) * $0 / total) }
        var assigned = budgets.reduce(0, +)
        // Rounding can overshoot by an event or two; take them back.
        while assigned > count, let largest = budgets.indices.max(by: { budgets[$0] < budgets[$1] }) {
            budgets[largest] -= 1; assigned -= 1
        }
        let table = WeightedTable(weights)
        for _ in 0..<(count - assigned) { budgets[table.draw(&random)] += 1 }
        return budgets
    }

    /// One event per item, the rest going mostly to the first items (the
    /// ones a viewer binges).
    private static func split(_ budget: Int, into pairs: Int, _ out: inout [Int], _ random: inout SeededRandom) {
        out.removeAll(keepingCapacity: true)
        out.append(contentsOf: repeatElement(1, count: pairs))
        for _ in 0..<(budget - pairs) { out[min(random.below(pairs), random.below(pairs))] += 1 }
    }

    /// An item the user has not picked yet: a few taste draws, then a scan
    /// from a random start (only when the user has seen most of the catalogue).
    private static func pickUnseen(
        _ taste: ViewerTaste, _ catalogue: CatalogueIndex, user: Int32,
        chosenBy: inout [Int32], _ random: inout SeededRandom
    ) -> Int {
        for _ in 0..<12 {
            let item = taste.draw(catalogue, &random)
            if chosenBy[item] != user { chosenBy[item] = user; return item }
        }
        var item = random.below(chosenBy.count)
        while chosenBy[item] == user { item = (item + 1) % chosenBy.count }
        chosenBy[item] = user
        return item
    }
}
