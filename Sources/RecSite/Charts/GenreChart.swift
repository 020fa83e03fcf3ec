import RecEngine

/// A user's genre preferences (Σ r per genre) as an `SVGBarChart`, each bar
/// marked where the genre would be if the user's taste matched everyone's.
enum GenreChart {
    /// - Parameters:
    ///   - title: the chart's accessible title, plain text.
    ///   - genres: the user's genre preferences, in display order.
    ///   - total: the user's Σ r, for the shares.
    ///   - everyone: each genre's share of everyone's score (`GlobalMix`); no markers when empty.
    static func svg(title: String, genres: [GroupTotal], total: Double, everyone: [String: Double] = [:]) -> String {
        let bars = genres.map { genre in
            let global = everyone[genre.name]
            return SVGBarChart.Bar(label: genre.name, value: genre.score,
                                   valueText: NumberFormat.interaction(genre.score) + " (" + share(genre.score, total) + ")",
                                   marker: global.map { $0 * total })
        }
        var description = "Interaction score (Σ watch seconds × event weight) per genre: "
            + bars.map { "\($0.label) \($0.valueText)" }.joined(separator: "; ") + "."
        if !everyone.isEmpty {
            description += " Marks: the score each genre would have at everyone's share: "
                + genres.map { "\($0.name) \(NumberFormat.percent(everyone[$0.name] ?? 0))" }.joined(separator: "; ") + "."
        }
        var chart = SVGBarChart(title: title, description: description, bars: bars)
        chart.markerLegend = "everyone's share of the same total"
        return chart.render()
    }

    private static func share(_ part: Double, _ total: Double) -> String {
        total > 0 ? NumberFormat.percent(part / total) : "—"
    }
}
