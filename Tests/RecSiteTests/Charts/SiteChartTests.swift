import Foundation
import RecEngine
import Testing
@testable import RecSite

/// Activity per week, trending items and the line chart, on events placed by hand.
@Suite struct SiteChartTests {
    /// A model of `events` (user,item,type,seconds,timestamp lines) over users u1–u2 and items i1–i3.
    static func model(_ events: String) throws -> RecommenderModel {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-charts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "user_id\nu1\nu2\n".write(to: folder.appendingPathComponent("users.csv"), atomically: true, encoding: .utf8)
        try "item_id,title,content_type,genre\ni1,One,movie,drama\ni2,Two,series,drama\ni3,Three,movie,comedy\n"
            .write(to: folder.appendingPathComponent("items.csv"), atomically: true, encoding: .utf8)
        try ("user_id,item_id,event_type,watch_seconds,timestamp\n" + events)
            .write(to: folder.appendingPathComponent("events.csv"), atomically: true, encoding: .utf8)
        return RecommenderModel(dataset: try DatasetLoader.load(directory: folder.path, weights: .standard))
    }

    static func seconds(_ text: String) -> Int64 {
        let date = ISO8601DateFormatter().date(from: text)!
        return Int64(date.timeIntervalSince1970)
    }

    /// 2025-01-01 is a Wednesday (week of Monday 2024-12-30), 2025-01-06 a
    /// Monday, 2025-01-19 a Sunday (week of 2025-01-13).
    @Test func weeksStartOnMondayUTC() throws {
        let model = try Self.model("""
            u1,i1,play,10,2025-01-01T12:00:00Z
            u1,i2,play,10,2025-01-05T23:59:59Z
            u2,i1,play,10,2025-01-06T00:00:00Z
            u2,i3,play,10,2025-01-19T23:00:00Z

            """)
        let timeline = ActivityTimeline(dataset: model.dataset)
        #expect(timeline.weekStarts == ["2024-12-30T00:00:00Z", "2025-01-06T00:00:00Z", "2025-01-13T00:00:00Z"].map(Self.seconds))
        #expect(timeline.total == [2, 1, 1])
        // movie: i1 twice and i3; series: i2 once. Types by events descending.
        #expect(timeline.byType.map(\.name) == ["movie", "series"])
        #expect(timeline.byType[0].counts == [1, 1, 1] && timeline.byType[1].counts == [1, 0, 0])
    }

    /// The latest event is 2025-03-31T00:00:00Z. Recent window: the 30 days
    /// up to it; the window before: the 30 days before that.
    @Test func trendingComparesTheLastThirtyDaysWithTheThirtyBefore() throws {
        let model = try Self.model("""
            u1,i1,play,100,2025-03-31T00:00:00Z
            u2,i1,complete,10,2025-03-15T00:00:00Z
            u1,i2,play,500,2025-02-20T00:00:00Z
            u2,i2,play,50,2025-03-20T00:00:00Z
            u1,i3,play,40,2025-03-01T00:00:01Z
            u2,i3,play,70,2025-01-01T00:00:00Z

            """)
        let trending = Trending(model: model)
        #expect(trending.end == Self.seconds("2025-03-31T00:00:00Z"))
        // i1: recent 100 + 10 × 3 = 130, before 0 → +130. i2: recent 50, before 500 → falls.
        // i3: 2025-03-01T00:00:01Z is 29 days 23:59:59 before the end → recent 40; the January event is older than 60 days.
        #expect(trending.rows == [Trending.Row(item: 0, recent: 130, before: 0), Trending.Row(item: 2, recent: 40, before: 0)])
    }

    /// Viewers per month are distinct users; events count every kept event.
    @Test func itemViewersPerMonth() throws {
        let model = try Self.model("""
            u1,i1,play,10,2025-01-01T00:00:00Z
            u1,i1,complete,10,2025-01-31T23:59:59Z
            u2,i1,play,10,2025-01-15T00:00:00Z
            u1,i1,play,10,2025-02-01T00:00:00Z
            u2,i3,play,10,2024-12-31T23:59:59Z

            """)
        let timeline = ItemTimeline(dataset: model.dataset)
        #expect(timeline.months[0] == [.init(month: "2025-01", viewers: 2, events: 3), .init(month: "2025-02", viewers: 1, events: 1)])
        #expect(timeline.months[1] == [])
        #expect(timeline.months[2] == [.init(month: "2024-12", viewers: 1, events: 1)])
    }

    /// A bar's marker (everyone's share on the user's scale) is a tick at its
    /// value; the scale takes in markers beyond every bar; the legend names it.
    @Test func barMarkersShowEveryonesShare() {
        var chart = SVGBarChart(title: "t", description: "d", bars: [
            .init(label: "a", value: 50, valueText: "50", marker: 100), .init(label: "b", value: 25, valueText: "25"),
        ])
        chart.markerLegend = "everyone"
        let svg = chart.render()
        let ticks = svg.split(separator: "\n").filter { $0.hasPrefix("<path d=\"M") }
        #expect(ticks.count == 2)  // the marker and the legend's sample
        // Bar a is half the largest value (its marker, 100); b a quarter.
        let widths = svg.split(separator: "\n").filter { $0.hasPrefix("<rect x=") }.compactMap { line -> Double? in
            guard let range = line.range(of: #"width=""#) else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != "\"" })
        }
        #expect(widths.count == 2 && abs(widths[0] - 2 * widths[1]) < 0.2)
        #expect(svg.contains(">everyone</text>"))
        #expect(!SVGBarChart(title: "t", description: "d", bars: [.init(label: "a", value: 1, valueText: "1")]).render().contains("<path"))
    }

    @Test func lineChartDrawsEverySeriesDeterministically() {
        let chart = SVGLineChart(title: "t <&>", description: "d", series: [
            .init(name: "all", values: [0, 5, 10]), .init(name: "<b>x</b>", values: [1, 1, 1]),
        ], xLabels: [(0, "start"), (2, "end")], yLabel: { NumberFormat.fixed($0, 0) })
        let svg = chart.render()
        #expect(svg == chart.render())
        #expect(svg.contains("<title id=\"chart-title\">t &lt;&amp;&gt;</title>"))
        #expect(svg.contains(">&lt;b&gt;x&lt;/b&gt;</text>") && !svg.contains("<b>"))
        let lines = svg.split(separator: "\n").filter { $0.hasPrefix("<polyline") }
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.components(separatedBy: " ").filter { $0.contains(",") }.count == 3 })
        // The top value (10) sits at the plot's top edge, 0 at its bottom.
        #expect(lines[0].contains(",\(NumberFormat.fixed(SVGLineChart.top, 1))"))
        #expect(lines[0].contains(",\(NumberFormat.fixed(SVGLineChart.height - SVGLineChart.bottom, 1))"))
    }

    /// The index, popular and compare pages show the charts, and the files exist.
    @Test func pagesShowTheSiteCharts() throws {
        let site = try PageFixture.site()
        let paths = Set(site.files.map(\.path))
        for chart in [SitePaths.activityChart, SitePaths.longTailChart, SitePaths.genreMixChart, SitePaths.typeMixChart] {
            #expect(paths.contains(chart), "\(chart)")
        }
        #expect(try site.page(SitePaths.index).markdown.contains("](charts/activity.svg)"))
        let popular = try site.page(SitePaths.popular).markdown
        #expect(popular.contains("](charts/popularity-long-tail.svg)"))
        #expect(popular.contains("## Trending"))
        #expect(try site.page(SitePaths.compare).markdown.contains("](charts/genre-mix.svg)"))
    }
}
