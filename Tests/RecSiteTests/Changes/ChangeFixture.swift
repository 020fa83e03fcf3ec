import Foundation
import RecEngine
@testable import RecSite

/// A four-item data set small enough to follow by hand, and variants of it
/// with one known change each, as build summaries.
///
/// Every event is a 10-second play, so r = 10 everywhere: i1 and i2 have two
/// viewers (norm 10√2), i3 and i4 one (norm 10); sim(i1,i2) = 0.5 and
/// sim(i1,i3) = sim(i2,i4) = 1/√2. With k = 2: u1 (i1, i2) gets i3 and i4
/// (both 10/√2, tied, ID order); u2 (i1, i3) gets i2 (5) and the popular
/// fill i4; u3 (i2, i4) gets i1 (5) and the fill i3.
enum ChangeFixture {
    static let users = "user_id,name\nu1,Ann\nu2,Bo\nu3,Cy\n"
    static let items = "item_id,title,content_type,genre\ni1,Alpha,movie,action\ni2,Beta,movie,drama\n"
        + "i3,Gamma,series,drama\ni4,Delta,anime,anime\n"
    static let events = "user_id,item_id,event_type,watch_seconds,timestamp\n"
        + "u1,i1,play,10,2025-01-01\nu1,i2,play,10,2025-01-02\nu2,i1,play,10,2025-01-03\n"
        + "u2,i3,play,10,2025-01-04\nu3,i2,play,10,2025-01-05\nu3,i4,play,10,2025-01-06\n"

    /// The summary of a build of the three files with `weights` and k = 2.
    static func summary(users: String = users, items: String = items, events: String = events,
                        weights: EventWeights = .standard) throws -> BuildSummary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recsite-changes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("users.csv", users), ("items.csv", items), ("events.csv", events)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let dataset = try DatasetLoader.load(directory: folder.path, weights: weights)
        let model = RecommenderModel(dataset: dataset, config: EngineConfig(weights: weights, k: 2))
        return BuildSummary(model: model, recommendations: model.recommender.recommendAll(k: 2, workers: 1))
    }

    static func report(_ old: BuildSummary, _ new: BuildSummary, limit: Int = 25) -> String {
        let comparison = BuildComparison(old: old, new: new)
        return ChangeReportText.render(ChangeReport(comparison, limit: limit), old: "old", new: "new")
    }

    static func json(_ old: BuildSummary, _ new: BuildSummary) -> String {
        BuildComparison(old: old, new: new).json(old: "old", new: "new").serialized(pretty: true)
    }
}
