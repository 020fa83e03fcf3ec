import RecEngine

/// The site's data files: the static API of SPEC §9 (`APIDocuments`), the
/// search indexes `api/users.json` and `api/items.json` (plus the same data
/// as `assets/search-index.js` for `file://`, where `fetch` cannot read
/// files), and the CSV exports (`CSVExports`). Paths come from `SitePaths`.
///
/// JSON is pretty-printed with a final newline, so a pull request shows a
/// readable diff; the script is one line.
public struct SiteData: Sendable {
    /// The script that sets `window.RECSITE_SEARCH_INDEX` (site-relative).
    public static let searchIndexScript = "assets/search-index.js"

    public let model: RecommenderModel
    public let recommendations: [[Recommendation]]

    public init(model: RecommenderModel, recommendations: [[Recommendation]]) {
        precondition(recommendations.count == model.dataset.users.count, "one recommendation list per user")
        self.model = model
        self.recommendations = recommendations
    }

    /// Every data file: site-wide ones first, then each user's in user order.
    /// - Complexity: O(Σ_u |H(u)| log |H(u)| + users × k × |H(u)|) / workers.
    public func files(workers: Int = ProcessInfoCores.count) -> [SiteFile] {
        siteWideFiles() + userFiles(users: model.dataset.users.indices, workers: workers)
    }

    /// The API's site-wide documents, the search indexes and the popular-movies CSV.
    public func siteWideFiles() -> [SiteFile] {
        let api = APIDocuments(model: model)
        return [
            SiteFile(path: SitePaths.health, text: Self.json(api.health())),
            SiteFile(path: SitePaths.popularJSON, text: Self.json(api.popular())),
            SiteFile(path: SitePaths.usersJSON, text: Self.json(usersIndex())),
            SiteFile(path: SitePaths.itemsJSON, text: Self.json(itemsIndex())),
            SiteFile(path: Self.searchIndexScript, text: searchIndexScript()),
            SiteFile(path: SitePaths.popularMoviesCSV, text: CSVExports(model: model).popularMovies()),
        ]
    }

    /// The JSON documents and CSV exports of `users`, in user order, made on `workers` threads.
    public func userFiles(users: Range<Int>, workers: Int = ProcessInfoCores.count) -> [SiteFile] {
        let api = APIDocuments(model: model)
        let csv = CSVExports(model: model)
        let perUser = parallelMap(count: users.count, workers: workers, makeScratch: {}) { offset, _ in
            userFiles(user: users.lowerBound + offset, api: api, csv: csv)
        }
        return Array(perUser.joined())
    }

    /// One user's JSON documents and CSV exports.
    public func userFiles(user u: Int, api: APIDocuments, csv: CSVExports) -> [SiteFile] {
        let id = model.dataset.users[u].id
        let profile = model.profile(user: u)
        let list = recommendations[u]
        let breakdowns = list.filter { $0.source == .cf }.map { model.breakdown(user: u, item: Int($0.item)) }
        return [
            SiteFile(path: SitePaths.recommendationsJSON(id),
                     text: Self.json(api.recommendations(user: u, list: list, k: model.config.k))),
            SiteFile(path: SitePaths.userHistoryJSON(id), text: Self.json(api.userHistory(user: u, profile: profile))),
            SiteFile(path: SitePaths.completeHistoryCSV(id), text: csv.completeHistory(profile: profile)),
            SiteFile(path: SitePaths.recommendationsCSV(id), text: csv.recommendations(list)),
            SiteFile(path: SitePaths.movieReportCSV(id), text: csv.movieReport(profile: profile)),
            SiteFile(path: SitePaths.scoreBreakdownsCSV(id), bytes: csv.scoreBreakdownBytes(breakdowns)),
        ]
    }

    /// `api/users.json`: `[{"id","name","region","items","page"}]` in ID
    /// order; `items` counts H(u); `page` is the user's HTML page, site-relative.
    public func usersIndex() -> JSONValue {
        .array(model.dataset.users.enumerated().map { u, user in
            .object([
                ("id", .string(user.id)),
                ("name", .string(user.name)),
                ("region", .string(user.region)),
                ("items", .integer(model.historyCount(user: u))),
                ("page", .string(LinkRewriter.htmlPath(SitePaths.user(user.id)))),
            ])
        })
    }

    /// `api/items.json`: `[{"id","title","content_type","genre","rank","page"}]`
    /// in ID order; `rank` is the popularity rank.
    public func itemsIndex() -> JSONValue {
        .array(model.dataset.items.enumerated().map { i, item in
            .object([
                ("id", .string(item.id)),
                ("title", .string(item.title)),
                ("content_type", .string(item.contentType)),
                ("genre", .string(item.genre)),
                ("rank", .integer(model.popularity.rank[i])),
                ("page", .string(LinkRewriter.htmlPath(SitePaths.item(item.id)))),
            ])
        })
    }

    /// `window.RECSITE_SEARCH_INDEX = {"users":[…],"items":[…]};` — JSON
    /// escapes `<`, `>`, `&`, U+2028 and U+2029, so the text is safe as a script.
    public func searchIndexScript() -> String {
        let index = JSONValue.object([("users", usersIndex()), ("items", itemsIndex())])
        return "window.RECSITE_SEARCH_INDEX = " + index.serialized() + ";\n"
    }

    /// The pages the search indexes point to, for the link check.
    public var searchLinks: [(file: String, target: String)] {
        model.dataset.users.map { (SitePaths.usersJSON, LinkRewriter.htmlPath(SitePaths.user($0.id))) }
            + model.dataset.items.map { (SitePaths.itemsJSON, LinkRewriter.htmlPath(SitePaths.item($0.id))) }
    }

    static func json(_ value: JSONValue) -> String { value.serialized(pretty: true) + "\n" }
}
