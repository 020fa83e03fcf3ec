import RecEngine

/// `methodology.md`: the formulas, the weights and k of this build, a worked
/// example of one score and a legend for the numbers.
struct MethodologyPage {
    let facts: SiteFacts

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.methodology
        let weights = facts.model.config.weights
        var context: PageContext = [
            "k": String(facts.k),
            "weights": zip(weights.types, weights.weights).map { type, weight -> Row in
                ["type": MarkdownEscaping.text(type), "weight": NumberFormat.exact(weight)]
            },
        ]
        if let example = workedExample(from: page) {
            context["example"] = example
        }
        return MarkdownPage(
            path: page, title: "Methodology", breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("methodology.md", context, with: templates))
    }

    /// The first user in ID order with a cf recommendation, and their top one.
    private func workedExample(from page: String) -> PageContext? {
        guard let u = facts.recommendations.firstIndex(where: { $0.contains { $0.source == .cf } }),
              let rec = facts.recommendations[u].first(where: { $0.source == .cf }),
              let score = rec.score
        else { return nil }
        let user = facts.users[u], item = facts.items[Int(rec.item)]
        let breakdown = facts.model.recommender.breakdown(user: u, item: Int(rec.item))
        var context = BreakdownTable.context(breakdown, score: score, from: page, facts: facts)
        let top = breakdown.contributions.prefix(BreakdownTable.shownRows)
        context["user"] = MarkdownLink.to(SitePaths.user(user.id), from: page, text: PageText.userLabel(user))
        context["item"] = MarkdownLink.to(SitePaths.item(item.id), from: page, text: PageText.itemLabel(item))
        context["rank"] = String(rec.rank)
        var terms = top.map { NumberFormat.score($0.contribution) }
        if let others = BreakdownTable.others(breakdown, score: score) {
            terms.append("\(others.contribution) (\(others.label))")
        }
        context["sum"] = terms.joined(separator: " + ")
        if let first = breakdown.contributions.first {
            let source = facts.items[Int(first.item)]
            context["firstItem"] = MarkdownEscaping.text(source.title)
            context["firstSim"] = NumberFormat.similarity(first.similarity)
            context["firstR"] = NumberFormat.interaction(first.interaction)
            context["firstContribution"] = NumberFormat.score(first.contribution)
            context["firstShare"] = NumberFormat.percent(first.share)
        }
        return context
    }
}
