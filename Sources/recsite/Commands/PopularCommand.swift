import ArgumentParser
import RecEngine
import RecSite

struct PopularCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "popular",
        abstract: "List the most popular items (Σ interaction score over all users).",
        discussion: """
        Ranked by popularity descending, then viewers descending, then ID order. --type keeps one \
        content type (movie, series, anime, microdrama, …). --json prints the shape of \
        api/popular.json (SPEC §9).

        Examples:
          recsite popular
          recsite popular -k 10 --type movie --json
        """
    )

    @OptionGroup var options: DataOptions
    // `.unconditional` so `-k -1` reaches `validate` (else: "Missing value").
    @Option(name: .short, parsing: .unconditional, help: "How many items to list.") var k = 10
    @Option(name: .customLong("type"), help: "Only this content type.") var contentType: String?
    @Flag(help: "Print JSON (SPEC §9 shape) instead of a table.") var json = false

    func validate() throws {
        if k < 1 { throw ValidationError("-k must be at least 1.") }
    }

    func run() throws {
        let model = try options.loadModel()
        let type = contentType.map { $0.trimmingPythonWhitespace().lowercased() }
        if let type, !model.dataset.items.contains(where: { $0.contentType == type }) {
            let known = Set(model.dataset.items.map(\.contentType)).sorted(by: codePointLess)
            // Not a usage error: one line naming the known types, exit 1.
            throw RecSiteError.invalidConfig(
                path: "--type", reason: "no item has content type '\(type)' (known: \(known.joined(separator: ", ")))")
        }
        if json {
            print(APIDocuments(model: model).popular(limit: k, contentType: type).serialized(pretty: true))
        } else {
            print(PopularList.render(model: model, limit: k, contentType: type), terminator: "")
        }
    }
}
