@testable import RecEngine

/// Compares a built model with the reference engine and lists every
/// disagreement (empty when they agree within SPEC §5's tolerance and the
/// engine's order is one the SPEC allows).
struct EngineComparison {
    let model: RecommenderModel
    let reference: ReferenceEngine

    private var itemIDs: [String] { model.dataset.items.map(\.id) }

    func itemID(_ index: Int32) -> String { model.dataset.items[Int(index)].id }

    /// Catalogue order, r(u,i) and H(u).
    func matrixProblems() -> [String] {
        var problems: [String] = []
        if bytes(model.dataset.users.map(\.id)) != bytes(reference.users) { problems.append("user order differs") }
        if bytes(itemIDs) != bytes(reference.items) { problems.append("item order differs") }
        for (u, user) in model.dataset.users.enumerated() {
            let expected = reference.history(user.id)
            let row = model.matrix.row(u)
            if row.count != expected.count { problems.append("H(\(user.id)) has \(row.count) items, expected \(expected.count)") }
            for p in row {
                let item = itemID(model.matrix.rowItem[p])
                guard let r = expected[item] else { problems.append("\(item) should not be in H(\(user.id))"); continue }
                if !approx(model.matrix.rowScore[p], r) { problems.append("r(\(user.id),\(item)) = \(model.matrix.rowScore[p]), expected \(r)") }
            }
        }
        return problems
    }

    /// Every pair's similarity, symmetry (bit for bit) and the stored rows.
    func similarityProblems() -> [String] {
        var problems: [String] = []
        let sim = model.similarity
        let n = itemIDs.count
        for i in 0..<n {
            for j in 0..<n where i != j {
                let value = sim.value(i, j)
                let expected = reference.sim[i][j]
                if !approx(value, expected) { problems.append("sim(\(itemIDs[i]),\(itemIDs[j])) = \(value), expected \(expected)") }
                if value.bitPattern != sim.value(j, i).bitPattern { problems.append("sim(\(itemIDs[i]),\(itemIDs[j])) is not symmetric") }
            }
            for q in sim.row(i) {
                if Int(sim.neighbour[q]) == i { problems.append("\(itemIDs[i]) is its own neighbour") }
                if !(sim.similarity[q] > 0) { problems.append("stored sim \(sim.similarity[q]) for \(itemIDs[i]) is not positive") }
                if q > sim.row(i).lowerBound, sim.neighbour[q - 1] >= sim.neighbour[q] { problems.append("row \(itemIDs[i]) not ascending") }
            }
            let positive = (0..<n).filter { $0 != i && reference.sim[i][$0] > 0 }.count
            if sim.row(i).count != positive { problems.append("\(itemIDs[i]) stores \(sim.row(i).count) neighbours, expected \(positive)") }
        }
        return problems
    }

    /// Popularity values and ranking (SPEC §6).
    func popularityProblems() -> [String] {
        var problems: [String] = []
        let popularity = model.popularity
        let rows = reference.popularity()
        var refPopularity: [String: Double] = [:], refViewers: [String: Int] = [:]
        for row in rows { refPopularity[row.item] = row.popularity; refViewers[row.item] = row.viewers }
        var enginePopularity: [String: Double] = [:]
        for (i, id) in itemIDs.enumerated() {
            enginePopularity[id] = popularity.score[i]
            if !approx(popularity.score[i], refPopularity[id]!) { problems.append("popularity(\(id)) = \(popularity.score[i]), expected \(refPopularity[id]!)") }
            if popularity.viewers[i] != refViewers[id]! { problems.append("viewers(\(id)) = \(popularity.viewers[i]), expected \(refViewers[id]!)") }
        }
        let ranking = popularity.ranking.map(itemID)
        problems += rankingProblems(actual: ranking, eligible: rows.map(\.item), limit: rows.count) { a, b in
            mustPrecede(a, b, [
                .descending(engine: enginePopularity[a]!, enginePopularity[b]!, reference: refPopularity[a]!, refPopularity[b]!),
                .descending(refViewers[a]!, refViewers[b]!),
            ])
        }
        for (position, item) in popularity.ranking.enumerated() where popularity.rank[Int(item)] != position + 1 {
            problems.append("rank of \(itemID(item)) is \(popularity.rank[Int(item)]), expected \(position + 1)")
        }
        return problems
    }

    /// The recommendation list of every user, with each cf entry's breakdown.
    func recommendationProblems(k: Int, lists: [[Recommendation]]? = nil) -> [String] {
        var problems: [String] = []
        let lists = lists ?? model.dataset.users.indices.map { model.recommendations(user: $0, k: k) }
        let popularityRows = reference.popularity()
        var refPopularity: [String: Double] = [:], refViewers: [String: Int] = [:]
        for row in popularityRows { refPopularity[row.item] = row.popularity; refViewers[row.item] = row.viewers }

        for (u, user) in model.dataset.users.enumerated() {
            let list = lists[u]
            let history = reference.history(user.id)
            let unseen = reference.items.filter { history[$0] == nil }
            // Every unseen item's score, engine and reference.
            var engineScore: [String: Double] = [:], refScore: [String: Double] = [:]
            for item in unseen {
                let breakdown = model.breakdown(user: u, item: model.item(item)!)
                engineScore[item] = breakdown.score
                refScore[item] = reference.score(user: user.id, item: item)
                if !approx(breakdown.score, refScore[item]!) {
                    problems.append("score(\(user.id),\(item)) = \(breakdown.score), expected \(refScore[item]!)")
                }
                if breakdown.inHistory { problems.append("\(item) marked in H(\(user.id))") }
            }
            let cf = list.filter { $0.source == .cf }
            let popular = list.filter { $0.source == .popular }
            if list.map(\.rank) != list.indices.map({ $0 + 1 }) {
                problems.append("ranks of \(user.id) are \(list.map(\.rank))")
            }
            if list.prefix(cf.count).contains(where: { $0.source != .cf }) { problems.append("\(user.id): popular before cf") }
            // cf: the top k of the positive scores.
            let cfIDs = cf.map { itemID($0.item) }
            let positive = unseen.filter { refScore[$0]! > 0 }
            problems += rankingProblems(actual: cfIDs, eligible: positive, limit: k) { a, b in
                mustPrecede(a, b, [.descending(engine: engineScore[a] ?? 0, engineScore[b] ?? 0,
                                               reference: refScore[a] ?? 0, refScore[b] ?? 0)])
            }.map { "\(user.id) cf: \($0)" }
            for rec in cf {
                problems += breakdownProblems(user: u, item: Int(rec.item), recommendation: rec)
            }
            // popular fill: the most popular items neither in H(u) nor listed.
            let fillIDs = popular.map { itemID($0.item) }
            if popular.contains(where: { $0.score != nil || $0.reason != nil }) { problems.append("\(user.id): popular entry with a score or reason") }
            let eligible = popularityRows.map(\.item).filter { history[$0] == nil && !cfIDs.contains($0) }
            problems += rankingProblems(actual: fillIDs, eligible: eligible, limit: max(0, k - cf.count)) { a, b in
                mustPrecede(a, b, [
                    .descending(engine: model.popularity.score[model.item(a)!], model.popularity.score[model.item(b)!],
                                reference: refPopularity[a]!, refPopularity[b]!),
                    .descending(refViewers[a]!, refViewers[b]!),
                ])
            }.map { "\(user.id) popular: \($0)" }
        }
        return problems
    }

    /// One cf recommendation against the reference breakdown.
    func breakdownProblems(user u: Int, item j: Int, recommendation: Recommendation) -> [String] {
        var problems: [String] = []
        let userID = model.dataset.users[u].id, itemIDj = itemID(Int32(j))
        let breakdown = model.breakdown(user: u, item: j)
        let expected = reference.breakdown(user: userID, item: itemIDj)
        let label = "breakdown(\(userID),\(itemIDj))"
        guard let score = recommendation.score else { return ["\(label): cf entry without a score"] }
        if score.bitPattern != breakdown.score.bitPattern { problems.append("\(label): list score \(score) ≠ breakdown score \(breakdown.score)") }
        if recommendation.reason != breakdown.contributions.first { problems.append("\(label): reason is not the first row") }
        var byItem: [String: ReferenceEngine.Row] = [:]
        for row in expected { byItem[row.item] = row }
        var engineC: [String: Double] = [:], engineR: [String: Double] = [:]
        for row in breakdown.contributions {
            let id = itemID(row.item)
            engineC[id] = row.contribution
            engineR[id] = row.interaction
            guard let ref = byItem[id] else { problems.append("\(label): unexpected row \(id)"); continue }
            if !approx(row.interaction, ref.r) || !approx(row.similarity, ref.sim)
                || !approx(row.contribution, ref.c) || !approx(row.share, ref.share) {
                problems.append("\(label) row \(id): \(row), expected \(ref)")
            }
            if row.contribution != row.similarity * row.interaction { problems.append("\(label) row \(id): c ≠ sim · r") }
        }
        let sum = breakdown.contributions.reduce(0) { $0 + $1.contribution }
        if !approx(sum, breakdown.score) { problems.append("\(label): contributions sum to \(sum), score \(breakdown.score)") }
        let shares = breakdown.contributions.reduce(0) { $0 + $1.share }
        if !approx(shares, 1) { problems.append("\(label): shares sum to \(shares)") }
        problems += rankingProblems(actual: breakdown.contributions.map { itemID($0.item) },
                                    eligible: expected.map(\.item), limit: expected.count) { a, b in
            mustPrecede(a, b, [
                .descending(engine: engineC[a] ?? 0, engineC[b] ?? 0, reference: byItem[a]?.c ?? 0, byItem[b]?.c ?? 0),
                .descending(engine: engineR[a] ?? 0, engineR[b] ?? 0, reference: byItem[a]?.r ?? 0, byItem[b]?.r ?? 0),
            ])
        }.map { "\(label): \($0)" }
        return problems
    }
}
