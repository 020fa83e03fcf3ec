import RecEngine

/// The site-wide charts: activity over time (index), the popularity long
/// tail and trending items (popular page), and the genre and content-type
/// mix (compare page). Made once, in the site batch.
struct SiteCharts {
    let facts: SiteFacts
    let activity: ActivityTimeline
    let trending: Trending

    init(facts: SiteFacts) {
        self.facts = facts
        activity = ActivityTimeline(dataset: facts.model.dataset)
        trending = Trending(model: facts.model)
    }

    /// Kept events per week, overall and per content type.
    var activityChart: SiteFile {
        let weeks = activity.weekStarts
        let step = max(1, weeks.count / 6)
        let labels = stride(from: 0, to: weeks.count, by: step).map { ($0, String(Timestamp(seconds: weeks[$0]).iso8601.prefix(10))) }
        let chart = SVGLineChart(
            title: "Kept events per week",
            description: "Kept events per week (weeks from Monday, UTC) from \(labels.first?.1 ?? "—"), overall and per content type.",
            series: [SVGLineChart.Series(name: "all", values: activity.total.map(Double.init))]
                + activity.byType.map { SVGLineChart.Series(name: $0.name, values: $0.counts.map(Double.init)) },
            xLabels: labels, yLabel: { NumberFormat.fixed($0, 0) })
        return SiteFile(path: SitePaths.activityChart, text: chart.render())
    }

    /// Popularity by rank, every item: how fast it falls off.
    var longTailChart: SiteFile {
        let popularity = facts.model.popularity
        let values = popularity.ranking.map { popularity.score[Int($0)] }
        let step = max(1, values.count / 5)
        let labels = stride(from: 0, to: values.count, by: step).map { ($0, "#\($0 + 1)") }
        let chart = SVGLineChart(
            title: "Popularity by rank",
            description: "Popularity (Σ r over all users) of every item, most popular first: the long tail of \(values.count) items.",
            series: [SVGLineChart.Series(name: "popularity", values: values)], xLabels: labels,
            yLabel: { NumberFormat.interaction($0) })
        return SiteFile(path: SitePaths.longTailChart, text: chart.render())
    }

    /// The trending items' rise in popularity.
    var trendingChart: SiteFile {
        let items = facts.items
        let chart = SVGBarChart(
            title: "Trending: rise in popularity over the last 30 days",
            description: "Popularity in the 30 days up to the latest event minus the 30 days before, for the \(trending.rows.count) items that rose most.",
            bars: trending.rows.map {
                SVGBarChart.Bar(label: items[$0.item].title, value: $0.rise, valueText: "+" + NumberFormat.interaction($0.rise))
            })
        return SiteFile(path: SitePaths.trendingChart, text: chart.render())
    }

    /// Everyone's share of the score by genre and by content type.
    var mixCharts: [SiteFile] {
        func chart(_ shares: [String: Double], _ what: String, _ path: String) -> SiteFile {
            let rows = shares.sorted { $0.value != $1.value ? $0.value > $1.value : codePointLess($0.key, $1.key) }
            let svg = SVGBarChart(
                title: "Share of all interaction score by \(what)",
                description: "Each \(what)'s part of Σ r over all users (popularity).",
                bars: rows.map { SVGBarChart.Bar(label: $0.key, value: $0.value, valueText: NumberFormat.percent($0.value)) })
            return SiteFile(path: path, text: svg.render())
        }
        return [chart(facts.globalMix.genres, "genre", SitePaths.genreMixChart),
                chart(facts.globalMix.contentTypes, "content type", SitePaths.typeMixChart)]
    }

    var files: [SiteFile] {
        (activity.isEmpty ? [] : [activityChart]) + [longTailChart] + (trending.rows.isEmpty ? [] : [trendingChart]) + mixCharts
    }
}
