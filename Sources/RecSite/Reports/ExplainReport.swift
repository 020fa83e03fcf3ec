import RecEngine

/// `recsite explain USER ITEM`: the score breakdown of one item for one user,
/// as `validate_score_calculation.py` printed it.
public enum ExplainReport {
    public static func render(user u: Int, item j: Int, model: RecommenderModel, k: Int) -> String {
        let items = model.dataset.items
        let user = model.dataset.users[u], item = items[j]
        let breakdown = model.breakdown(user: u, item: j)
        var out = "Score of \(item.id) \(item.title) (\(item.contentType), \(item.genre)) for user \(user.id)"
        out += user.name.isEmpty ? "\n" : " (\(user.name))\n"
        if breakdown.inHistory {
            let r = model.profile(user: u).history.first { $0.item == Int32(j) }?.score ?? 0
            out += "  \(item.id) is already in \(user.id)'s history (r = \(NumberFormat.interaction(r))), "
            out += "so it is never recommended to \(user.id).\n"
            return out
        }
        guard breakdown.score > 0 else {
            out += "  score(\(user.id), \(item.id)) = 0: no item in \(user.id)'s history with r > 0 shares a viewer "
            out += "with \(item.id), so it can reach \(user.id)'s list only as popular fill.\n"
            out += placement(user: u, item: j, model: model, k: k)
            return out
        }
        let rows = breakdown.contributions
        out += "  score(\(user.id), \(item.id)) = Σ sim(\(item.id), k) × r(\(user.id), k) = "
        out += "\(NumberFormat.score(breakdown.score)) over \(rows.count) contributing history item\(rows.count == 1 ? "" : "s")\n\n"
        var table = TextTable([
            ("#", .right), ("Item", .left), ("Title", .left), ("r(u,k)", .right), ("sim", .right),
            ("Contribution", .right), ("Share", .right),
        ])
        for (position, row) in rows.enumerated() {
            let source = items[Int(row.item)]
            table.add([String(position + 1), source.id, source.title, NumberFormat.interaction(row.interaction),
                       NumberFormat.similarity(row.similarity), NumberFormat.score(row.contribution),
                       NumberFormat.percent(row.share)])
        }
        table.add(["", "", "Total", "", "", NumberFormat.score(breakdown.score), NumberFormat.percent(1)])
        out += table.render() + "\n\n"
        out += placement(user: u, item: j, model: model, k: k)
        return out
    }

    /// Where the item lands in the user's ranking.
    static func placement(user u: Int, item j: Int, model: RecommenderModel, k: Int) -> String {
        let user = model.dataset.users[u]
        let all = model.recommendations(user: u, k: model.dataset.items.count)
        guard let rec = all.first(where: { $0.item == Int32(j) }) else { return "" }
        let candidates = all.filter { $0.source == .cf }.count
        if rec.rank <= k {
            return "  Rank \(rec.rank) of \(k) in \(user.id)'s recommendations (\(rec.source.rawValue)).\n"
        }
        if rec.source == .cf {
            return "  Not in \(user.id)'s top \(k): rank \(rec.rank) of \(candidates) items with a positive score.\n"
        }
        return "  Not in \(user.id)'s top \(k).\n"
    }
}
