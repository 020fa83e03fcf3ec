/// The layout of a results folder: what `recsite recommend --all
/// --results-out DIR` and the Spark job (`spark/recsite_job.py`) write, and
/// `recsite build --results DIR` reads (docs/scale.md, "Rendering from the
/// job's results").
public enum ResultsFolder {
    /// The manifest: format, version, the build key, settings and counts.
    public static let manifest = "results.json"
    /// One line per kept user: its list, each cf item with its score and
    /// the similarity of every contributing history item.
    public static let lists = "lists.jsonl"
    /// One line per kept item: its `neighbourCount` most similar items.
    public static let neighbours = "neighbours.jsonl"

    /// The manifest's `format`.
    public static let format = "recsite-results"
    /// Raised when a file changes meaning; a reader refuses any other.
    public static let version = 1
    /// The neighbours each item's line holds: what an item page shows.
    public static let neighbourCount = ItemReport.similarCount
    /// The only `sums` a build renders from (docs/rules.md, "Results from elsewhere").
    public static let canonicalSums = "canonical"
}
