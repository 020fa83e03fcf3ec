import ArgumentParser
import Foundation
import RecEngine
import RecSite

/// `recsite merge`: the folders of `recsite build --shard I/N` as one site.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Put the shards of a sharded build (recsite build --shard I/N) together into one site.",
        discussion: """
        Each SHARD folder is the --out of `recsite build --shard I/N`; give all N of them, in any \
        order. The merge checks that they are the shards of one build (same data, settings and \
        flags; each I once), that no two hold the same file, and every internal link across them, \
        then writes --out as a build does: staged beside it and swapped in, files with unchanged \
        bytes kept as they were, the previous site untouched on any failure. The merged site is \
        byte for byte what `recsite build` without --shard writes. docs/scale.md shows sharding on \
        several machines and as Spark tasks.

        Examples:
          for i in 1 2 3 4; do recsite build --shard $i/4 --out shards/$i & done; wait
          recsite merge --out site shards/1 shards/2 shards/3 shards/4

        Exit codes: 0 merged; 1 the folders are not the shards of one build, two hold the same \
        file, or a link is broken; 3 the site could not be written (as for build); \
        129/130/143 interrupted before the new site was in place; 64 bad flags.
        """
    )

    @Argument(help: ArgumentHelp("The shards' folders.", valueName: "shard"))
    var shards: [String]

    @Option(help: ArgumentHelp("The site folder (replaced as a whole).", valueName: "dir"))
    var out = "site"

    @Flag(help: "Remove files of the old --out that recsite did not write; .git, CNAME and .nojekyll are always kept.")
    var force = false

    @Flag(help: "Print nothing on stderr but errors.")
    var quiet = false

    @Option(help: ArgumentHelp("Threads to use (default: all cores, or RECSITE_WORKERS).", valueName: "n"))
    var workers: Int?

    func validate() throws {
        if shards.isEmpty { throw ValidationError("Give the shard folders to merge.") }
        if let workers, workers < 1 { throw ValidationError("--workers must be at least 1.") }
        if out.isEmpty { throw ValidationError("--out must name a folder.") }
    }

    func run() throws {
        let signals = InterruptSignals()
        let merge = ShardMerge(shards: shards, target: out, workers: workers ?? ProcessInfoCores.count, force: force)
        do {
            _ = try merge.merge(console: StandardErrorConsole(quiet: quiet), interruption: signals.interruption)
            signals.stop()
            if let number = signals.interruption.signal {
                InterruptSignals.reportAfterSwap(number, target: SiteWriter(target: out).target)
            }
        } catch let error as RecSiteError {
            signals.stop()
            throw SiteWriteErrors.translate(error)
        }
    }
}
