import ArgumentParser
import RecEngine
import RecSite

struct MoviesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "movies",
        abstract: "Show a user's movies-only history, movie genre preferences, the top-10 popular movies and content-type statistics.",
        discussion: """
        The movies-only view keeps history items whose content_type is "movie" and says how many \
        other items it hides.

        Examples:
          recsite movies u1
          recsite movies u1 --csv exports/
        """
    )

    @Argument(help: "The user's ID.") var id: String
    @OptionGroup var options: DataOptions

    @Option(help: ArgumentHelp(
        "Also write user_<id>_movie_report.csv and popular_movies_report.csv to this folder.", valueName: "dir"))
    var csv: String?

    func run() throws {
        let model = try options.loadModel()
        let u = try Lookup.user(id, in: model)
        let report = ReportBuilder.user(u, model: model, k: model.config.k)
        print(TextTable.terminalSafe(MoviesText.render(report, model: model)), terminator: "")
        guard let csv else { return }
        let exports = CSVExports(model: model)
        let files = [
            ("user_\(SafeFileName.forID(id))_movie_report.csv", exports.movieReport(report)),
            ("popular_movies_report.csv", exports.popularMovies()),
        ]
        for (file, text) in files {
            let path = OutputFile.join(csv, file)
            try OutputFile.write(text, to: path)
            Terminal.note("wrote \(path)")
        }
    }
}
