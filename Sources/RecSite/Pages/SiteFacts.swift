import RecEngine

/// What the pages share, computed once per build: the model, every user's
/// list, and the site-wide tallies that would otherwise need a scan per page.
struct SiteFacts: Sendable {
    let model: RecommenderModel
    let recommendations: [[Recommendation]]
    let activity: UserActivity
    let exposure: RecommendationExposure
    let contentTypes: [ContentTypeStatistics]
    /// Everyone's genre and content-type shares, for each user's "taste against everyone".
    let globalMix: GlobalMix
    /// Each item's viewers and events per month.
    let itemTimeline: ItemTimeline
    /// Every item's `ItemCells` as seen from each folder of `ItemCells.cachedFolders`.
    let itemCells: [(folder: String, cells: [ItemCells])]
    /// The file kinds the build writes; pages link only to those.
    let formats: SiteFormats
    /// The users with a page (and their own JSON and CSV files).
    let userPages: UserPages

    /// - Complexity: O(items × folders + content types' scan of the events).
    init(builder: ReportBuilder, formats: SiteFormats = .all, userPages: UserPages = .all) {
        self.formats = formats
        self.userPages = userPages
        let model = builder.model
        self.model = model
        recommendations = builder.recommendations
        activity = builder.activity
        exposure = builder.exposure
        contentTypes = ContentTypeStatistics.compute(model: model)
        globalMix = GlobalMix(model: model)
        itemTimeline = ItemTimeline(dataset: model.dataset)
        itemCells = ItemCells.cachedFolders.map { folder in
            (folder, model.dataset.items.indices.map { ItemCells($0, from: folder + "index.md", model: model) })
        }
    }

    var users: [User] { model.dataset.users }
    var items: [Item] { model.dataset.items }
    var k: Int { model.config.k }

    /// `[text](…)` to user `u`'s page from `page`, or the escaped text alone
    /// when the build makes no page for the user.
    func userLink(_ u: Int, from page: String, text: String) -> String {
        userPages.has(u) ? MarkdownLink.to(SitePaths.user(users[u].id), from: page, text: text) : MarkdownEscaping.text(text)
    }

    /// `csv` and `json`: whether the build writes the CSV exports and the JSON API (for the templates' sections).
    var formatFlags: TemplateRecord {
        ["csv": .flag(formats.contains(.csv)), "json": .flag(formats.contains(.json))]
    }
}
