import RecEngine

/// What the pages share, computed once per build: the model, every user's
/// list, and the site-wide tallies that would otherwise need a scan per page.
struct SiteFacts: Sendable {
    let model: RecommenderModel
    let recommendations: [[Recommendation]]
    let activity: UserActivity
    let exposure: RecommendationExposure
    let contentTypes: [ContentTypeStatistics]
    /// Every item's `ItemCells` as seen from each folder of `ItemCells.cachedFolders`.
    let itemCells: [(folder: String, cells: [ItemCells])]

    /// - Complexity: O(items × folders + content types' scan of the events).
    init(builder: ReportBuilder) {
        let model = builder.model
        self.model = model
        recommendations = builder.recommendations
        activity = builder.activity
        exposure = builder.exposure
        contentTypes = ContentTypeStatistics.compute(model: model)
        itemCells = ItemCells.cachedFolders.map { folder in
            (folder, model.dataset.items.indices.map { ItemCells($0, from: folder + "index.md", model: model) })
        }
    }

    var users: [User] { model.dataset.users }
    var items: [Item] { model.dataset.items }
    var k: Int { model.config.k }
}
