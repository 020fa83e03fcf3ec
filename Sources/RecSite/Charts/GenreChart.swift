import RecEngine

/// A user's genre preferences (Σ r per genre) as an `SVGBarChart`.
enum GenreChart {
    /// - Parameters:
    ///   - title: the chart's accessible title, plain text.
    ///   - genres: the user's genre preferences, in display order.
    ///   - total: the user's Σ r, for the shares.
    static func svg(title: String, genres: [GroupTotal], total: Double) -> String {
        let bars = genres.map { genre in
            SVGBarChart.Bar(label: genre.name, value: genre.score,
                            valueText: NumberFormat.interaction(genre.score) + " (" + share(genre.score, total) + ")")
        }
        let description = "Interaction score (Σ watch seconds × event weight) per genre: "
            + bars.map { "\($0.label) \($0.valueText)" }.joined(separator: "; ") + "."
        return SVGBarChart(title: title, description: description, bars: bars).render()
    }

    private static func share(_ part: Double, _ total: Double) -> String {
        total > 0 ? NumberFormat.percent(part / total) : "—"
    }
}
