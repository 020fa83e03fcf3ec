import RecEngine

/// `methodology.md`: the formulas, the weights and k of this build, a worked
/// example of one score and a legend for the numbers.
struct MethodologyPage {
    let facts: SiteFacts
    /// The report of the first user in ID order with a cf recommendation, if any.
    let example: UserReport?

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.methodology
        let weights = facts.model.config.weights
        let context: TemplateRecord = [
            "k": .count(facts.k),
            "weights": .list(zip(weights.types, weights.weights).map { type, weight in
                .fields(["type": .text(type), "weight": .verbatim(NumberFormat.exact(weight))] as TemplateRecord)
            }),
            "example": workedExample(from: page).map { .fields($0) } ?? .none,
        ]
        return MarkdownPage(
            path: page, title: "Methodology", breadcrumbs: PageText.homeTrail,
            markdown: try PageTemplate.render("methodology.md", context, with: templates))
    }

    /// The first cf recommendation of `example`, the report of the first user
    /// in ID order with one.
    private func workedExample(from page: String) -> TemplateRecord? {
        guard let report = example, let entry = report.collaborative.first,
              let breakdown = entry.breakdown, let score = entry.recommendation.score
        else { return nil }
        let rec = entry.recommendation
        let user = report.user, item = facts.items[entry.item]
        var context = BreakdownTable.context(breakdown, score: score, from: page, facts: facts)
        let top = breakdown.contributions.prefix(BreakdownTable.shownRows)
        context["user"] = .verbatim(facts.model.user(user.id).map { facts.userLink($0, from: page, text: PageText.userLabel(user)) }
            ?? MarkdownEscaping.text(PageText.userLabel(user)))
        context["item"] = .verbatim(MarkdownLink.to(SitePaths.item(item.id), from: page, text: PageText.itemLabel(item)))
        context["rank"] = .count(rec.rank)
        var terms = top.map { NumberFormat.score($0.contribution) }
        if let others = BreakdownTable.others(breakdown, score: score) {
            terms.append("\(others.contribution) (\(others.label))")
        }
        context["sum"] = .verbatim(terms.joined(separator: " + "))
        if let first = breakdown.contributions.first {
            let source = facts.items[Int(first.item)]
            context["firstItem"] = .text(source.title)
            context["firstSim"] = .verbatim(NumberFormat.similarity(first.similarity))
            context["firstR"] = .verbatim(NumberFormat.interaction(first.interaction))
            context["firstContribution"] = .verbatim(NumberFormat.score(first.contribution))
            context["firstShare"] = .verbatim(NumberFormat.percent(first.share))
        }
        return context
    }
}
