import ArgumentParser
import Foundation
import RecEngine
import RecSite

/// `recsite import`: converts a public data set into recsite's three CSV files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert a public data set into users.csv, items.csv and events.csv.",
        subcommands: [MovieLens.self]
    )

    /// `recsite import movielens DIR --out DIR`.
    struct MovieLens: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "movielens",
            abstract: "Convert MovieLens 100k (u.data, u.item, u.user) into recsite's three CSV files.",
            discussion: """
            Each rating becomes one 'play' event whose watch_seconds is the rating, so with the \
            standard weights (play = 1.0) the interaction score r(u,i) is the rating. User N becomes \
            uN and movie N becomes mN; a movie's genre is its first listed genre other than 'unknown', \
            and all its genres are kept in a 'genres' column; occupation becomes region; unix times \
            become ISO 8601 UTC. A file that is valid UTF-8 is read as UTF-8, any other as Latin-1 (the \
            original u.item). u.genre is used for the genre names when present. \
            See docs/movielens.md. Nothing is written when a file is missing or a line is malformed.

            Example:
              recsite import movielens /path/to/ml-100k --out /tmp/ml-100k
              recsite evaluate --data /tmp/ml-100k
            """
        )

        @Argument(help: ArgumentHelp("The MovieLens 100k folder (with u.data, u.item and u.user).", valueName: "dir"))
        var source: String

        @Option(help: ArgumentHelp("Folder to write users.csv, items.csv and events.csv to (created if missing).",
                                   valueName: "dir"))
        var out: String

        func run() throws {
            let start = ContinuousClock.now
            let genrePath = OutputFile.join(source, "u.genre")
            let files = try MovieLensImport.convert(
                ratings: try read("u.data"), movies: try read("u.item"), users: try read("u.user"),
                genres: FileManager.default.fileExists(atPath: genrePath) ? try read("u.genre") : nil)
            for (name, bytes) in [("users.csv", files.users), ("items.csv", files.items), ("events.csv", files.events)] {
                try OutputFile.write(String(decoding: bytes, as: UTF8.self), to: OutputFile.join(out, name))
            }
            let seconds = Double((ContinuousClock.now - start) / .milliseconds(1)) / 1000
            Terminal.note("import movielens: \(files.userCount) users, \(files.itemCount) items, "
                + "\(files.eventCount) events → \(out) in \(NumberFormat.fixed(seconds, 3)) s")
        }

        private func read(_ name: String) throws -> (path: String, bytes: [UInt8]) {
            let path = OutputFile.join(source, name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RecEngineError.unreadableFile(
                    path: path, reason: "file not found or unreadable (a MovieLens 100k folder holds u.data, u.item and u.user)")
            }
            return (path, [UInt8](data))
        }
    }
}
