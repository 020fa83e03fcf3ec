import RecEngine

/// The terminal form of an `EvaluationResult`: the protocol in one line, the
/// sizes of the split, an accuracy table and a beyond-accuracy table.
public enum EvaluationReport {
    /// - Parameter reference: figures shown under the accuracy table when
    ///   they were published for this run's protocol.
    public static func render(_ result: EvaluationResult,
                              reference: PublishedReference? = .sarMovieLens100k) -> String {
        let o = result.options, c = result.counts, k = o.k
        var lines = [
            "Offline evaluation: \(protocolText(o))",
            "\(c.users) users, \(c.items) items, \(c.events) events; train \(c.trainEvents) events "
                + "(\(c.trainPairs) user-item pairs), test \(c.testEvents) events (\(c.testPairs) pairs); "
                + "means over the \(c.evaluatedUsers) users with held-out items",
            "",
            "Accuracy",
        ]
        var accuracy = TextTable([
            ("algorithm", .left), ("P@\(k)", .right), ("R@\(k)", .right), ("nDCG@\(k)", .right),
            ("MAP@\(k)", .right), ("MAP@\(k) ÷|T|", .right), ("hit rate", .right),
        ])
        for row in result.rows {
            let m = row.ranking
            accuracy.add([row.name] + [m.precision, m.recall, m.ndcg, m.map, m.mapOverTest, m.hitRate].map(metric))
        }
        let shown = reference.flatMap { $0.applies(to: o) ? $0 : nil }
        if let shown {
            accuracy.add(["\(shown.algorithm), published ¹", metric(shown.precision), metric(shown.recall),
                          metric(shown.ndcg), "–", metric(shown.mapOverTest), "–"])
        }
        lines.append(accuracy.render())
        lines += ["", "Beyond accuracy"]
        var beyond = TextTable([
            ("algorithm", .left), ("coverage", .right), ("Gini", .right), ("novelty rank", .right),
            ("self-info (bits)", .right), ("diversity", .right), ("popular fill", .right),
        ])
        for row in result.rows {
            let b = row.beyondAccuracy
            beyond.add([row.name, NumberFormat.percent(b.coverage), metric(b.gini),
                        NumberFormat.fixed(b.meanPopularityRank, 1), NumberFormat.fixed(b.selfInformation, 2),
                        metric(b.intraListDiversity), row.kind == "baseline" ? "–" : NumberFormat.percent(row.popularFill)])
        }
        lines.append(beyond.render())
        lines += ["", "MAP@\(k) divides each user's summed precision at hits by min(\(k), |T|); "
                    + "MAP@\(k) ÷|T| by the number of held-out items |T|."]
        if let shown {
            lines.append("¹ \(shown.source): \(shown.protocolText). \(capitalised(shown.caveat)).")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The protocol in words, e.g. "stratified split per user, 75 % of each
    /// user's items train (seed 42), top 10, seen items removed".
    public static func protocolText(_ o: EvaluationOptions) -> String {
        let percent = NumberFormat.fixed(o.ratio * 100, o.ratio * 100 == (o.ratio * 100).rounded() ? 0 : 1)
        let how = o.split == .stratified ? "stratified random split per user (seed \(o.seed))"
            : "temporal split per user (latest items held out)"
        return "\(how), \(percent) % of each user's items train, top \(o.k), seen items removed"
    }

    private static func metric(_ value: Double) -> String { NumberFormat.fixed(value, 4) }

    private static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
}
