/// An accessible SVG line chart: one line per series over the same x
/// positions, a legend, the y axis's top value and a few x labels. Like
/// `SVGBarChart`, it is a self-contained file (`role="img"`, `<title>`,
/// `<desc>`) with coordinates printed to one decimal, so the same data
/// gives the same bytes.
struct SVGLineChart: Sendable {
    struct Series: Sendable {
        let name: String
        let values: [Double]
    }

    let title: String
    let description: String
    /// Lines, drawn in order; every series has one value per x position.
    let series: [Series]
    /// Labels under the x axis, by position.
    let xLabels: [(position: Int, text: String)]
    /// The y axis's top label, from the largest value.
    let yLabel: @Sendable (Double) -> String

    static let width = 640.0, height = 260.0
    static let right = 24.0, top = 40.0, bottom = 32.0
    /// Okabe–Ito colours: told apart with any colour vision, dark enough on white.
    static let palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"]

    func render() -> String {
        let count = series.map(\.values.count).max() ?? 0
        let maxValue = series.flatMap(\.values).max() ?? 0
        let topText = yLabel(maxValue)
        // Room on the left for the top value's label, at a generous 7.5 px a character.
        let left = max(40, Double(topText.count) * 7.5 + 14)
        let plotWidth = Self.width - left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        func x(_ position: Int) -> Double {
            left + (count > 1 ? plotWidth * Double(position) / Double(count - 1) : plotWidth / 2)
        }
        func y(_ value: Double) -> Double { Self.top + plotHeight - (maxValue > 0 ? plotHeight * value / maxValue : 0) }
        var svg = SVGDocument.opening(width: Self.width, height: Self.height, title: title, description: description)
        // Axes, the top value and zero.
        let axisBottom = Self.top + plotHeight
        svg += "<path d=\"M\(n(left)) \(n(Self.top))V\(n(axisBottom))H\(n(Self.width - Self.right))\" "
            + "stroke=\"#6c757d\" fill=\"none\"/>\n"
        svg += "<text x=\"\(n(left - 6))\" y=\"\(n(Self.top + 4))\" text-anchor=\"end\" fill=\"#495057\">"
            + "\(XMLText.escape(topText))</text>\n"
        svg += "<text x=\"\(n(left - 6))\" y=\"\(n(axisBottom + 4))\" text-anchor=\"end\" fill=\"#495057\">0</text>\n"
        for label in xLabels where label.position < count {
            svg += "<text x=\"\(n(x(label.position)))\" y=\"\(n(axisBottom + 18))\" text-anchor=\"middle\" "
                + "fill=\"#495057\">\(XMLText.escape(label.text))</text>\n"
        }
        // Legend across the top, then the lines.
        var legendX = left
        for (index, line) in series.enumerated() {
            let colour = Self.palette[index % Self.palette.count]
            svg += "<rect x=\"\(n(legendX))\" y=\"12\" width=\"12\" height=\"12\" fill=\"\(colour)\"/>"
                + "<text x=\"\(n(legendX + 16))\" y=\"22\" fill=\"#212529\">\(XMLText.escape(line.name))</text>\n"
            legendX += 28 + Double(line.name.count) * 7.5
        }
        for (index, line) in series.enumerated() where !line.values.isEmpty {
            let points = line.values.enumerated().map { "\(n(x($0.offset))),\(n(y($0.element)))" }.joined(separator: " ")
            svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(Self.palette[index % Self.palette.count])\" "
                + "stroke-width=\"\(index == 0 ? 2.5 : 1.5)\" stroke-linejoin=\"round\"/>\n"
        }
        return svg + "</svg>\n"
    }

    private func n(_ value: Double) -> String { NumberFormat.fixed(value, 1) }
}
