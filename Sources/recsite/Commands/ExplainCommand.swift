import ArgumentParser
import RecEngine
import RecSite

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Break one item's score for one user into the contributions of the user's history items.",
        discussion: """
        ITEM is an item ID, a title (exact, case-insensitive) or a unique title prefix; an \
        ambiguous title lists its candidates. Each row is one history item k with \
        r(u,k), sim(item,k), its contribution sim × r and its share of the score.

        Examples:
          recsite explain u1 "Blue Lock"
          recsite explain u1 i63 --csv exports/
        """
    )

    @Argument(help: "The user's ID.") var user: String
    @Argument(help: "The item: an ID, a title or a unique title prefix.") var item: String
    @OptionGroup var options: DataOptions
    @OptionGroup var count: RecommendationCount

    @Option(help: ArgumentHelp("Also write score_breakdown_<user>_<item>.csv to this folder.", valueName: "dir"))
    var csv: String?

    func run() throws {
        let model = try options.loadModel(k: count.k)
        let u = try Lookup.user(user, in: model)
        let j = try Lookup.item(item, in: model)
        print(TextTable.terminalSafe(ExplainReport.render(user: u, item: j, model: model, k: model.config.k)), terminator: "")
        guard let csv else { return }
        let name = "score_breakdown_\(SafeFileName.forID(model.dataset.users[u].id))_\(SafeFileName.forID(model.dataset.items[j].id)).csv"
        let path = OutputFile.join(csv, name)
        try OutputFile.write(CSVExports(model: model).scoreBreakdowns([model.breakdown(user: u, item: j)]), to: path)
        Terminal.note("wrote \(path)")
    }
}
