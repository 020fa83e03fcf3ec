import RecEngine

/// `evaluation.md`: the offline evaluation of the engine, its variants and the
/// baselines, with the protocol in words, an nDCG chart and, when the run's
/// protocol matches, the published reference figures beside ours.
struct EvaluationPage {
    let result: EvaluationResult
    var reference: PublishedReference? = .sarMovieLens100k

    func render(templates: TemplateLibrary) throws -> (page: MarkdownPage, chart: SiteFile) {
        let page = SitePaths.evaluation
        let o = result.options, c = result.counts
        let shown = reference.flatMap { $0.applies(to: o) ? $0 : nil }
        let context: TemplateRecord = [
            "k": .count(o.k),
            "protocol": .text(EvaluationReport.protocolText(o)),
            "users": .count(c.users), "items": .count(c.items), "events": .count(c.events),
            "trainEvents": .count(c.trainEvents), "testEvents": .count(c.testEvents),
            "trainPairs": .count(c.trainPairs), "testPairs": .count(c.testPairs),
            "evaluatedUsers": .count(c.evaluatedUsers),
            "verdict": .verbatim(verdict(k: o.k)),
            "chart": .verbatim(MarkdownLink.image(SitePaths.evaluationChart, from: page,
                                                  alt: "nDCG@\(o.k) of every evaluated algorithm")),
            "accuracy": .list(result.rows.map { row in
                let m = row.ranking
                return .fields(["name": .text(row.name), "kind": .text(row.kind),
                                "precision": metric(m.precision), "recall": metric(m.recall), "ndcg": metric(m.ndcg),
                                "map": metric(m.map), "mapOverTest": metric(m.mapOverTest),
                                "hitRate": metric(m.hitRate)] as TemplateRecord)
            }),
            "beyond": .list(result.rows.map { row in
                let b = row.beyondAccuracy
                return .fields(["name": .text(row.name), "coverage": .verbatim(NumberFormat.percent(b.coverage)),
                                "gini": metric(b.gini), "noveltyRank": .verbatim(NumberFormat.fixed(b.meanPopularityRank, 1)),
                                "selfInformation": .verbatim(NumberFormat.fixed(b.selfInformation, 2)),
                                "diversity": metric(b.intraListDiversity),
                                "popularFill": .verbatim(row.kind == "baseline" ? PageText.none
                                                         : NumberFormat.percent(row.popularFill))] as TemplateRecord)
            }),
            "reference": shown.map { shown in
                .fields([
                    "algorithm": .text(shown.algorithm), "source": .text(shown.source),
                    "protocol": .text(shown.protocolText), "caveat": .text(shown.caveat),
                    "precision": metric(shown.precision), "recall": metric(shown.recall), "ndcg": metric(shown.ndcg),
                    "mapOverTest": metric(shown.mapOverTest),
                ] as TemplateRecord)
            } ?? .none,
        ]
        let chart = SVGBarChart(
            title: "nDCG@\(o.k) by algorithm",
            description: "Mean nDCG@\(o.k) over \(c.evaluatedUsers) users with held-out items; \(EvaluationReport.protocolText(o)).",
            bars: result.rows.map { SVGBarChart.Bar(label: $0.name, value: $0.ranking.ndcg, valueText: NumberFormat.fixed($0.ranking.ndcg, 4)) })
        let markdown = try PageTemplate.render("evaluation.md", context, with: templates)
        return (MarkdownPage(path: page, title: "Offline evaluation", breadcrumbs: PageText.homeTrail, markdown: markdown),
                SiteFile(path: SitePaths.evaluationChart, text: chart.render()))
    }

    private func metric(_ value: Double) -> TemplateValue { .verbatim(NumberFormat.fixed(value, 4)) }

    /// How the engine (SPEC's setting) compares with the best baseline and the best variant, by nDCG@k.
    func verdict(k: Int) -> String {
        guard let engine = result.rows.first(where: { $0.kind == "engine" }) else { return "No engine row was evaluated." }
        let ndcg = engine.ranking.ndcg
        var sentence = "the engine's nDCG@\(k) is \(NumberFormat.fixed(ndcg, 4))"
        if let best = result.rows.filter({ $0.kind == "baseline" }).max(by: { $0.ranking.ndcg < $1.ranking.ndcg }) {
            let other = best.ranking.ndcg
            let relation = ndcg > other ? "above" : ndcg < other ? "below" : "equal to"
            sentence += ", \(relation) the best baseline (\(MarkdownEscaping.text(best.name)), \(NumberFormat.fixed(other, 4))"
                + (other > 0 && ndcg != other ? ", \(NumberFormat.signedPercent(ndcg / other - 1)))" : ")")
        }
        if let variant = result.rows.filter({ $0.kind == "variant" }).max(by: { $0.ranking.ndcg < $1.ranking.ndcg }),
           variant.ranking.ndcg > ndcg {
            sentence += "; its best variant, \(MarkdownEscaping.text(variant.name)), reaches \(NumberFormat.fixed(variant.ranking.ndcg, 4))"
        }
        return sentence.prefix(1).uppercased() + sentence.dropFirst() + "."
    }
}
