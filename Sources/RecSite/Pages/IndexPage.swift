import RecEngine

/// `index.md`: the data set at a glance, the top items and links to every
/// kind of page.
struct IndexPage {
    static let topItems = 10

    let facts: SiteFacts
    let charts: SiteCharts
    var hasEvaluation = false

    func render(templates: TemplateLibrary) throws -> MarkdownPage {
        let page = SitePaths.index
        let dataset = facts.model.dataset
        let report = dataset.report
        let first = facts.activity.first.compactMap { $0 }.min()
        let last = facts.activity.last.compactMap { $0 }.max()
        var context: TemplateRecord = [
            "users": .count(dataset.users.count),
            "items": .count(dataset.items.count),
            "events": .count(dataset.events.count),
            "rowsRead": .count(report.files.reduce(0) { $0 + $1.rowsRead }),
            "dropped": .count(report.totalDropped),
            "period": .verbatim(first.map { "\(PageText.time($0)) to \(PageText.time(last))" } ?? PageText.none),
            "k": .count(facts.k),
            "contentTypes": .list(facts.contentTypes.map { row in
                .fields(["name": .text(row.contentType), "items": .count(row.items),
                         "events": .count(row.events), "viewers": .count(row.viewers)] as TemplateRecord)
            }),
            "top": ItemCells.ranked(facts.model.popularity.ranking.prefix(Self.topItems), from: page, facts: facts),
            "links": .fields(TemplateRecord([
                "usersIndex": SitePaths.usersIndex, "itemsIndex": SitePaths.itemsIndex,
                "popular": SitePaths.popular, "compare": SitePaths.compare,
                "dataQuality": SitePaths.dataQuality, "methodology": SitePaths.methodology,
                "changes": SitePaths.changes, "buildSummary": SitePaths.buildSummary,
                "health": SitePaths.health, "popularJSON": SitePaths.popularJSON,
                "usersJSON": SitePaths.usersJSON, "itemsJSON": SitePaths.itemsJSON,
                "popularMoviesCSV": SitePaths.popularMoviesCSV,
            ].mapValues { .verbatim(SitePaths.link(from: page, to: $0)) })),
            "firstUser": .verbatim(facts.users.indices.first(where: facts.userPages.has).map {
                facts.userLink($0, from: page, text: PageText.userLabel(facts.users[$0]))
            } ?? PageText.none),
            "evaluation": .none,
            "activityChart": charts.activity.isEmpty ? .none
                : .verbatim(MarkdownLink.image(SitePaths.activityChart, from: page, alt: "Kept events per week, overall and per content type")),
            "busiestWeek": .verbatim(busiestWeek()),
        ]
        context = context.merging(facts.formatFlags)
        if hasEvaluation {
            context["evaluation"] = .verbatim(SitePaths.link(from: page, to: SitePaths.evaluation))
        }
        return MarkdownPage(path: page, title: "recsite report", breadcrumbs: [],
                            markdown: try PageTemplate.render("index.md", context, with: templates))
    }

    /// "The busiest week began on … with N kept events."
    private func busiestWeek() -> String {
        let activity = charts.activity
        guard let peak = activity.total.indices.max(by: { activity.total[$0] < activity.total[$1] || (activity.total[$0] == activity.total[$1] && $0 > $1) })
        else { return "No kept events, so no activity to show." }
        return "Kept events per week (weeks from Monday, UTC), over \(PageText.count(activity.weekStarts.count, "week")); "
            + "the busiest week began on \(Timestamp(seconds: activity.weekStarts[peak]).iso8601.prefix(10)) "
            + "with \(PageText.count(activity.total[peak], "kept event"))."
    }
}
