/// Where a site build reports progress: phases, a page counter and a
/// summary, for people (stderr) or for tests (`MemoryConsole`). Results
/// that scripts read (the `--check` listing) are not progress; the command
/// prints those to stdout itself.
public protocol BuildConsole: Sendable {
    /// A step begins, e.g. `loading data/`.
    func phase(_ message: String)
    /// A counted step begins: `total` units of `label` (pages).
    func startProgress(_ label: String, total: Int)
    /// One more unit done. Called from any thread.
    func advanceProgress()
    /// The counted step is over.
    func endProgress()
    /// A line that is not a phase: the summary, a warning.
    func note(_ message: String)
    /// A warning: shown even when progress is not (`--quiet`).
    func warning(_ message: String)
}

extension BuildConsole {
    public func warning(_ message: String) { note("Warning: " + message) }
}
