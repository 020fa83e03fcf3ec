import ArgumentParser
import Foundation
import RecServer

@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recsite serve",
        abstract: "Serve the recommender's REST API and the generated site over HTTP.",
        discussion: """
        Loads and cleanses the data once (the time of each step goes to stderr), then answers \
        from memory: /health, /popular?k=&type=, /recommendations?user_id=&k=, \
        /user_history?user_id=, /explain?user_id=&item_id=, /openapi.yaml, and the site's \
        files under /. JSON answers have the shapes of the site's api/ files; errors are JSON \
        with a status. One access-log line per request goes to stderr. SIGINT or SIGTERM \
        stops after the requests in flight; SIGHUP (or --reload, on a change of the data \
        files) re-reads the data while the old model keeps answering. docs/serving.md has \
        the details.

        Examples:
          recsite serve
          recsite serve --data data --site site --port 8001 --reload
          curl 'http://127.0.0.1:8001/recommendations?user_id=u1&k=5'
        """
    )

    @Option(help: ArgumentHelp("Folder holding users.csv, items.csv and events.csv.", valueName: "dir"))
    var data = "data"
    @Option(help: ArgumentHelp("The generated site to serve under /.", valueName: "dir"))
    var site = "site"
    @Option(help: ArgumentHelp("Settings file (YAML); default: recsite.yml when present.", valueName: "file"))
    var config: String?
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port, logged at start).") var port = 8001
    @Flag(help: "Re-read the data when users.csv, items.csv, events.csv, explanations.jsonl or the settings change.")
    var reload = false

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535.") }
        // The server watches its data files for --reload; a database has none.
        if data.hasPrefix("postgresql://") || data.hasPrefix("postgres://") {
            throw ValidationError("recsite serve reads a data folder, not a database: build the site from the database "
                                  + "with recsite build --data URL, or export the tables as CSV for the server.")
        }
    }

    func run() async throws {
        var options = ServerOptions()
        options.dataDirectory = data
        options.siteDirectory = site
        options.configPath = config
        options.host = host
        options.port = port
        options.watch = reload
        let log = ServerLog.standardError
        let served: ServedModel
        do {
            served = try ServedModel.load(options)
        } catch {
            log.line("recsite serve: error: \(error)")
            throw ExitCode(1)
        }
        log.line("recsite-serve: loaded \(data)/: \(served.loadSummary)")
        let store = ModelStore(served, options: options, log: log)
        let staticSite = StaticSite(directory: site)
        if staticSite == nil {
            log.line("recsite-serve: no site at \(site)/ (run `recsite build`); serving the API only")
        }
        let hangups = ReloadSignal.install(store: store)
        let watcher = options.watch ? DataWatcher.start(store: store, interval: options.watchInterval) : nil
        let app = RecServer.application(options: options, store: store, site: staticSite, log: log) { port in
            log.line("recsite-serve: listening on http://\(host):\(port)/ (Ctrl-C stops)")
        }
        try await app.runService()
        watcher?.cancel()
        hangups.cancel()
        log.line("recsite-serve: stopped")
    }
}
