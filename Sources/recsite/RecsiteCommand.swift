import ArgumentParser
import Foundation

@main
struct RecsiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recsite",
        abstract: "Turns a streaming platform's viewing logs into a report site about its recommender.",
        discussion: """
        recsite reads users.csv, items.csv and events.csv from a data folder, cleanses them, \
        runs an item-based collaborative-filtering engine over every user and answers \
        questions about the results.

        Examples:
          recsite check --data data
          recsite user u1
          recsite explain u1 "Blue Lock"
          recsite recommend u1 -k 5 --json
          recsite synth --users 1000 --items 500 --events 100000 --seed 7 --out /tmp/synth

        Exit codes: 0 success; 1 an error the user can fix (unknown user or item, a missing \
        file or column, bad settings, --strict or --check failures); 3 `recsite build` could \
        not write the site or another build holds its lock (see `recsite build --help`); \
        129/130/143 a build stopped by SIGHUP/SIGINT/SIGTERM (nothing changed); 64 a usage \
        error (bad flags or arguments). Errors are one or two lines on stderr.
        """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, UserCommand.self, MoviesCommand.self, ExplainCommand.self,
            RecommendCommand.self, PopularCommand.self, SynthCommand.self, BuildCommand.self,
            ImportCommand.self, EvaluateCommand.self, DiffCommand.self, MergeCommand.self, ExplanationsCommand.self,
            ServeCommand.self,
        ]
    )

    /// Checks the subcommand's name first, to suggest the closest one.
    static func main() {
        let commands = configuration.subcommands.map { $0._commandName }
        if let message = CommandSuggestion.message(for: Array(CommandLine.arguments.dropFirst()), commands: commands) {
            FileHandle.standardError.write(Data("Error: \(message)\nUsage: recsite <subcommand>\n  See 'recsite --help' for more information.\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        main(nil)
    }
}
