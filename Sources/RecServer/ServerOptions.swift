/// How `recsite serve` was started.
public struct ServerOptions: Sendable {
    /// The folder with users.csv, items.csv, events.csv (and explanations.jsonl).
    public var dataDirectory = "data"
    /// The generated site served under `/`.
    public var siteDirectory = "site"
    /// The settings file; `nil` reads `recsite.yml` when present, as the CLI does.
    public var configPath: String?
    public var host = "127.0.0.1"
    /// 0 picks a free port (the tests); the chosen one is logged.
    public var port = 8001
    /// Watch the data files and reload when one changes.
    public var watch = false
    /// Seconds between two looks at the data files with `watch`.
    public var watchInterval: Double = 1

    public init() {}
}
