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
        var context: PageContext = [
            "k": String(o.k),
            "protocol": MarkdownEscaping.text(EvaluationReport.protocolText(o)),
            "users": String(c.users), "items": String(c.items), "events": String(c.events),
            "trainEvents": String(c.trainEvents), "testEvents": String(c.testEvents),
            "trainPairs": String(c.trainPairs), "testPairs": String(c.testPairs),
            "evaluatedUsers": String(c.evaluatedUsers),
            "chart": MarkdownLink.image(SitePaths.evaluationChart, from: page,
                                        alt: "nDCG@\(o.k) of every evaluated algorithm"),
            "accuracy": result.rows.map { row -> Row in
                let m = row.ranking
                return ["name": MarkdownEscaping.text(row.name), "kind": MarkdownEscaping.text(row.kind),
                        "precision": metric(m.precision), "recall": metric(m.recall), "ndcg": metric(m.ndcg),
                        "map": metric(m.map), "mapOverTest": metric(m.mapOverTest), "hitRate": metric(m.hitRate)]
            },
            "beyond": result.rows.map { row -> Row in
                let b = row.beyondAccuracy
                return ["name": MarkdownEscaping.text(row.name), "coverage": NumberFormat.percent(b.coverage),
                        "gini": metric(b.gini), "noveltyRank": NumberFormat.fixed(b.meanPopularityRank, 1),
                        "selfInformation": NumberFormat.fixed(b.selfInformation, 2),
                        "diversity": metric(b.intraListDiversity),
                        "popularFill": row.kind == "baseline" ? PageText.none : NumberFormat.percent(row.popularFill)]
            },
        ]
        if let shown {
            context["reference"] = [
                "algorithm": MarkdownEscaping.text(shown.algorithm), "source": MarkdownEscaping.text(shown.source),
                "protocol": MarkdownEscaping.text(shown.protocolText), "caveat": MarkdownEscaping.text(shown.caveat),
                "precision": metric(shown.precision), "recall": metric(shown.recall), "ndcg": metric(shown.ndcg),
                "mapOverTest": metric(shown.mapOverTest),
            ] as Row
        }
        let chart = SVGBarChart(
            title: "nDCG@\(o.k) by algorithm",
            description: "Mean nDCG@\(o.k) over \(c.evaluatedUsers) users with held-out items; \(EvaluationReport.protocolText(o)).",
            bars: result.rows.map { SVGBarChart.Bar(label: $0.name, value: $0.ranking.ndcg, valueText: metric($0.ranking.ndcg)) })
        let markdown = try PageTemplate.render("evaluation.md", context, with: templates)
        return (MarkdownPage(path: page, title: "Offline evaluation", breadcrumbs: PageText.homeTrail, markdown: markdown),
                SiteFile(path: SitePaths.evaluationChart, text: chart.render()))
    }

    private func metric(_ value: Double) -> String { NumberFormat.fixed(value, 4) }
}
