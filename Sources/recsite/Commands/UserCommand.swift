import ArgumentParser
import RecEngine
import RecSite

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Show one user: profile, complete history, content breakdown, genre preferences, favourites, recommendations.",
        discussion: """
        The complete history lists every content type (series, movies, anime, …); for the \
        movies-only view use `recsite movies ID`.

        Examples:
          recsite user u1
          recsite user u1 -k 5 --csv exports/
        """
    )

    @Argument(help: "The user's ID (as in users.csv).") var id: String
    @OptionGroup var options: DataOptions
    @OptionGroup var count: RecommendationCount

    @Option(help: ArgumentHelp(
        "Also write user_<id>_complete_history.csv and user_<id>_recommendations.csv to this folder.",
        valueName: "dir"))
    var csv: String?

    func run() throws {
        let model = try options.loadModel(k: count.k)
        let u = try Lookup.user(id, in: model)
        let report = ReportBuilder.user(u, model: model, k: model.config.k)
        print(TextTable.terminalSafe(UserText.render(report, model: model, k: model.config.k)), terminator: "")
        guard let csv else { return }
        let exports = CSVExports(model: model)
        let name = SafeFileName.forID(id)
        let files = [
            ("user_\(name)_complete_history.csv", exports.completeHistory(report)),
            ("user_\(name)_recommendations.csv", exports.recommendations(report)),
        ]
        for (file, text) in files {
            let path = OutputFile.join(csv, file)
            try OutputFile.write(text, to: path)
            Terminal.note("wrote \(path)")
        }
    }
}
