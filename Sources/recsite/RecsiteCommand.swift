import ArgumentParser

@main
struct RecsiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recsite",
        abstract: "Turns a streaming platform's viewing logs into a report site about its recommender.",
        discussion: """
        recsite reads users.csv, items.csv and events.csv from a data folder, cleanses them,
        runs an item-based collaborative-filtering engine over every user and answers
        questions about the results.

        Examples:
          recsite check --data data
          recsite user u1
          recsite explain u1 "Blue Lock"
          recsite recommend u1 -k 5 --json
          recsite synth --users 1000 --items 500 --events 100000 --seed 7 --out /tmp/synth

        Exit codes: 0 success; 1 a user error (unknown ID, bad input, --strict or --check
        failures); 2 a usage error (bad flags); 3 an I/O failure writing output.
        """,
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, UserCommand.self, MoviesCommand.self, ExplainCommand.self,
            RecommendCommand.self, PopularCommand.self, SynthCommand.self,
        ]
    )
}
