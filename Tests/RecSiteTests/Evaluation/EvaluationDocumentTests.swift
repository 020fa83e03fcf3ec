import Foundation
import RecEngine
import RecSite
import Testing

@Suite("Evaluation document and report")
struct EvaluationDocumentTests {
    /// A result with round numbers, built by hand.
    static let handMade = EvaluationResult(
        options: EvaluationOptions(), weights: .standard,
        counts: .init(users: 3, items: 5, events: 12, trainEvents: 9, testEvents: 3, trainPairs: 8, testPairs: 3,
                      evaluatedUsers: 2),
        rows: [
            .init(id: "engine", name: "item-CF (SPEC)", kind: "engine",
                  ranking: RankingMetrics(precision: 0.25, recall: 0.5, ndcg: 0.375, map: 0.3125, mapOverTest: 0.125,
                                          hitRate: 1),
                  beyondAccuracy: BeyondAccuracyMetrics(coverage: 0.6, gini: 0.4, meanPopularityRank: 2.5,
                                                        selfInformation: 1.25, intraListDiversity: 0.75),
                  popularFill: 0.5),
            .init(id: "random", name: "random", kind: "baseline", ranking: RankingMetrics(),
                  beyondAccuracy: BeyondAccuracyMetrics(coverage: 1), popularFill: 0),
        ])

    /// The committed sample data, evaluated with every variant.
    static func sampleResult() throws -> EvaluationResult {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let dataset = try DatasetLoader.load(directory: url.appendingPathComponent("data").path)
        return try Evaluator(dataset: dataset, options: EvaluationOptions(k: 5), workers: 2)
            .run(Evaluator.algorithms(variants: true))
    }

    @Test("the JSON reads back to the same result, full precision included")
    func roundTrip() throws {
        for result in [Self.handMade, try Self.sampleResult()] {
            let text = EvaluationDocument.make(result).serialized(pretty: true)
            let back = try EvaluationDocument.decode(Array(text.utf8), path: "evaluation.json")
            #expect(back == result)
            #expect(EvaluationDocument.make(back).serialized(pretty: true) == text)
        }
    }

    @Test("keys in a fixed order")
    func shape() {
        let text = EvaluationDocument.make(Self.handMade).serialized()
        #expect(text.hasPrefix(#"{"format":"recsite-evaluation/1","protocol":{"split":"stratified","ratio":0.75,"seed":42,"k":10},"weights":[{"type":"play","weight":1.0},"#))
        #expect(text.contains(#""counts":{"users":3,"items":5,"events":12,"train_events":9,"test_events":3,"train_pairs":8,"test_pairs":3,"evaluated_users":2}"#))
        #expect(text.contains(#"{"id":"engine","name":"item-CF (SPEC)","kind":"engine","precision":0.25,"recall":0.5,"ndcg":0.375,"map":0.3125,"map_over_test":0.125,"hit_rate":1.0,"coverage":0.6,"gini":0.4,"novelty_rank":2.5,"self_information":1.25,"diversity":0.75,"popular_fill":0.5}"#))
    }

    @Test("a file that is not an evaluation result names the problem", arguments: [
        ("[]", "cache/evaluation.json: the document must be a JSON object"),
        (#"{"format":"other"}"#, #"cache/evaluation.json: expected "format": "recsite-evaluation/1" (a file written by recsite evaluate --json)"#),
        ("not json", "cache/evaluation.json: not valid JSON"),
        (#"{"format":"recsite-evaluation/1","protocol":{"split":"stratified","ratio":"3/4"}}"#,
         "cache/evaluation.json: protocol.ratio must be a number"),
    ])
    func invalid(text: String, message: String) {
        #expect(throws: RecSiteError.invalidConfig(path: "cache/evaluation.json", reason: String(message.dropFirst(23)))) {
            try EvaluationDocument.decode(Array(text.utf8), path: "cache/evaluation.json")
        }
    }

    @Test("a missing metric is named")
    func missingField() throws {
        var text = EvaluationDocument.make(Self.handMade).serialized()
        text = text.replacingOccurrences(of: #""gini":0.4,"#, with: "")
        #expect(throws: RecSiteError.invalidConfig(path: "e.json", reason: "results[0].gini is missing")) {
            try EvaluationDocument.decode(Array(text.utf8), path: "e.json")
        }
    }

    @Test("the terminal report: protocol, sizes, two aligned tables and the published figures")
    func report() {
        let text = EvaluationReport.render(Self.handMade)
        #expect(text == """
            Offline evaluation: stratified random split per user (seed 42), 75 % of each user's items train, top 10, seen items removed
            3 users, 5 items, 12 events; train 9 events (8 user-item pairs), test 3 events (3 pairs); means over the 2 users with held-out items

            Accuracy
              algorithm           P@10    R@10  nDCG@10  MAP@10  MAP@10 ÷|T|  hit rate
              ----------------  ------  ------  -------  ------  -----------  --------
              item-CF (SPEC)    0.2500  0.5000   0.3750  0.3125       0.1250    1.0000
              random            0.0000  0.0000   0.0000  0.0000       0.0000    0.0000
              SAR, published ¹  0.3308  0.1764   0.3825       –       0.1106         –

            Beyond accuracy
              algorithm       coverage    Gini  novelty rank  self-info (bits)  diversity  popular fill
              --------------  --------  ------  ------------  ----------------  ---------  ------------
              item-CF (SPEC)     60.0%  0.4000           2.5              1.25     0.7500         50.0%
              random            100.0%  0.0000           0.0              0.00     0.0000             –

            MAP@10 divides each user's summed precision at hits by min(10, |T|); MAP@10 ÷|T| by the number of held-out items |T|.
            ¹ Microsoft Recommenders, MovieLens 100k benchmark: per-user stratified 75/25 split with seed 42, seen items removed, every held-out item relevant, top 10. SAR there uses the explicit ratings as weights, so the comparison is of protocol, not of identical inputs.

            """)
    }

    @Test("published figures only beside a run with their protocol")
    func referenceOnlyForItsProtocol() {
        var result = Self.handMade
        result.options.split = .temporal
        #expect(!EvaluationReport.render(result).contains("SAR"))
        result.options = EvaluationOptions(k: 20)
        #expect(!EvaluationReport.render(result).contains("SAR"))
    }
}
