import RecEngine

/// A horizontal bar chart as a standalone, accessible SVG document: one row
/// per bar with its label, a bar proportional to its value and the value's
/// text. `<title>` and `<desc>` describe it for screen readers (`role="img"`,
/// `aria-labelledby`). Coordinates are printed with one decimal and every
/// text is XML-escaped, so the same input gives the same bytes everywhere.
public struct SVGBarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double
        /// The value as shown at the end of the bar (already formatted).
        public let valueText: String
        /// A value to compare with, on the bar's scale, drawn as a dark tick across the row.
        public let marker: Double?
        public init(label: String, value: Double, valueText: String, marker: Double? = nil) {
            self.label = DisplayText.capped(label)
            self.value = value
            self.valueText = valueText
            self.marker = marker
        }
    }

    public let title: String
    public let description: String
    /// What the markers stand for, in a legend row under the bars (when any bar has one).
    public var markerLegend: String? = nil
    public let bars: [Bar]

    public init(title: String, description: String, bars: [Bar]) {
        self.title = title
        self.description = description
        self.bars = bars
    }

    static let width = 640.0
    static let rowHeight = 24.0
    static let barHeight = 16.0
    static let margin = 8.0
    /// A generous average glyph width at 12 px, so no label runs off the left edge.
    static let characterWidth = 7.5
    /// Labels longer than this are cut and end in `…`.
    static let maxLabelCharacters = 32
    static let valueColumn = 150.0

    /// The SVG document, ending in a newline.
    /// - Complexity: O(bars).
    public func render() -> String {
        let labels = bars.map { Self.shortened($0.label) }
        let longest = labels.map(\.count).max() ?? 0
        let labelColumn = max(60, Double(longest) * Self.characterWidth + Self.margin)
        let barArea = Self.width - 2 * Self.margin - labelColumn - Self.valueColumn
        let maxValue = (bars.map(\.value) + bars.compactMap(\.marker)).max() ?? 0
        let legend = bars.contains { $0.marker != nil } ? markerLegend : nil
        let height = 2 * Self.margin + Double(max(bars.count, 1) + (legend == nil ? 0 : 1)) * Self.rowHeight
        var svg = SVGDocument.opening(width: Self.width, height: height, title: title, description: description)
        if bars.isEmpty {
            svg += "<text x=\"\(Self.number(Self.margin))\" y=\"\(Self.number(Self.margin + 16))\" fill=\"#495057\">No data</text>\n"
        }
        for (row, bar) in bars.enumerated() {
            let top = Self.margin + Double(row) * Self.rowHeight
            let baseline = top + Self.rowHeight / 2 + 4
            let barX = Self.margin + labelColumn
            let barWidth = maxValue > 0 && bar.value > 0 ? barArea * bar.value / maxValue : 0
            let barY = top + (Self.rowHeight - Self.barHeight) / 2
            svg += "<text x=\"\(Self.number(barX - Self.margin))\" y=\"\(Self.number(baseline))\" text-anchor=\"end\" "
                + "fill=\"#212529\">\(XMLText.escape(labels[row]))</text>\n"
            svg += "<rect x=\"\(Self.number(barX))\" y=\"\(Self.number(barY))\" width=\"\(Self.number(barWidth))\" "
                + "height=\"\(Self.number(Self.barHeight))\" fill=\"#0d6efd\"/>\n"
            // The value's text goes after the bar, or after the marker when that lies further right.
            let markerX = bar.marker.flatMap { maxValue > 0 ? barX + barArea * max(0, $0) / maxValue : nil }
            let textX = max(barX + barWidth, (markerX ?? 0) + 2) + 6
            svg += "<text x=\"\(Self.number(textX))\" y=\"\(Self.number(baseline))\" "
                + "fill=\"#495057\">\(XMLText.escape(bar.valueText))</text>\n"
            if let x = markerX {
                svg += "<path d=\"M\(Self.number(x)) \(Self.number(top + 2))V\(Self.number(top + Self.rowHeight - 2))\" "
                    + "stroke=\"#212529\" stroke-width=\"2.5\"/>\n"
            }
        }
        if let legend {
            let top = Self.margin + Double(bars.count) * Self.rowHeight, x = Self.margin + labelColumn
            svg += "<path d=\"M\(Self.number(x)) \(Self.number(top + 4))V\(Self.number(top + Self.rowHeight - 4))\" "
                + "stroke=\"#212529\" stroke-width=\"2.5\"/>"
                + "<text x=\"\(Self.number(x + 8))\" y=\"\(Self.number(top + Self.rowHeight / 2 + 4))\" "
                + "fill=\"#212529\">\(XMLText.escape(legend))</text>\n"
        }
        svg += "</svg>\n"
        return svg
    }

    private static func shortened(_ label: String) -> String {
        label.count <= maxLabelCharacters ? label : String(label.prefix(maxLabelCharacters - 1)) + "…"
    }

    private static func number(_ value: Double) -> String { NumberFormat.fixed(value, 1) }
}
