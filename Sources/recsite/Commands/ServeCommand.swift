import ArgumentParser
import Foundation

/// `recsite serve`: runs `recsite-serve`, the HTTP server, from the folder
/// this binary is in. The server is a binary of its own so that the CLI does
/// not link Hummingbird and SwiftNIO; `execv` replaces this process, so
/// signals, the exit status and stderr are the server's own.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the REST API and the generated site over HTTP (runs recsite-serve).",
        discussion: """
        Options: --data DIR (default data), --site DIR (default site), --config FILE, \
        --host ADDRESS (default 127.0.0.1), --port N (default 8001; 0 picks a free one), \
        --reload (re-read the data when its files change; SIGHUP does the same). Routes: \
        /health, /popular?k=&type=, /recommendations?user_id=&k=, /user_history?user_id=, \
        /explain?user_id=&item_id=, /openapi.yaml and the site under /. See docs/serving.md.

        The server is the separate binary recsite-serve beside recsite; build it with \
        `swift build --product recsite-serve` or `make serve-build` (make install installs both).

        Examples:
          recsite serve
          recsite serve --port 8001 --reload
        """
    )

    @Argument(parsing: .captureForPassthrough, help: "Options passed on to recsite-serve.")
    var arguments: [String] = []

    func run() throws {
        let server = ServerBinary.path
        guard FileManager.default.isExecutableFile(atPath: server) else {
            throw ServerMissing(path: server)
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        throw ServerMissing(path: server, reason: String(cString: strerror(errno)))
    }
}

/// Where `recsite-serve` is: beside the running `recsite` (`/proc/self/exe`
/// on Linux, else the first argument), so a build folder and an installed
/// prefix both work.
enum ServerBinary {
    static let name = "recsite-serve"

    static var path: String {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent(name).path
    }
}

struct ServerMissing: Error, CustomStringConvertible {
    let path: String
    var reason = "not found"

    var description: String {
        "\(path): \(reason); the server is a separate binary: build it with "
            + "`swift build --product recsite-serve` (or `make serve-build`), or install both with `make install`"
    }
}
