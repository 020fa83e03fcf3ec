import RecEngine

/// Where every generated file lives inside the site folder. Pages and the
/// writer both use these, so a link can never point somewhere else than the
/// file that is written. All paths are relative to the site root, use `/`,
/// and pass data-derived IDs through `SafeFileName`.
public enum SitePaths {
    public static let index = "index.md"
    public static let usersIndex = "users/index.md"
    public static let itemsIndex = "items/index.md"
    public static let popular = "popular.md"
    public static let compare = "compare.md"
    public static let dataQuality = "data-quality.md"
    public static let methodology = "methodology.md"
    /// Written only when the build is given an evaluation (`--evaluate` or `--evaluation FILE`).
    public static let evaluation = "evaluation.md"
    public static let evaluationChart = "charts/evaluation-ndcg.svg"
    /// Site-wide charts (`SiteCharts`).
    public static let activityChart = "charts/activity.svg"
    public static let longTailChart = "charts/popularity-long-tail.svg"
    public static let trendingChart = "charts/trending.svg"
    public static let genreMixChart = "charts/genre-mix.svg"
    public static let typeMixChart = "charts/type-mix.svg"

    public static func user(_ id: String) -> String { "users/\(pageName(id)).md" }
    public static func item(_ id: String) -> String { "items/\(pageName(id)).md" }

    /// A page's file name: `SafeFileName`, except that an ID named `index`
    /// takes the hashed form, so it cannot overwrite its folder's index page.
    static func pageName(_ id: String) -> String {
        let name = SafeFileName.forID(id)
        return name == "index" ? SafeFileName.hashedName(id) : name
    }

    /// SVG chart of a user's genre preferences.
    public static func userGenreChart(_ id: String) -> String { "charts/users/\(SafeFileName.forID(id))-genres.svg" }

    public static let health = "api/health.json"
    /// What this build computed from which facts (`BuildSummary`).
    public static let buildSummary = "api/build.json"
    /// The summary `changes.md` compares with (`SiteChanges`).
    public static let previousBuildSummary = "api/previous-build.json"
    /// What changed since the previous build.
    public static let changes = "changes.md"
    public static let popularJSON = "api/popular.json"
    public static let usersJSON = "api/users.json"
    public static let itemsJSON = "api/items.json"
    public static func recommendationsJSON(_ id: String) -> String { "api/recommendations/\(SafeFileName.forID(id)).json" }
    public static func userHistoryJSON(_ id: String) -> String { "api/user_history/\(SafeFileName.forID(id)).json" }

    public static func completeHistoryCSV(_ id: String) -> String { "csv/user_\(SafeFileName.forID(id))_complete_history.csv" }
    public static func recommendationsCSV(_ id: String) -> String { "csv/user_\(SafeFileName.forID(id))_recommendations.csv" }
    public static func movieReportCSV(_ id: String) -> String { "csv/user_\(SafeFileName.forID(id))_movie_report.csv" }
    public static func scoreBreakdownsCSV(_ id: String) -> String { "csv/user_\(SafeFileName.forID(id))_score_breakdowns.csv" }
    public static let popularMoviesCSV = "csv/popular_movies_report.csv"
    /// Every user an item is recommended to, with rank, source and score.
    public static func recommendedToJSON(_ id: String) -> String { "api/recommended_to/\(SafeFileName.forID(id)).json" }
    public static func recommendedToCSV(_ id: String) -> String { "csv/item_\(SafeFileName.forID(id))_recommended_to.csv" }

    /// A relative link from the page at `from` to the file at `to`
    /// (both site-root relative), e.g. `users/u1.md` → `../items/i3.md`.
    public static func link(from: String, to: String) -> String {
        let depth = from.split(separator: "/").count - 1
        return String(repeating: "../", count: depth) + to
    }
}

/// One Markdown page of the site.
public struct MarkdownPage: Sendable, Equatable {
    /// Site-relative path ending in `.md`.
    public let path: String
    /// The page title (plain text, used for `<title>` and the breadcrumb).
    public let title: String
    /// Breadcrumb trail above this page, root first: (plain-text title, site-relative `.md` path).
    public let breadcrumbs: [Breadcrumb]
    public let markdown: String

    public init(path: String, title: String, breadcrumbs: [Breadcrumb], markdown: String) {
        self.path = path
        self.title = title
        self.breadcrumbs = breadcrumbs
        self.markdown = markdown
    }
}

public struct Breadcrumb: Sendable, Equatable {
    public let title: String
    public let path: String
    public init(title: String, path: String) {
        self.title = title
        self.path = path
    }
}

/// Any other generated file (SVG, JSON, CSV, assets), as bytes.
public struct SiteFile: Sendable, Equatable {
    public let path: String
    public let bytes: [UInt8]
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
