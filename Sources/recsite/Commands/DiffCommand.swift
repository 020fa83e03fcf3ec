import ArgumentParser
import Foundation
import RecSite

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Say what moved between two builds of a site: inputs, settings, users' top-k, scores, exposure, popularity.",
        discussion: """
        Compares the build summaries (api/build.json) that every `recsite build` writes. OLD \
        and NEW are site folders; with --git REV the old site is the NEW folder as it is at \
        that git revision, read through git without a checkout (NEW defaults to site). Give \
        --git twice to compare two revisions.

        Text by default; --markdown for a pull-request comment (at most 60,000 characters, \
        long lists cut with a count of the rest); --json for tools (every list whole).

        Examples:
          recsite diff /tmp/old-site site
          recsite diff --git origin/main --markdown
          recsite diff --git HEAD~1 --git HEAD --json
        """
    )

    @Argument(help: "The old site folder (or, with --git, the site folder; default: site).") var first: String?
    @Argument(help: "The new site folder.") var second: String?

    @Option(name: .customLong("git"), help: ArgumentHelp("A git revision of the site folder (once: the old side; twice: old and new).", valueName: "rev"))
    var revisions: [String] = []

    @Flag(help: "Markdown for a pull-request comment.") var markdown = false
    @Flag(help: "JSON with every list whole.") var json = false
    @Option(help: "The most entries a list shows in text and Markdown.") var limit = 25
    @Flag(help: "Exit with status 1 when the builds differ (like `git diff --exit-code`).") var exitCode = false

    func validate() throws {
        if markdown && json { throw ValidationError("choose one of --markdown and --json") }
        if revisions.count > 2 { throw ValidationError("--git may be given at most twice") }
        if revisions.isEmpty && (first == nil || second == nil) { throw ValidationError("give OLD and NEW site folders, or --git REV") }
        if !revisions.isEmpty && second != nil { throw ValidationError("with --git, give at most one site folder") }
        if limit < 1 { throw ValidationError("--limit must be at least 1") }
    }

    func run() throws {
        let site = first ?? "site"
        let (old, oldName): (BuildSummary, String)
        let (new, newName): (BuildSummary, String)
        switch revisions.count {
        case 0:
            (old, oldName) = (try SiteSummaryReader.folder(first!), first!)
            (new, newName) = (try SiteSummaryReader.folder(second!), second!)
        case 1:
            (old, oldName) = (try SiteSummaryReader.git(revision: revisions[0], site: site), "\(site) at \(revisions[0])")
            (new, newName) = (try SiteSummaryReader.folder(site), site)
        default:
            (old, oldName) = (try SiteSummaryReader.git(revision: revisions[0], site: site), "\(site) at \(revisions[0])")
            (new, newName) = (try SiteSummaryReader.git(revision: revisions[1], site: site), "\(site) at \(revisions[1])")
        }
        let comparison = BuildComparison(old: old, new: new)
        if json {
            print(comparison.json(old: oldName, new: newName).serialized(pretty: true))
        } else if markdown {
            print(ChangeReportMarkdown.fitting(comparison, limit: limit,
                                               heading: "## recsite: changes from " + MarkdownEscaping.text(oldName)
                                                   + " to " + MarkdownEscaping.text(newName), level: 3), terminator: "")
        } else {
            print(ChangeReportText.render(ChangeReport(comparison, limit: limit), old: oldName, new: newName),
                  terminator: "")
        }
        if exitCode && !comparison.isEmpty { throw ExitCode(1) }
    }
}
