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
    /// The kinds written: the indexes' `page` names the HTML page, else the Markdown one, else null.
    public let formats: SiteFormats
    /// Users without a page have `"page": null` in `api/users.json`.
    public let userPages: UserPages

    public init(model: RecommenderModel, formats: SiteFormats = .all, userPages: UserPages = .all) {
        self.model = model
        self.formats = formats
        self.userPages = userPages
    }

    /// The API's site-wide documents, the search indexes, the popular-movies
    /// CSV, and the site's `README.md` and `.nojekyll`.
    /// - Parameter summaries: every user's summary, in user order.
    public func siteWideFiles(summaries: [UserSummary]) -> [SiteFile] {
        let api = APIDocuments(model: model)
        let users = usersIndex(summaries)
        let searchUsers = usersIndex(summaries, shown: { DisplayText.capped($0) })
        return [
            SiteFile(path: SitePaths.health, bytes: Self.json(api.health())),
            SiteFile(path: SitePaths.popularJSON, bytes: Self.json(api.popular())),
            SiteFile(path: SitePaths.usersJSON, bytes: Self.json(users)),
            SiteFile(path: SitePaths.itemsJSON, bytes: Self.json(itemsIndex())),
            SiteFile(path: Self.searchIndexScript, text: searchIndexScript(users: searchUsers)),
            SiteFile(path: SitePaths.popularMoviesCSV, text: CSVExports(model: model).popularMovies()),
        ] + SiteLanding.files(model: model, formats: formats)
    }

    /// One user's JSON documents and CSV exports, from the user's report.
    /// - Complexity: O(|H(u)| + Σ contributors of the cf items).
    public func userFiles(_ report: UserReport) -> [SiteFile] {
        let api = APIDocuments(model: model), csv = CSVExports(model: model)
        let id = report.user.id
        return [
            SiteFile(path: SitePaths.recommendationsJSON(id), bytes: Self.json(api.recommendations(report, k: model.config.k))),
            SiteFile(path: SitePaths.userHistoryJSON(id), bytes: Self.json(api.userHistory(report))),
            SiteFile(path: SitePaths.completeHistoryCSV(id), text: csv.completeHistory(report)),
            SiteFile(path: SitePaths.recommendationsCSV(id), text: csv.recommendations(report)),
            SiteFile(path: SitePaths.movieReportCSV(id), text: csv.movieReport(report)),
            SiteFile(path: SitePaths.scoreBreakdownsCSV(id), bytes: csv.scoreBreakdowns(report)),
        ]
    }

    /// One item's recipients as JSON and CSV: every user whose top-k holds the item.
    public func itemFiles(_ report: ItemReport) -> [SiteFile] {
        let id = report.item.id
        return [
            SiteFile(path: SitePaths.recommendedToJSON(id), bytes: Self.json(APIDocuments(model: model).recommendedTo(report))),
            SiteFile(path: SitePaths.recommendedToCSV(id), text: CSVExports(model: model).recommendedTo(report)),
        ]
    }

    /// `api/users.json`: `[{"id","name","region","items","page"}]` in ID
    /// order; `items` counts H(u); `page` is the user's HTML page, site-relative
    /// (the Markdown page when no HTML is written; null when the user has no page).
    /// - Parameter shown: applied to each text: the full value in
    ///   `api/users.json`, `DisplayText.capped` in the search index.
    public func usersIndex(_ summaries: [UserSummary], shown: (String) -> String = { $0 }) -> JSONValue {
        .array(summaries.enumerated().map { u, summary in
            .object([
                ("id", .string(shown(summary.user.id))),
                ("name", .string(shown(summary.user.name))),
                ("region", .string(shown(summary.user.region))),
                ("items", .integer(summary.items)),
                ("page", userPage(u)),
            ])
        })
    }

    /// `api/items.json`: `[{"id","title","content_type","genre","rank","page"}]`
    /// in ID order; `rank` is the popularity rank. It is where a title,
    /// type or genre is written in full (`shown` is the identity); the search
    /// index caps them (`DisplayText.capped`), like every other output.
    public func itemsIndex(shown: (String) -> String = { $0 }) -> JSONValue {
        .array(model.dataset.items.enumerated().map { i, item in
            .object([
                ("id", .string(shown(item.id))),
                ("title", .string(shown(item.title))),
                ("content_type", .string(shown(item.contentType))),
                ("genre", .string(shown(item.genre))),
                ("rank", .integer(model.popularity.rank[i])),
                ("page", formats.pageAddress(SitePaths.item(item.id)).map(JSONValue.string) ?? .null),
            ])
        })
    }

    /// `window.RECSITE_SEARCH_INDEX = {"users":[…],"items":[…]};` — JSON
    /// escapes `<`, `>`, `&`, U+2028 and U+2029, so the text is safe as a script.
    public func searchIndexScript(users: JSONValue) -> String {
        let index = JSONValue.object([("users", users), ("items", itemsIndex(shown: { DisplayText.capped($0) }))])
        return "window.RECSITE_SEARCH_INDEX = " + index.serialized() + ";\n"
    }

    /// The pages the search indexes point to, for the link check.
    /// The links of the data files that are not pages: the search indexes' and the site README's.
    public var dataLinks: [(file: String, target: String)] { searchLinks + SiteLanding.links(formats: formats) }

    public var searchLinks: [(file: String, target: String)] {
        let users = model.dataset.users.indices.compactMap { u in
            userPageAddress(u).map { (SitePaths.usersJSON, $0) }
        }
        return users + model.dataset.items.compactMap { item in
            formats.pageAddress(SitePaths.item(item.id)).map { (SitePaths.itemsJSON, $0) }
        }
    }

    /// Where user `u`'s page is, for the indexes; nil when there is none.
    private func userPageAddress(_ u: Int) -> String? {
        userPages.has(u) ? formats.pageAddress(SitePaths.user(model.dataset.users[u].id)) : nil
    }

    private func userPage(_ u: Int) -> JSONValue { userPageAddress(u).map(JSONValue.string) ?? .null }

    /// A data file's bytes: pretty JSON and a final newline. The server
    /// (`recsite serve`) answers with the same text, so a static file and
    /// its live twin are equal byte for byte.
    public static func json(_ value: JSONValue) -> [UInt8] {
        var bytes = value.serializedBytes(pretty: true)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
