import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RecEngine
import Testing
@testable import RecSite

@Suite struct ChartTests {
    static let hostile = SVGBarChart(
        title: "Genre preferences of <script>alert(1)</script> & \"friends\"",
        description: "line\nbreak \u{1} control ' quote",
        bars: [
            .init(label: "</text><b>&x</b>", value: 30, valueText: "30.00 (75.0%)"),
            .init(label: "a very long genre name that goes on and on", value: 10, valueText: "10.00 (25.0%)"),
            .init(label: "zero", value: 0, valueText: "0.00 (0.0%)"),
        ])

    @Test func isWellFormedXMLWithTitleAndDescription() throws {
        let svg = Self.hostile.render()
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.text["title"] == "Genre preferences of <script>alert(1)</script> & \"friends\"")
        #expect(collector.text["desc"] == "line break   control ' quote")
        #expect(collector.elements.first == "svg")
        #expect(!collector.elements.contains("script"))
        #expect(svg.contains(#"role="img""#) && svg.contains(#"aria-labelledby="chart-title chart-desc""#))
    }

    @Test func escapesAndShortensLabels() {
        let svg = Self.hostile.render()
        #expect(svg.contains(">&lt;/text&gt;&lt;b&gt;&amp;x&lt;/b&gt;</text>"))
        #expect(svg.contains(">a very long genre name that goe…</text>"))
        #expect(!svg.contains("<script"))
    }

    @Test func barsAreProportionalAndDeterministic() {
        let svg = Self.hostile.render()
        #expect(svg == Self.hostile.render())
        let widths = svg.split(separator: "\n").filter { $0.hasPrefix("<rect x=") }.compactMap { line -> Double? in
            guard let range = line.range(of: #"width=""#) else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(widths.count == 3)
        #expect(abs(widths[0] - 3 * widths[1]) < 0.2)
        #expect(widths[2] == 0)
    }

    @Test func emptyChartSaysSo() {
        let svg = SVGBarChart(title: "t", description: "d", bars: []).render()
        #expect(svg.contains(">No data</text>"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func genreChartFormatsNumbersPerSPEC() throws {
        let model = try PageFixture.site().model
        let profile = model.profile(user: try #require(model.user("u1")))
        let genres = profile.genrePreferences(items: model.dataset.items)
        let svg = GenreChart.svg(title: "Genre preferences of Sari Hidayat (u1)", genres: genres, total: profile.totalScore)
        for genre in genres {
            let shown = NumberFormat.interaction(genre.score) + " (" + NumberFormat.percent(genre.score / profile.totalScore) + ")"
            #expect(svg.contains(">\(shown)</text>"))
            #expect(svg.contains("\(genre.name) \(shown)"))
        }
        #expect(svg.contains(">1900.00 (20.2%)</text>"))
    }

    @Test func xmlTextEscapesEverySpecialCharacter() {
        #expect(XMLText.escape(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;")
        #expect(XMLText.escape("a\u{0}b\u{7F}c\u{FFFE}") == "a b c ")
    }
}

/// Records element names in document order and the text inside each.
private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    var text: [String: String] = [:]
    private var current: String?

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append(name)
        current = name
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current { text[current, default: ""] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        current = nil
    }
}
