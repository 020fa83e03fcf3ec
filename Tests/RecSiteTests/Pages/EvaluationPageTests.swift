import Foundation
import RecEngine
import Testing
@testable import RecSite

/// `evaluation.md`: written only with an evaluation, numbers as the result
/// holds them, the published reference only under its own protocol.
@Suite struct EvaluationPageTests {
    static func result(options: EvaluationOptions = EvaluationOptions()) throws -> EvaluationResult {
        let site = try PageFixture.site()
        return try Evaluator(dataset: site.model.dataset, options: options).run(Evaluator.algorithms(variants: false))
    }

    @Test func pageOnlyWithAnEvaluation() throws {
        let site = try PageFixture.site()
        let templates = try PageFixture.templates()
        let without = try ReportSite(model: site.model, templates: templates, recommendations: site.recommendations).renderPages()
        #expect(!without.pages.contains { $0.path == SitePaths.evaluation })
        let index = { (pages: [MarkdownPage]) in pages.first { $0.path == SitePaths.index }?.markdown ?? "" }
        #expect(!index(without.pages).contains("evaluation.md"))
        let result = try Self.result()
        let with = try ReportSite(model: site.model, templates: templates, recommendations: site.recommendations,
                                 evaluation: result).renderPages()
        let page = try #require(with.pages.first { $0.path == SitePaths.evaluation })
        #expect(index(with.pages).contains("](evaluation.md)"))
        #expect(with.files.last?.path == SitePaths.evaluationChart)
        #expect(page.markdown.hasPrefix("# Offline evaluation\n"))
        for row in result.rows {
            let line = "| \(MarkdownEscaping.text(row.name)) | \(row.kind) | \(NumberFormat.fixed(row.ranking.precision, 4)) | "
                + "\(NumberFormat.fixed(row.ranking.recall, 4)) | \(NumberFormat.fixed(row.ranking.ndcg, 4)) |"
            #expect(page.markdown.contains(line))
        }
        // The fixture's default protocol is the published one, so SAR's figures stand beside ours.
        // Microsoft Recommenders' names: `map` divides by |T| (the published figure), `map_at_k` by min(k, |T|).
        #expect(page.markdown.contains("| nDCG@10 | map | map_at_k | Hit rate |"))
        #expect(page.markdown.contains("on MovieLens 100k, published ¹ | reference | 0.3308 | 0.1764 | 0.3825 | 0.1106 | — | — |"))
        for row in result.rows {
            #expect(page.markdown.contains("| \(NumberFormat.fixed(row.ranking.ndcg, 4)) | \(NumberFormat.fixed(row.ranking.mapOverTest, 4)) | "
                + "\(NumberFormat.fixed(row.ranking.map, 4)) | \(NumberFormat.fixed(row.ranking.hitRate, 4)) |"))
        }
        // The one-sentence verdict names the engine's nDCG and the best baseline's.
        let engine = try #require(result.rows.first { $0.kind == "engine" })
        let baseline = try #require(result.rows.filter { $0.kind == "baseline" }.max { $0.ranking.ndcg < $1.ranking.ndcg })
        #expect(page.markdown.contains("**In one sentence:** The engine's nDCG@10 is \(NumberFormat.fixed(engine.ranking.ndcg, 4)), "
            + "\(engine.ranking.ndcg > baseline.ranking.ndcg ? "above" : "below") the best baseline "
            + "(\(MarkdownEscaping.text(baseline.name)), \(NumberFormat.fixed(baseline.ranking.ndcg, 4))"))
    }

    @Test func referenceOnlyUnderItsProtocol() throws {
        let templates = try PageFixture.templates()
        let temporal = try Self.result(options: EvaluationOptions(split: .temporal))
        let page = try EvaluationPage(result: temporal).render(templates: templates).page
        #expect(!page.markdown.contains("0.3825"))
        #expect(page.markdown.contains("temporal split per user"))
    }

    @Test func chartIsAccessibleSVG() throws {
        let chart = try EvaluationPage(result: try Self.result()).render(templates: try PageFixture.templates()).chart
        let text = String(decoding: chart.bytes, as: UTF8.self)
        #expect(text.contains("<title"))
        #expect(text.contains("nDCG@10 by algorithm"))
    }
}
